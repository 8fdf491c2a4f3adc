// The county review's deadline (000:1517: small loans reviewed within 2
// working days of arriving at the county centre; industry loans a county
// setting): counted on the county's work calendar, owned by svc-org, so
// weekends, public holidays and make-up working days (调休) all count as the
// county does. "Within N working days" is common/calendar's definition: the
// end of the N-th working day after the day of arrival. Pure.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/calendar/work_calendar.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/eligibility.h"

namespace huinong::loans {

struct ReviewDeadline {
  absl::Time due;              // overdue from this instant on
  int working_days = 0;        // the policy's number used
  std::string policy_version;  // the policy it came from
};

absl::StatusOr<ReviewDeadline> CountyReviewDeadline(const calendar::WorkCalendar& calendar, absl::Time arrival,
                                                    ProductKind product, const CountyPolicy& policy);

inline bool ReviewOverdue(const ReviewDeadline& deadline, absl::Time now) { return now >= deadline.due; }

}  // namespace huinong::loans
