// A loan's servicing figures between the domain (repayment.h, as
// app/repayments.h replays them) and the API (servicing.proto): the
// schedule with what is paid, repayments with where they went, the payoff
// quote, and the figures of a Loan that change day by day. Money in fen.
#pragma once

#include "absl/time/civil_time.h"
#include "huinong/loans/v1/servicing.pb.h"
#include "svc-loans/src/app/repayments.h"

namespace huinong::loans {

// interest_due (due on or before `today`, unpaid), interest_paid,
// principal_repaid, outstanding_principal, next_due_date (the oldest
// instalment not paid in full), days_past_due and classification.
void FillStanding(const Loan& loan, const LoanReplay& replay, absl::CivilDay today, v1::Loan& out);

v1::RepaymentSchedule ScheduleProto(const Loan& loan, const LoanReplay& replay, absl::CivilDay today);

v1::Repayment RepaymentProto(const store::RepaymentRecord& record, const AppliedRepayment& applied);

v1::PayoffQuote PayoffQuoteProto(const Loan& loan, absl::CivilDay as_of, const PayoffFigures& figures);

}  // namespace huinong::loans
