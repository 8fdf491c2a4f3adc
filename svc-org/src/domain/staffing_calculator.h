// The staffing calculator: applies a well-formed standard (see
// staffing_standard.h) to driver values and returns the headcount with its
// working, step by step. Pure and exact: no floating point, and every
// fraction of a person becomes whole people only under the rule's named
// rounding mode.
//
// Per rule kind (staffing_rule.h):
// - per-N: driver ÷ per × posts_per_step, rounded, then the minimum when the
//   driver is above zero (130,000 households at 1 per 20,000, down → 6);
// - formula: the expression, exactly, then rounding and minimum (when the
//   result is above zero); a negative result is INVALID_ARGUMENT;
// - summed fractions: Σ driver ÷ capacity, rounded, then the minimum when the
//   sum is above zero (600/1200 + 5/10 = 1 → 1);
// - percentage bands: for each kind, at least ⌈T × min%⌉ and at most
//   ⌊T × max%⌋ of the establishment T (a whole number); the total headcount
//   is T and each line's headcount is its band's minimum;
// - ratio pyramid: each tier = (base driver, or the earlier tier's rounded
//   headcount) × ratio, rounded; the total is the sum of the tiers — you staff
//   nurses for the doctors you will have, not for a fraction of one.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-org/src/domain/staffing_number.h"
#include "svc-org/src/domain/staffing_rule.h"
#include "svc-org/src/domain/staffing_step.h"

namespace huinong::org {

// Driver values by name (all ≥ 0; checked where they are read).
using Drivers = std::map<std::string, Exact>;

struct StaffingLineResult {
  std::string label;  // "total", a pyramid role, or a KindLabel
  Exact exact;        // before rounding (a band's lower bound)
  int32_t headcount = 0;
  int32_t min = 0;    // the allowed range; min == max == headcount except for bands
  int32_t max = 0;
};

struct Calculation {
  Exact exact;  // total before rounding (0 for bands)
  int32_t headcount = 0;
  std::vector<StaffingLineResult> lines;
  std::vector<WorkingStep> steps;
  std::optional<int64_t> establishment;  // set for percentage bands
};

// INVALID_ARGUMENT naming field "inputs" for each missing driver, a
// non-whole establishment, division by zero or a negative formula result;
// OUT_OF_RANGE when a number grows beyond exact arithmetic or a headcount
// beyond int32.
absl::StatusOr<Calculation> Calculate(const StaffingRule& rule, const Drivers& drivers);

}  // namespace huinong::org
