// One line of a calculation's working: what is computed, the computation with
// its numbers, and the exact value it gives. Calculations append these in the
// order they happen, so a reader can redo the arithmetic by hand.
#pragma once

#include <string>

#include "svc-org/src/domain/staffing_number.h"

namespace huinong::org {

struct WorkingStep {
  std::string description;  // "seats = households ÷ per × posts_per_step"
  std::string working;      // "130000 ÷ 20000 × 1 = 6.5"
  Exact value;
};

}  // namespace huinong::org
