// A loan's classification from its days past due (issue 11 item 1;
// domain-loans.md "Servicing": "NPL classification (days past due
// threshold a county setting, default 90)"), and the day its maturity
// reminder falls due (000:1445: "对到期还款企业提前两个月进行跟踪" —
// followed up two months before maturity). Pure.
//
// Boundary. The issue reads "non-performing at 90 days past due": a loan
// becomes non-performing ON the day it reaches the policy's
// npl_days_past_due, so with 90: 0 days is NORMAL, 1…89 OVERDUE, 90 and more
// NON_PERFORMING. Days past due count from the day after the due date (see
// DaysPastDue in repayment.h): an instalment due 1 March and unpaid is 1 day
// past due on 2 March, and 90 on 30 May.
#pragma once

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace huinong::loans {

enum class LoanClass { kNormal = 1, kOverdue = 2, kNonPerforming = 3 };

absl::string_view LoanClassName(LoanClass loan_class);

// NORMAL at 0 days past due (or fewer), NON_PERFORMING from
// `npl_days_past_due` on, OVERDUE in between.
LoanClass Classify(int days_past_due, int npl_days_past_due);

// `reminder_months` calendar months before `maturity`, clamped to the end
// of a shorter month (maturity 31 December, 2 months → 31 October;
// 30 April → 28 or 29 February). A reminder of 0 months is the maturity.
absl::CivilDay MaturityReminderDate(absl::CivilDay maturity, int reminder_months);

}  // namespace huinong::loans
