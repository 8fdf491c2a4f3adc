// See close_of_business.h.
#include "svc-loans/src/domain/close_of_business.h"

#include "svc-loans/src/domain/classification.h"

namespace huinong::loans {

std::vector<absl::CivilDay> DatesToClose(std::optional<absl::CivilDay> last_closed, absl::CivilDay through) {
  std::vector<absl::CivilDay> dates;
  const absl::CivilDay first = last_closed ? *last_closed + 1 : through;
  for (absl::CivilDay d = first; d <= through; ++d) dates.push_back(d);
  return dates;
}

int64_t LagDays(std::optional<absl::CivilDay> last_closed, absl::CivilDay today) {
  if (!last_closed) return -1;
  const int64_t lag = LastClosableDate(today) - *last_closed;
  return lag > 0 ? lag : 0;
}

Loan ReplayedLoan(const Loan& before, const LoanReplay& replay) {
  Loan after = before;
  after.outstanding_principal_fen = replay.position.outstanding_principal_fen;
  after.status = replay.position.Settled() ? LoanStatus::kSettled : LoanStatus::kActive;
  after.days_past_due = replay.days_past_due;
  after.loan_class = replay.loan_class;
  return after;
}

bool ServicingChanged(const Loan& before, const Loan& after) {
  return before.status != after.status || before.outstanding_principal_fen != after.outstanding_principal_fen ||
         before.days_past_due != after.days_past_due || before.loan_class != after.loan_class;
}

bool StandingChanged(const Loan& before, const Loan& after) {
  return before.status != after.status || before.loan_class != after.loan_class ||
         before.outstanding_principal_fen != after.outstanding_principal_fen;
}

std::optional<MaturityReminder> ReminderDue(const Loan& loan, int reminder_months, absl::CivilDay date) {
  const absl::CivilDay remind_on = MaturityReminderDate(loan.maturity_date, reminder_months);
  if (remind_on > date || date >= loan.maturity_date) return std::nullopt;
  MaturityReminder r;
  r.loan_id = loan.id;
  r.maturity_date = loan.maturity_date;
  r.place = loan.place;
  r.remind_on = remind_on;
  r.business_date = date;
  r.outstanding_principal_fen = loan.outstanding_principal_fen;
  return r;
}

}  // namespace huinong::loans
