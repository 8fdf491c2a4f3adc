// See classification.h.
#include "svc-loans/src/domain/classification.h"

#include "svc-loans/src/domain/months.h"

namespace huinong::loans {

absl::string_view LoanClassName(LoanClass loan_class) {
  switch (loan_class) {
    case LoanClass::kNormal: return "NORMAL";
    case LoanClass::kOverdue: return "OVERDUE";
    case LoanClass::kNonPerforming: return "NON_PERFORMING";
  }
  return "UNKNOWN";
}

LoanClass Classify(int days_past_due, int npl_days_past_due) {
  if (days_past_due <= 0) return LoanClass::kNormal;
  if (days_past_due >= npl_days_past_due) return LoanClass::kNonPerforming;
  return LoanClass::kOverdue;
}

absl::CivilDay MaturityReminderDate(absl::CivilDay maturity, int reminder_months) {
  return AddMonths(maturity, -reminder_months);
}

}  // namespace huinong::loans
