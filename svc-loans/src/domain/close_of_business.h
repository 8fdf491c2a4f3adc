// The rules of the close-of-business job (issue 11 item 1; domain-loans.md
// "Servicing"; docs/servicing.md "Close of business"), free of I/O: which
// business dates a county closes, what closing a date makes of one loan,
// and when its maturity reminder is due (000:1445, two months ahead).
//
// A date closes once it is over: the latest date a county may close is the
// day before its business date (the injected business clock in the
// county's time zone). Dates close one by one in order, each once.
//
// Closing date D for a loan is its replay as of D (repayment.h ReplayLoan:
// every repayment booked so far and valued on or before D): days past due
// and class as of D. A date's figures are fixed when it closes — a
// repayment booked after that, valued back inside it, changes the days
// from its booking on (its posting date), never a closed date, so a report
// once given reads the same later. Before it closes, a date takes every
// repayment booked by then: after downtime, the dates the job catches up
// see the repayments the bank recorded meanwhile on their value dates.
//
// The loan's row holds the figures of the latest business day that booked
// anything on it, so a loan with business BOOKED after D (a repayment
// posted on a later business day, a settlement or a write-off since: the
// job catching up after downtime while the bank kept recording) already
// stands at a later day. Closing D leaves its row alone and writes only its
// history: its standing on D, recorded as of D when it differs from the
// standing its history holds there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "svc-loans/src/domain/loan.h"
#include "svc-loans/src/domain/repayment.h"

namespace huinong::loans {

// The latest date a county whose business date is `today` may close.
inline absl::CivilDay LastClosableDate(absl::CivilDay today) { return today - 1; }

// The dates to close, in order, to bring a county whose last closed date is
// `last_closed` (none: never closed) through `through`: the day after
// `last_closed` to `through`, or `through` alone for a county never closed
// (its first close starts there; a loan's figures on a day are its replay,
// so no earlier day is needed to know them). Empty when `through` is closed.
std::vector<absl::CivilDay> DatesToClose(std::optional<absl::CivilDay> last_closed, absl::CivilDay through);

// The county's lag: days from its last closed date to the last closable
// one (0 when up to date); -1 for a county never closed.
int64_t LagDays(std::optional<absl::CivilDay> last_closed, absl::CivilDay today);

// True when the repayment was booked (posted) on a business day after
// `date`: its loan's row already stands at that later day.
inline bool BookedAfter(const Repayment& repayment, absl::CivilDay date) { return repayment.posting_date > date; }

// True when `after` differs from `before` in what a loan's history records
// (status, class, outstanding principal: a move of days past due alone
// writes no row, migration 0010).
bool StandingChanged(const Loan& before, const Loan& after);

// The loan as `replay` leaves it: status (SETTLED once nothing is
// outstanding), outstanding principal, days past due and class — what a
// repayment and a close write. Version and update time are the caller's.
Loan ReplayedLoan(const Loan& before, const LoanReplay& replay);

// True when closing changed something worth writing (status, outstanding
// principal, days past due or class).
bool ServicingChanged(const Loan& before, const Loan& after);

// A loan's reminder of its maturity (000:1445).
struct MaturityReminder {
  std::string loan_id;
  absl::CivilDay maturity_date;
  LendingPlace place;
  absl::CivilDay remind_on;      // maturity − the policy's reminder months
  absl::CivilDay business_date;  // the date whose close recorded it
  int64_t outstanding_principal_fen = 0;
  absl::Time create_time;
};

// The reminder closing `date` records for the loan, if one is due: its day
// (MaturityReminderDate(maturity, reminder_months)) has come (on or before
// `date`: a loan paid out inside the window is reminded at its first close)
// and the loan has not yet matured (`date` before the maturity).
std::optional<MaturityReminder> ReminderDue(const Loan& loan, int reminder_months, absl::CivilDay date);

}  // namespace huinong::loans
