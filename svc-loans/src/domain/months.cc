// See months.h.
#include "svc-loans/src/domain/months.h"

#include <algorithm>

namespace huinong::loans {

absl::CivilDay AddMonths(absl::CivilDay day, int months) {
  const absl::CivilMonth month = absl::CivilMonth(day) + months;
  const absl::CivilDay first(month);
  const absl::CivilDay last = absl::CivilDay(month + 1) - 1;
  return first + (std::min(day.day(), last.day()) - 1);
}

}  // namespace huinong::loans
