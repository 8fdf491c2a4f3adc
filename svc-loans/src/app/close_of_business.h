// The close-of-business job's transactions (issue 11 item 1; the runner,
// its lease and its order are jobs/close_of_business_job.h; the rules are
// domain/close_of_business.h). Each function runs inside the caller's
// Mutation (one transaction): a batch of a county's loans for one date, and
// the end of that date (its townships measured, the date closed).
//
// Guarantees: every loan of a batch is locked and read in the batch's
// transaction (store::LockLoansToClose) and replayed from the repayments
// read after the lock, as RecordRepayment does, so a repayment committed
// before the lock is counted and one arriving meanwhile waits; a loan
// changes only when its figures for the date differ from its row, and a
// loan that already stands at a later day (booked since, repaid or written
// off since) only gets the date's standing in its history when that
// differs from what its history says (a second close of the same date
// writes nothing either way); a reminder is recorded once per active loan
// and maturity, with its audit event.
#pragma once

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/server/mutation.h"
#include "svc-loans/src/app/township_breakers.h"
#include "svc-loans/src/domain/close_of_business.h"

namespace huinong::loans {

// Records the audit event of a new reminder (in its transaction): the API's
// mapping (close_of_business_mapping.h) knows the message it carries.
using ReminderRecorder = std::function<absl::Status(server::Mutation&, const MaturityReminder&)>;

// How the job audits what it records.
struct CobRecorders {
  BreakerRecorder breaker;
  ReminderRecorder reminder;
};

// What the county policy in force on the date says (defaults without one).
struct ClosingTerms {
  int npl_days_past_due = 90;
  int maturity_reminder_months = 2;
};
absl::StatusOr<ClosingTerms> ClosingTermsOn(sql::Connection& conn, const std::string& county_id,
                                            absl::CivilDay date);

struct BatchOutcome {
  int loans = 0;             // loans locked and judged
  int active = 0;            // of which ACTIVE: fewer than the limit ends the date
  std::string last_loan_id;  // the keyset position after the batch ("" when none)
  int changed = 0;           // loans whose row was written
  int reminders = 0;         // reminders recorded
};

// Closes `date` for the county's next `limit` ACTIVE loans after `after_id`
// and, in their id range, the loans settled or written off since
// (store::LockLoansToClose); a loan paid out after `date` is locked and
// counted, and left as it is.
absl::StatusOr<BatchOutcome> CloseLoanBatch(server::Mutation& m, const std::string& county_id, absl::CivilDay date,
                                            const ClosingTerms& terms, const std::string& after_id, int limit,
                                            const CobRecorders& recorders);

// Measures every township of the county (MeasureTownship; a trip audited).
absl::Status MeasureCountyTownships(server::Mutation& m, const std::string& county_id,
                                    const CobRecorders& recorders);

}  // namespace huinong::loans
