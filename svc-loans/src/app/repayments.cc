// See repayments.h.
#include "svc-loans/src/app/repayments.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/app/application_access.h"
#include "svc-loans/src/domain/close_of_business.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/extension.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/policy_store.h"

namespace huinong::loans {
namespace {

std::string LoanName(const std::string& id) { return rpc::FormatName("loans", id); }

// ReplayLoan of the loan's terms with `records`, classified by `policy` (the
// county's in force on `as_of`; none: the default).
absl::StatusOr<LoanReplay> ReplayBy(const Loan& loan, const std::vector<store::RepaymentRecord>& records,
                                    absl::CivilDay as_of, const std::optional<CountyPolicy>& policy) {
  const int npl_days = policy ? policy->npl_days_past_due : CountyPolicy{}.npl_days_past_due;
  return ReplayWith(loan, records, as_of, npl_days);
}

// The same, reading the policy in force on `as_of`.
absl::StatusOr<LoanReplay> Replay(sql::Connection& conn, const Loan& loan,
                                  const std::vector<store::RepaymentRecord>& records, absl::CivilDay as_of) {
  ASSIGN_OR_RETURN(const std::optional<CountyPolicy> policy, store::PolicyOn(conn, loan.place.county_id, as_of));
  return ReplayBy(loan, records, as_of, policy);
}

// The credit line a loan was drawn on follows its outstanding principal.
absl::Status FollowOnCreditLine(server::Mutation& m, const Loan& before, const Loan& after) {
  const int64_t repaid = before.outstanding_principal_fen - after.outstanding_principal_fen;
  if (after.credit_line_id.empty() || repaid == 0) return absl::OkStatus();
  ASSIGN_OR_RETURN(std::optional<CreditLineRecord> line, store::GetCreditLine(m.tx(), after.credit_line_id, true));
  if (!line) return absl::OkStatus();
  line->line.outstanding_principal_fen -= repaid;
  line->version += 1;
  line->update_time = m.now();
  return store::UpdateCreditLine(m.tx(), *line);
}

}  // namespace

absl::StatusOr<LoanReplay> ReplayWith(const Loan& loan, const std::vector<store::RepaymentRecord>& records,
                                      absl::CivilDay as_of, int npl_days_past_due) {
  std::vector<Repayment> repayments;
  repayments.reserve(records.size());
  for (const store::RepaymentRecord& r : records) repayments.push_back(r.repayment);
  return ReplayLoan(TermsOfLoan(loan), std::move(repayments), MaturityChangesOf(loan), as_of, npl_days_past_due);
}

absl::Status StoreSchedule(sql::Connection& conn, const Loan& loan) {
  ASSIGN_OR_RETURN(const std::vector<Instalment> schedule, BuildSchedule(TermsOfLoan(loan)));
  return store::SaveSchedule(conn, loan.id, schedule);
}

absl::StatusOr<LoanStanding> StandingOn(sql::Connection& conn, const Loan& loan, absl::CivilDay as_of) {
  LoanStanding s;
  ASSIGN_OR_RETURN(s.repayments, store::LoanRepayments(conn, loan.id));
  ASSIGN_OR_RETURN(s.replay, Replay(conn, loan, s.repayments, as_of));
  return s;
}

absl::flat_hash_map<std::string, AppliedRepayment> AppliedById(const Loan& loan, const LoanReplay& replay) {
  absl::flat_hash_map<std::string, AppliedRepayment> out;
  int64_t outstanding = loan.principal_fen;
  for (const Allocation& a : replay.allocations) {
    outstanding -= a.principal_fen + a.prepaid_principal_fen;
    out[a.request_id] = AppliedRepayment{a, outstanding};
  }
  return out;
}

absl::StatusOr<Loan> LockLoanForItsBank(server::Mutation& m, OrgView& org, const std::string& loan_id) {
  ASSIGN_OR_RETURN(const std::optional<Loan> seen, store::GetLoan(m.tx(), loan_id));
  if (!seen) return rpc::NotFound(LoanName(loan_id));
  RETURN_IF_ERROR(AuthorizeStep(org, m.caller(), RoutingOf(seen->application_id, seen->place), "loans.disburse",
                                m.today()));
  ASSIGN_OR_RETURN(std::optional<Loan> found, store::GetLoan(m.tx(), loan_id, /*for_update=*/true));
  if (!found) return rpc::NotFound(LoanName(loan_id));
  return *std::move(found);
}

absl::StatusOr<RepaymentChange> RecordRepayment(server::Mutation& m, OrgView& org, const RepaymentOrder& order) {
  const std::string name = LoanName(order.loan_id);
  ASSIGN_OR_RETURN(const Loan before, LockLoanForItsBank(m, org, order.loan_id));
  if (!order.etag.empty()) RETURN_IF_ERROR(rpc::CheckEtag(order.etag, before.version, name));

  ASSIGN_OR_RETURN(std::vector<store::RepaymentRecord> records, store::LoanRepayments(m.tx(), order.loan_id));
  // Read once: the replay's classification and the township's measurement both judge by it.
  ASSIGN_OR_RETURN(std::optional<CountyPolicy> policy, store::PolicyOn(m.tx(), before.place.county_id, m.today()));
  for (const store::RepaymentRecord& r : records) {
    if (r.bank_reference != order.bank_reference) continue;
    if (r.repayment.amount_fen != order.amount_fen || r.repayment.value_date != order.value_date) {
      return rpc::AlreadyExists("BANK_REFERENCE_USED",
                                absl::StrCat("the bank's reference ", order.bank_reference, " repaid ",
                                             r.repayment.amount_fen, " fen valued ",
                                             absl::FormatCivilTime(r.repayment.value_date), " on ", name));
    }
    ASSIGN_OR_RETURN(const LoanReplay replay, ReplayBy(before, records, m.today(), policy));
    return RepaymentChange{before, before, r, AppliedById(before, replay)[r.id], /*existing=*/true, std::move(policy)};
  }
  if (before.status != LoanStatus::kActive) {
    return rpc::FailedPrecondition("LOAN_NOT_ACTIVE", absl::StrCat(name, " is settled or written off"));
  }
  if (order.value_date > m.today() || order.value_date < before.disbursement_date) {
    rpc::Violations v;
    v.Add("repayment.value_date", absl::StrCat("from the loan's disbursement, ",
                                               absl::FormatCivilTime(before.disbursement_date), ", to today, ",
                                               absl::FormatCivilTime(m.today())));
    return v.ToStatus();
  }

  store::RepaymentRecord record;
  record.id = NewUlid();
  record.loan_id = order.loan_id;
  record.request_id = m.request_id();
  record.bank_reference = order.bank_reference;
  record.repayment = Repayment{record.id, order.value_date, m.today(), order.amount_fen};
  record.recorded_by = m.caller().subject;
  record.create_time = m.now();
  records.push_back(record);
  ASSIGN_OR_RETURN(const LoanReplay replay, ReplayBy(before, records, m.today(), policy));
  for (const Allocation& a : replay.allocations) {
    if (a.unapplied_fen == 0) continue;
    return rpc::FailedPrecondition(
        "AMOUNT_EXCEEDS_BALANCE",
        absl::StrCat(name, " owes less: replayed from ", absl::FormatCivilTime(order.value_date), ", ",
                     a.unapplied_fen, " fen of the repayment valued ", absl::FormatCivilTime(a.value_date),
                     " would be left over (GetPayoffQuote says what settles the loan)"));
  }
  const AppliedRepayment applied = AppliedById(before, replay)[record.id];
  record.allocation = applied.allocation;
  RETURN_IF_ERROR(store::InsertRepayment(m.tx(), record));

  Loan after = ReplayedLoan(before, replay);
  after.version += 1;
  after.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateLoanServicing(m.tx(), before, after, m.today()));
  RETURN_IF_ERROR(FollowOnCreditLine(m, before, after));
  return RepaymentChange{before, after, record, applied, /*existing=*/false, std::move(policy)};
}

absl::StatusOr<PayoffFigures> PayoffOn(sql::Connection& conn, const Loan& loan, absl::CivilDay as_of,
                                       const std::string& field) {
  ASSIGN_OR_RETURN(const std::vector<store::RepaymentRecord> records, store::LoanRepayments(conn, loan.id));
  const absl::CivilDay earliest =
      records.empty() ? loan.disbursement_date : std::max(loan.disbursement_date, records.back().repayment.value_date);
  if (as_of < earliest) {
    rpc::Violations v;
    v.Add(field, absl::StrCat("on or after ", absl::FormatCivilTime(earliest),
                              " (the disbursement, or the last repayment's value date)"));
    return v.ToStatus();
  }
  ASSIGN_OR_RETURN(const LoanReplay replay, Replay(conn, loan, records, as_of));
  ASSIGN_OR_RETURN(const int64_t total, PayoffQuoteFen(replay.position, as_of));
  const int64_t principal = replay.position.outstanding_principal_fen;
  return PayoffFigures{principal, total - principal, total};
}

}  // namespace huinong::loans
