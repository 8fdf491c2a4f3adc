// Servicing use cases of a disbursed loan (issue 11, items 2-3): its
// schedule stored when it is paid out, repayments recorded by the bank that
// paid it, and what the loan stands at on a day — all through the pure
// domain (schedule.h, repayment.h), never by arithmetic of their own.
//
// Guarantees: a loan's figures on a day are ReplayLoan of its terms and its
// stored repayments, so a backdated repayment counts from its value date
// and reading twice gives the same answer; after every repayment the loan's
// outstanding principal, status (SETTLED once nothing is outstanding), days
// past due and class are written in the same transaction, with its credit
// line's outstanding; a repayment that would pay more than is owed (on its
// value date or, replayed, for a later one) changes nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/server/handler_kit.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/loan.h"
#include "svc-loans/src/domain/repayment.h"
#include "svc-loans/src/store/repayment_store.h"

namespace sql {
class Connection;
}

namespace huinong::loans {

// Builds the loan's schedule from its terms (the product's repayment method
// and day count, copied on the loan) and stores it: called in the
// disbursement's and the draw's transaction.
absl::Status StoreSchedule(sql::Connection& conn, const Loan& loan);

// The loan on `as_of`: its terms replayed with every stored repayment
// valued on or before that day and its extensions agreed by then,
// classified by the county policy in force then (its npl_days_past_due; 90
// without a policy).
struct LoanStanding {
  LoanReplay replay;
  std::vector<store::RepaymentRecord> repayments;  // all of them, (value_date, id) order
};
absl::StatusOr<LoanStanding> StandingOn(sql::Connection& conn, const Loan& loan, absl::CivilDay as_of);
// The same replay with the repayments already read and the policy's
// npl_days_past_due already known (the close-of-business job reads them
// once per batch and once per date).
absl::StatusOr<LoanReplay> ReplayWith(const Loan& loan, const std::vector<store::RepaymentRecord>& records,
                                      absl::CivilDay as_of, int npl_days_past_due);

// Where each repayment went in `replay`, and the principal outstanding
// right after it, by repayment id.
struct AppliedRepayment {
  Allocation allocation;
  int64_t outstanding_after_fen = 0;
};
absl::flat_hash_map<std::string, AppliedRepayment> AppliedById(const Loan& loan, const LoanReplay& replay);

// The loan `loan_id` locked for a change by the bank that paid it (a
// repayment, an extension): NOT_FOUND; the caller's loans.disburse inside
// the loan's bank is asked before the lock — the loan's routing never
// changes — so no lock waits on svc-org (PERMISSION_DENIED).
absl::StatusOr<Loan> LockLoanForItsBank(server::Mutation& m, OrgView& org, const std::string& loan_id);

// What the API asks RecordRepayment for.
struct RepaymentOrder {
  std::string loan_id;
  std::string etag;  // optional
  std::string bank_reference;
  absl::CivilDay value_date;
  int64_t amount_fen = 0;
};

struct RepaymentChange {
  Loan before;
  Loan after;
  store::RepaymentRecord repayment;
  AppliedRepayment applied;
  // The bank's reference had paid this amount on this value date before:
  // nothing changed, the first repayment is answered.
  bool existing = false;
  // The county policy in force today that classified the replay (none:
  // the default classification), for the township's measurement.
  std::optional<CountyPolicy> policy_in_force;
};

// Records a repayment (servicing_service.proto RecordRepayment): by the
// bank's officer with loans.disburse inside the bank the loan was routed to
// (asked before the loan is locked); ACTIVE (LOAN_NOT_ACTIVE); value date
// from the disbursement to today (INVALID_ARGUMENT repayment.value_date);
// not more than owed (AMOUNT_EXCEEDS_BALANCE); the bank's reference again
// with the same amount and value date answers the first repayment, with
// another is ALREADY_EXISTS / BANK_REFERENCE_USED.
absl::StatusOr<RepaymentChange> RecordRepayment(server::Mutation& m, OrgView& org, const RepaymentOrder& order);

// What settles the loan on `as_of` (PayoffQuoteFen on the loan as it
// stands that day): INVALID_ARGUMENT naming `field` when `as_of` is before
// the disbursement or before a repayment already valued.
struct PayoffFigures {
  int64_t principal_fen = 0;
  int64_t interest_fen = 0;
  int64_t total_fen = 0;
};
absl::StatusOr<PayoffFigures> PayoffOn(sql::Connection& conn, const Loan& loan, absl::CivilDay as_of,
                                       const std::string& field);

}  // namespace huinong::loans
