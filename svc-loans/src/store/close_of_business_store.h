// SQL for the close-of-business job (tables close_of_business and
// maturity_reminders, migration 0011): each county's progress and lease,
// the reminders, and what the job walks (the counties, a county's
// townships). Functions run inside the caller's transaction; Connector/C++
// exceptions are left to the pool. Lease times are the database's (NOW(6)),
// so replicas whose clocks disagree still agree on who holds a lease.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "svc-loans/src/domain/close_of_business.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

// A county's row of close_of_business.
struct CobProgress {
  std::string county_id;
  std::optional<absl::CivilDay> last_closed_date;
  std::optional<absl::CivilDay> working_date;  // a date begun and not yet closed
  std::string last_loan_id;                    // of working_date: the last loan done
  int64_t loans_done = 0;                      // of working_date, so far
  std::string lease_holder;                    // empty: nobody
  bool lease_live = false;                     // held and not expired (database time)
  std::optional<absl::Time> last_run_start;
  std::optional<absl::Time> last_run_end;
  int64_t last_run_loans = 0;
};

// The county's row; none before its first run. `lock`: FOR UPDATE.
absl::StatusOr<std::optional<CobProgress>> LoadProgress(sql::Connection& conn, const std::string& county_id,
                                                        bool lock);
// Every county's row, by county id (metrics, status).
absl::StatusOr<std::vector<CobProgress>> ListProgress(sql::Connection& conn);

// Takes the county's lease for `holder` until `ttl` from now when nobody
// holds it, it has expired, or `holder` holds it already; creates the row
// on the first run. True when `holder` holds it afterwards.
absl::StatusOr<bool> TakeLease(sql::Connection& conn, const std::string& county_id, const std::string& holder,
                               absl::Duration ttl, absl::Time run_start);
// Writes the progress of a batch or a closed date (last_closed_date,
// working_date, last_loan_id, loans_done) and extends the lease by `ttl`.
// The caller holds the row's lock and checked the lease (LoadProgress with
// lock).
absl::Status SaveProgress(sql::Connection& conn, const CobProgress& progress, absl::Duration ttl);
// Gives the lease back when `holder` has it, with the run's end and loans.
absl::Status ReleaseLease(sql::Connection& conn, const std::string& county_id, const std::string& holder,
                          absl::Time run_end, int64_t run_loans);

// The counties the job closes: those with a policy, a loan or a row.
absl::StatusOr<std::vector<std::string>> CountiesToClose(sql::Connection& conn);
// The county's townships with a loan or a breaker record.
absl::StatusOr<std::vector<std::string>> TownshipsOfCounty(sql::Connection& conn, const std::string& county_id);

// Records the reminder once per loan and maturity; false when it was
// recorded before (nothing written).
absl::StatusOr<bool> InsertReminder(sql::Connection& conn, const MaturityReminder& reminder);
// A county's reminders due in [from, to] (either end open), by (remind_on,
// loan id) after the keyset position `after` ("YYYY-MM-DD/loan id";
// empty: the first), at most `limit`.
struct ReminderQuery {
  std::string county_id;
  std::optional<absl::CivilDay> from;
  std::optional<absl::CivilDay> to;
  std::string after;
  int limit = 50;
};
absl::StatusOr<std::vector<MaturityReminder>> ListReminders(sql::Connection& conn, const ReminderQuery& query);
std::string ReminderKey(const MaturityReminder& reminder);

}  // namespace huinong::loans::store
