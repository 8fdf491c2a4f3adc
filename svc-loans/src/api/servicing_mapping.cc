// See servicing_mapping.h.
#include "svc-loans/src/api/servicing_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"

namespace huinong::loans {
namespace {

v1::InstalmentState StateOf(const ServicedInstalment& i, absl::CivilDay today) {
  if (i.PaidInFull()) return v1::INSTALMENT_STATE_PAID;
  if (i.due.due_date < today) return v1::INSTALMENT_STATE_OVERDUE;
  if (i.principal_paid_fen > 0 || i.interest_paid_fen > 0) return v1::INSTALMENT_STATE_PARTIALLY_PAID;
  return v1::INSTALMENT_STATE_PENDING;
}

}  // namespace

void FillStanding(const Loan& loan, const LoanReplay& replay, absl::CivilDay today, v1::Loan& out) {
  int64_t interest_due = 0;
  int64_t interest_paid = 0;
  const ServicedInstalment* next = nullptr;
  for (const ServicedInstalment& i : replay.position.instalments) {
    interest_paid += i.interest_paid_fen;
    if (i.due.due_date <= today) interest_due += i.due.interest_due_fen - i.interest_paid_fen;
    if (next == nullptr && !i.PaidInFull()) next = &i;
  }
  const int64_t outstanding = replay.position.outstanding_principal_fen;
  *out.mutable_outstanding_principal() = rpc::ToMoney(outstanding);
  *out.mutable_principal_repaid() = rpc::ToMoney(loan.principal_fen - outstanding);
  *out.mutable_interest_due() = rpc::ToMoney(interest_due);
  *out.mutable_interest_paid() = rpc::ToMoney(interest_paid);
  if (next != nullptr) {
    *out.mutable_next_due_date() = rpc::ToDate(next->due.due_date);
  } else {
    out.clear_next_due_date();
  }
  out.set_days_past_due(replay.days_past_due);
  out.set_classification(static_cast<v1::LoanClassification>(replay.loan_class));
}

v1::RepaymentSchedule ScheduleProto(const Loan& loan, const LoanReplay& replay, absl::CivilDay today) {
  v1::RepaymentSchedule s;
  s.set_loan(rpc::FormatName("loans", loan.id));
  s.set_repayment_method(static_cast<v1::RepaymentMethod>(loan.repayment_method));
  s.set_day_count(static_cast<v1::DayCount>(loan.day_count));
  s.set_rate_bp(loan.rate_bp);
  int64_t principal = 0;
  int64_t interest = 0;
  for (const ServicedInstalment& i : replay.position.instalments) {
    v1::Instalment* p = s.add_instalments();
    p->set_index(i.due.index);
    *p->mutable_period_start() = rpc::ToDate(i.due.period_start);
    *p->mutable_due_date() = rpc::ToDate(i.due.due_date);
    p->set_days(i.due.days);
    *p->mutable_principal_due() = rpc::ToMoney(i.due.principal_due_fen);
    *p->mutable_interest_due() = rpc::ToMoney(i.due.interest_due_fen);
    *p->mutable_principal_paid() = rpc::ToMoney(i.principal_paid_fen);
    *p->mutable_interest_paid() = rpc::ToMoney(i.interest_paid_fen);
    p->set_state(StateOf(i, today));
    principal += i.due.principal_due_fen;
    interest += i.due.interest_due_fen;
  }
  *s.mutable_total_principal() = rpc::ToMoney(principal);
  *s.mutable_total_interest() = rpc::ToMoney(interest);
  return s;
}

v1::Repayment RepaymentProto(const store::RepaymentRecord& r, const AppliedRepayment& applied) {
  v1::Repayment p;
  p.set_name(absl::StrCat(rpc::FormatName("loans", r.loan_id), "/repayments/", r.id));
  *p.mutable_amount() = rpc::ToMoney(r.repayment.amount_fen);
  *p.mutable_value_date() = rpc::ToDate(r.repayment.value_date);
  *p.mutable_posting_date() = rpc::ToDate(r.repayment.posting_date);
  p.set_bank_reference(r.bank_reference);
  *p.mutable_interest_paid() = rpc::ToMoney(applied.allocation.interest_fen);
  *p.mutable_principal_paid() =
      rpc::ToMoney(applied.allocation.principal_fen + applied.allocation.prepaid_principal_fen);
  *p.mutable_outstanding_after() = rpc::ToMoney(applied.outstanding_after_fen);
  p.set_settled(applied.allocation.settled);
  p.set_recorded_by(r.recorded_by);
  *p.mutable_record_time() = rpc::ToTimestamp(r.create_time);
  return p;
}

v1::PayoffQuote PayoffQuoteProto(const Loan& loan, absl::CivilDay as_of, const PayoffFigures& f) {
  v1::PayoffQuote q;
  q.set_loan(rpc::FormatName("loans", loan.id));
  *q.mutable_as_of() = rpc::ToDate(as_of);
  *q.mutable_principal() = rpc::ToMoney(f.principal_fen);
  *q.mutable_interest() = rpc::ToMoney(f.interest_fen);
  *q.mutable_total() = rpc::ToMoney(f.total_fen);
  return q;
}

}  // namespace huinong::loans
