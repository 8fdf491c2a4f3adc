// Repayments applied to a loan's schedule (issue 11 item 3): how money is
// allocated, what settles the loan on a day (the payoff quote), and the
// replay that recomputes a loan from its repayments' value dates — paid
// amounts, days past due and classification — so a backdated repayment
// counts from the day it says. Pure: no clock, no I/O; interest only ever
// through InterestFen and schedules only through BuildSchedule /
// RebuildScheduleFrom (schedule.h), so everything rounds as the schedule.
//
// Dates. A repayment's VALUE DATE is the day the money counts from (for
// interest and days past due); its POSTING DATE the business day the bank
// booked it, never before the value date (a later posting date is a
// backdated repayment). Only the value date moves figures; the posting date
// is carried through for the record.
//
// Allocation of an amount on value date d (ApplyRepayment):
//  1. interest of the instalments due on or before d, oldest first;
//  2. then their principal, oldest first;
//  3. whatever is left is a PREPAYMENT: first the interest of the current
//     period (the first instalment due after d) accrued from its start — or
//     from an earlier prepayment in the same period — to d, on the
//     principal outstanding; then principal. A partial prepayment rebuilds
//     the rest of the schedule with RebuildScheduleFrom(terms, d,
//     outstanding) (same term, smaller instalments); the current
//     instalment keeps its index and due date, and its interest becomes
//     the accrued interest settled on d plus the rebuilt interest from d;
//  4. what is left once the loan is settled is UNAPPLIED (to be returned).
// Money is applied on its value date: an instalment paid before it falls
// due is a prepayment (step 3). The bank debits regular instalments on the
// due date, which is then the value date. No default (penalty) interest:
// the seeds set none; an overdue instalment owes what the schedule says.
//
// Payoff quote. PayoffQuoteFen(position, d) runs the same ApplyRepayment on
// a copy with more money than can be owed and returns what it applied, so
// paying the quote on d settles the loan exactly, and one fen less does not.
//
// Replay. ReplayLoan(terms, repayments, as_of, npl_days) builds the
// schedule, applies the repayments whose value date is on or before as_of
// in value-date order (ties: posting date, then request id), and reports
// the instalments, days past due and class on as_of: a pure function of
// its arguments, so running it twice gives the same answer, and a
// repayment entered late lands where its value date puts it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/classification.h"
#include "svc-loans/src/domain/schedule.h"

namespace huinong::loans {

struct Repayment {
  std::string request_id;         // the idempotency key the store keeps it under
  absl::CivilDay value_date;      // counts from this day
  absl::CivilDay posting_date;    // booked on this business day (≥ value_date)
  int64_t amount_fen = 0;         // > 0
};

// One instalment as it stands: its current terms (after any rebuild) and
// what has been paid on it.
struct ServicedInstalment {
  Instalment due;                  // index, period, principal and interest due
  int64_t principal_paid_fen = 0;
  int64_t interest_paid_fen = 0;
  // The value date of the repayment that completed it; unset while unpaid.
  std::optional<absl::CivilDay> paid_in_full_on;
  // Accrual bookkeeping of the current period after a prepayment inside it:
  // interest is counted from `accrues_from` on the outstanding principal,
  // on top of `interest_settled_fen` accrued before that day.
  absl::CivilDay accrues_from;
  int64_t interest_settled_fen = 0;

  bool PaidInFull() const {
    return principal_paid_fen == due.principal_due_fen && interest_paid_fen == due.interest_due_fen;
  }
};

// A loan's schedule and payments after the repayments applied so far.
struct LoanPosition {
  ScheduleTerms terms;
  std::vector<ServicedInstalment> instalments;
  int64_t outstanding_principal_fen = 0;
  std::optional<absl::CivilDay> last_value_date;  // repayments apply in value-date order
  bool Settled() const { return outstanding_principal_fen == 0; }
};

// Where one repayment went.
struct Allocation {
  std::string request_id;
  absl::CivilDay value_date;
  absl::CivilDay posting_date;
  int64_t interest_fen = 0;           // due interest and interest accrued to the value date
  int64_t principal_fen = 0;          // principal that was due
  int64_t prepaid_principal_fen = 0;  // principal repaid before it was due
  int64_t unapplied_fen = 0;          // beyond what settles the loan: to be returned
  bool rebuilt = false;               // the rest of the schedule was regenerated
  bool settled = false;               // nothing is outstanding afterwards
};

// The position of a loan with these terms before any repayment
// (BuildSchedule's instalments, nothing paid). INVALID_ARGUMENT as
// BuildSchedule.
absl::StatusOr<LoanPosition> OpenPosition(const ScheduleTerms& terms);

// Applies `amount_fen` on `value_date` as described above and returns where
// it went. INVALID_ARGUMENT (nothing changed) naming every bad argument:
// an amount not positive, a value date before the disbursement or before
// the last one applied.
absl::StatusOr<Allocation> ApplyRepayment(LoanPosition& position, absl::CivilDay value_date, int64_t amount_fen);

// What settles the loan on `date`: due interest and principal, interest
// accrued to `date`, the rest of the principal; 0 once settled. Computed
// by ApplyRepayment itself. INVALID_ARGUMENT for a date ApplyRepayment
// would refuse.
absl::StatusOr<int64_t> PayoffQuoteFen(const LoanPosition& position, absl::CivilDay date);

// Days the oldest unpaid instalment due before `date` is past due on
// `date` (`date` − its due date); 0 when none. An instalment is past due
// from the day after its due date. Judges the repayments applied to
// `position`, whatever their value dates: ReplayLoan applies only those
// on or before the date.
int DaysPastDue(const LoanPosition& position, absl::CivilDay date);

struct LoanReplay {
  LoanPosition position;
  std::vector<Allocation> allocations;  // in the order applied
  int days_past_due = 0;
  LoanClass loan_class = LoanClass::kNormal;
};

// The loan on `as_of` from its terms and every repayment recorded for it
// (any order; those valued after `as_of` are left out). INVALID_ARGUMENT
// for bad terms, or naming every bad repayment (amount not positive,
// posting date before its value date, value date before the disbursement).
absl::StatusOr<LoanReplay> ReplayLoan(const ScheduleTerms& terms, std::vector<Repayment> repayments,
                                      absl::CivilDay as_of, int npl_days_past_due);

// An extension's effect on the schedule (extension.h): from
// `effective_date` the loan matures on `new_maturity_date`.
struct MaturityChange {
  absl::CivilDay effective_date;
  absl::CivilDay new_maturity_date;
};

// As above, for a loan extended by `changes` (in the order agreed; `terms`
// carry the maturity as disbursed): each applies (ApplyExtension) after
// the repayments valued on or before its effective date and before those
// valued later, and only when its effective date is on or before `as_of`
// — so on any day before an extension the replay is the one without it.
absl::StatusOr<LoanReplay> ReplayLoan(const ScheduleTerms& terms, std::vector<Repayment> repayments,
                                      const std::vector<MaturityChange>& changes, absl::CivilDay as_of,
                                      int npl_days_past_due);

}  // namespace huinong::loans
