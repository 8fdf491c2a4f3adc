// Calendar-month arithmetic for terms and due dates: N months after a day
// lands on the same day of the month, or on the month's last day when it is
// shorter (31 January + 1 month = 28 or 29 February). Pure.
#pragma once

#include "absl/time/civil_time.h"

namespace huinong::loans {

absl::CivilDay AddMonths(absl::CivilDay day, int months);

}  // namespace huinong::loans
