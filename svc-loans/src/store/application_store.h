// SQL for loan applications (table applications, migration 0003). Functions
// run on a connection inside the caller's transaction; Connector/C++
// exceptions are left to the pool. Lists are keyset-paginated by id on an
// index that starts with the filtered column, so a page costs the same at a
// million rows as at ten thousand.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "svc-loans/src/domain/application.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

absl::StatusOr<std::optional<Application>> GetApplication(sql::Connection& conn, const std::string& id,
                                                          bool for_update = false);
// Locks the row FOR UPDATE and answers only its version (none: no such
// application). Every write of the row raises the version
// (UpdateApplication is the only UPDATE), so a row read earlier with the
// same version is the row now locked, without reading it again.
absl::StatusOr<std::optional<int64_t>> LockApplicationVersion(sql::Connection& conn, const std::string& id);
// Filters combined with AND in SQL; each filter column has an index that
// starts with it and ends with id (the optimizer picks among them).
struct ApplicationQuery {
  std::string borrower_id;
  std::string unit_id;
  std::string township_id;
  std::string county_id;
  std::string bank_id;  // the recommended bank
  std::string product_id;
  int state = 0;      // ApplicationState value; 0: any
  std::vector<int> any_state;  // one of these ApplicationState values; empty: any
  std::vector<std::string> any_county_id;  // in one of these counties; empty: any
  // Only SURVEYED applications whose review was due at or before this instant.
  std::optional<absl::Time> overdue_at;
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<Application>> ListApplications(sql::Connection& conn, const ApplicationQuery& query);
// The county's SURVEYED applications whose review is due at or before
// `now`, oldest deadline first.
absl::StatusOr<std::vector<Application>> OverdueReviews(sql::Connection& conn, const std::string& county_id,
                                                        absl::Time now, int limit);
// The county's applications created before `created_before` and written
// (a step or an edit) at or after `written_since`: what a report of a past
// period replays from their steps (report_store.h).
absl::StatusOr<std::vector<Application>> ApplicationsWrittenSince(sql::Connection& conn, const std::string& county_id,
                                                                  absl::Time written_since, absl::Time created_before);
absl::Status InsertApplication(sql::Connection& conn, const Application& application);
absl::Status UpdateApplication(sql::Connection& conn, const Application& application);

}  // namespace huinong::loans::store
