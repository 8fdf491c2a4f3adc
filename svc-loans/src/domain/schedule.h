// A loan's repayment schedule (issue 11 item 2): its instalments — period,
// due date, days, principal and interest due, in integer fen — built from
// the loan's terms, and rebuilt for what remains after a prepayment (item
// 3). Pure: no clock, no I/O; the same terms always give the same schedule.
//
// Interest. The interest of a period is
//   outstanding principal × rate_bp × days ÷ (10000 × 365)   (ACT/365, the default)
//   outstanding principal × rate_bp × days ÷ (10000 × 360)   (ACT/360, a product setting)
// with `days` the actual calendar days from the period's start (counted) to
// its due date (not counted), so a period across 29 February has its extra
// day. It is computed exactly in 128-bit integers and rounded once, half up,
// to the fen (an exact half fen rounds up); no floating point anywhere.
// InterestFen is that one formula; repayments, accruals and payoff quotes
// use it too, so they round as the schedule does.
//
// Due dates. Monthly, anchored on the disbursement's day of the month and
// clamped to shorter months (AddMonths: disbursed 31 January → 28 or 29
// February, then 31 March — never drifting to the 28th), the last on the
// maturity date. A maturity that is not a whole number of months after the
// disbursement (after an extension, say) ends a shorter last period.
//
// Where the product says so, a due date on a rest day of the county's work
// calendar (weekend or holiday, but not a make-up working day, 调休) moves
// to the next working day, and the interest period ENDS ON THE MOVED DATE:
// the borrower keeps the money those days and pays interest on them at the
// contract rate, as Chinese banks' interest rules have it for a loan repaid
// on the first working day after a holiday. The next period starts on the
// moved date and ends on its own anchored date (moved again if need be):
// the periods' days still add up to last due date − disbursement, and the
// anchor never drifts. A moved maturity lengthens the loan by those days.
//
// Principal, by the product's repayment method:
// - monthly interest, principal at maturity (the seeds' pattern, 000:1433):
//   every instalment is the period's interest; the last adds all principal;
// - equal principal: each instalment repays principal ÷ n rounded DOWN to
//   the fen, plus the period's interest;
// - equal instalments (annuity): each instalment is the fixed amount
//   A = P × r × (1+r)^n ÷ ((1+r)^n − 1), r = rate_bp ÷ 120000 (the annual
//   rate over 12, whatever the day count), computed exactly and rounded half
//   up to the fen; its interest is the period's actual-day interest above
//   and its principal A − interest (never below 0). A rate of 0 repays as
//   equal principal.
// In every method the LAST instalment repays whatever principal remains,
// absorbing every rounding remainder: the principal of a schedule always
// adds up to exactly the amount lent (and a rounded-down share can never
// make the last instalment negative). With actual-day interest the last
// annuity instalment differs from A by a little.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/calendar/work_calendar.h"
#include "svc-loans/src/domain/loan.h"
#include "svc-loans/src/domain/product.h"

namespace huinong::loans {

// Bounds that keep every intermediate value exact (see schedule.cc).
inline constexpr int64_t kMaxSchedulePrincipalFen = 10'000'000'000'000;  // 100 billion CNY
inline constexpr int kMaxScheduleRateBp = 100'000;                       // 1000% a year
inline constexpr int kMaxSchedulePeriods = 600;                          // 50 years of months

struct ScheduleTerms {
  int64_t principal_fen = 0;  // the amount lent, > 0
  int rate_bp = 0;            // annual, ≥ 0 (435 = 4.35%)
  absl::CivilDay disbursement_date;
  // Contractual maturity, after the disbursement: AddMonths(disbursement,
  // term_months) for a term in months (see TermsOfLoan).
  absl::CivilDay maturity_date;
  RepaymentMethod method = RepaymentMethod::kMonthlyInterestBullet;
  DayCount day_count = DayCount::kActual365;
  // The product's "due dates on a rest day move to the next working day",
  // with the county's calendar (svc-org) it needs; a calendar without the
  // flag changes nothing, the flag without a calendar is INVALID_ARGUMENT.
  bool move_due_dates_to_working_day = false;
  const calendar::WorkCalendar* calendar = nullptr;  // not owned; outlives the call
};

struct Instalment {
  int index = 0;                 // 1-based, in due-date order
  absl::CivilDay period_start;   // interest counted from this day…
  absl::CivilDay due_date;       // …to this one (not counted); also the day it is due
  int days = 0;                  // due_date − period_start
  int64_t principal_due_fen = 0;
  int64_t interest_due_fen = 0;
};

// The terms of `loan` as disbursed (principal, rate, dates, method, day
// count; the maturity before any extension, which ReplayLoan applies on
// its day), no due-date moves: the caller adds the product's flag and the
// county's calendar.
ScheduleTerms TermsOfLoan(const Loan& loan);

// principal × rate_bp × days ÷ (10000 × 365 or 360), half up to the fen.
// 0 when principal, rate or days is not positive.
int64_t InterestFen(int64_t principal_fen, int rate_bp, DayCount day_count, int days);

// The whole schedule of a loan with these terms. INVALID_ARGUMENT naming
// every bad term: principal not in 1 fen…kMaxSchedulePrincipalFen, rate not
// in 0…kMaxScheduleRateBp, maturity not after the disbursement or more than
// kMaxSchedulePeriods months after it, an unknown method or day count, the
// move flag without a calendar.
//
// Guarantees: at least one instalment; indexes 1…n; the first period starts
// on the disbursement date and each next one on the previous due date; due
// dates increase (strictly, unless a rest stretch outlasts a month); the
// principal adds up to principal_fen and none is negative.
absl::StatusOr<std::vector<Instalment>> BuildSchedule(const ScheduleTerms& terms);

// What remains of the schedule once the principal outstanding is
// `outstanding_principal_fen` on `from` — after a partial prepayment (or
// any repayment of principal) on that value date, the interest up to `from`
// having been settled by it (repayments pay interest first). Same terms,
// same rounding, same method: the instalments BuildSchedule(terms) has due
// strictly after `from`, keeping their indexes and due dates; the first of
// them starts on `from`, and the outstanding principal is spread over them
// anew — the term is kept and the instalments shrink (equal principal:
// outstanding ÷ remaining instalments; annuity: A recomputed for the
// outstanding over the remaining instalments; monthly interest: all at
// maturity). Empty when nothing is outstanding (a full prepayment).
//
// Guarantees: RebuildScheduleFrom(terms, disbursement_date, principal_fen)
// is BuildSchedule(terms); the remaining principal adds up to exactly
// `outstanding_principal_fen`. INVALID_ARGUMENT for bad terms (as
// BuildSchedule), an outstanding below 0 or above the amount lent, or a
// `from` before the disbursement or on or after the last due date while
// principal is outstanding (an overdue loan has nothing left to schedule).
absl::StatusOr<std::vector<Instalment>> RebuildScheduleFrom(const ScheduleTerms& terms, absl::CivilDay from,
                                                            int64_t outstanding_principal_fen);

}  // namespace huinong::loans
