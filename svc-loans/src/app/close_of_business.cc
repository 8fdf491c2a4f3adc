// See close_of_business.h.
#include "svc-loans/src/app/close_of_business.h"

#include <algorithm>
#include <vector>

#include "common/core/status_macros.h"
#include "svc-loans/src/app/repayments.h"
#include "svc-loans/src/store/close_of_business_store.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/src/store/repayment_store.h"

namespace huinong::loans {
namespace {

// Closes `date` for one locked loan: true when its row or history was
// written. The loan's figures on `date` are its replay as of `date` with
// every repayment booked so far (those valued after it are left out).
absl::StatusOr<bool> CloseLoan(server::Mutation& m, const Loan& before,
                               const std::vector<store::RepaymentRecord>& records, absl::CivilDay date,
                               const ClosingTerms& terms) {
  ASSIGN_OR_RETURN(const LoanReplay replay, ReplayWith(before, records, date, terms.npl_days_past_due));
  Loan after = ReplayedLoan(before, replay);
  const auto booked_later = [date](const store::RepaymentRecord& r) { return BookedAfter(r.repayment, date); };
  if (before.status != LoanStatus::kActive || std::any_of(records.begin(), records.end(), booked_later)) {
    // Its row stands at a later business day: only the date's history.
    ASSIGN_OR_RETURN(const std::optional<Loan> recorded, store::StandingOn(m.tx(), before, date));
    if (recorded && !StandingChanged(*recorded, after)) return false;
    RETURN_IF_ERROR(store::RecordStanding(m.tx(), after, date));
    return true;
  }
  bool written = false;
  if (ServicingChanged(before, after)) {
    after.version += 1;
    after.update_time = m.now();
    RETURN_IF_ERROR(store::UpdateLoanServicing(m.tx(), before, after, date));
    written = true;
  }
  // A repayment booked today, while earlier dates were still to close: the
  // row already held what it made of the loan, so the booking wrote no
  // history if the row did not move — but those dates, closed since, may
  // have written history the row never had. The day's standing is set from
  // the history, not the row.
  const auto booked_today = [date](const store::RepaymentRecord& r) { return r.repayment.posting_date == date; };
  if (std::any_of(records.begin(), records.end(), booked_today)) {
    ASSIGN_OR_RETURN(const std::optional<Loan> recorded, store::StandingOn(m.tx(), before, date));
    if (!recorded || StandingChanged(*recorded, after)) {
      RETURN_IF_ERROR(store::RecordStanding(m.tx(), after, date));
      written = true;
    }
  }
  return written;
}

}  // namespace

absl::StatusOr<ClosingTerms> ClosingTermsOn(sql::Connection& conn, const std::string& county_id,
                                            absl::CivilDay date) {
  ASSIGN_OR_RETURN(const std::optional<CountyPolicy> policy, store::PolicyOn(conn, county_id, date));
  ClosingTerms terms;
  if (policy) terms = ClosingTerms{policy->npl_days_past_due, policy->maturity_reminder_months};
  return terms;
}

absl::StatusOr<BatchOutcome> CloseLoanBatch(server::Mutation& m, const std::string& county_id, absl::CivilDay date,
                                            const ClosingTerms& terms, const std::string& after_id, int limit,
                                            const CobRecorders& recorders) {
  ASSIGN_OR_RETURN(const std::vector<Loan> loans, store::LockLoansToClose(m.tx(), county_id, date, after_id, limit));
  BatchOutcome out;
  if (loans.empty()) return out;
  std::vector<std::string> ids;
  ids.reserve(loans.size());
  for (const Loan& l : loans) ids.push_back(l.id);
  ASSIGN_OR_RETURN(auto repayments, store::RepaymentsOfLoans(m.tx(), ids));
  static const std::vector<store::RepaymentRecord> kNone;
  for (const Loan& loan : loans) {
    if (loan.disbursement_date > date) continue;  // not lent yet on that date: its row is its disbursement's
    const auto found = repayments.find(loan.id);
    ASSIGN_OR_RETURN(const bool changed,
                     CloseLoan(m, loan, found == repayments.end() ? kNone : found->second, date, terms));
    out.changed += changed ? 1 : 0;
    if (loan.status != LoanStatus::kActive) continue;  // repaid or written off since: no reminder owed
    std::optional<MaturityReminder> reminder = ReminderDue(loan, terms.maturity_reminder_months, date);
    if (reminder) {
      reminder->create_time = m.now();
      ASSIGN_OR_RETURN(const bool recorded, store::InsertReminder(m.tx(), *reminder));
      if (recorded) {
        RETURN_IF_ERROR(recorders.reminder(m, *reminder));
        ++out.reminders;
      }
    }
  }
  out.loans = static_cast<int>(loans.size());
  out.active = static_cast<int>(std::count_if(
      loans.begin(), loans.end(), [](const Loan& l) { return l.status == LoanStatus::kActive; }));
  out.last_loan_id = loans.back().id;
  return out;
}

absl::Status MeasureCountyTownships(server::Mutation& m, const std::string& county_id,
                                    const CobRecorders& recorders) {
  ASSIGN_OR_RETURN(const std::vector<std::string> townships, store::TownshipsOfCounty(m.tx(), county_id));
  for (const std::string& township : townships) {
    RETURN_IF_ERROR(MeasureTownship(m, township, recorders.breaker).status());
  }
  return absl::OkStatus();
}

}  // namespace huinong::loans
