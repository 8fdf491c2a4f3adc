// See review_deadline.h.
#include "svc-loans/src/domain/review_deadline.h"

#include "common/core/status_macros.h"

namespace huinong::loans {

absl::StatusOr<ReviewDeadline> CountyReviewDeadline(const calendar::WorkCalendar& calendar, absl::Time arrival,
                                                    ProductKind product, const CountyPolicy& policy) {
  const int days = product == ProductKind::kPovertySmallLoan ? policy.small_loan_review_working_days
                                                             : policy.industry_loan_review_working_days;
  ASSIGN_OR_RETURN(const absl::Time due, calendar.WorkingDaysDeadline(arrival, days));
  return ReviewDeadline{due, days, policy.id};
}

}  // namespace huinong::loans
