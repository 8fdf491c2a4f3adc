// SQL for staffing standards (tables `staffing_standards` and
// `staffing_standard_versions`, migration 0010). Functions run on a
// connection inside the caller's transaction or read and return records;
// Connector/C++ exceptions are left to the pool, which turns them into
// statuses. Lists are keyset-paginated by id, never OFFSET.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "svc-org/src/domain/staffing_rule.h"

namespace sql {
class Connection;
}

namespace huinong::org::store {

// One version of a standard.
struct StandardRecord {
  std::string id;
  int32_t version = 1;
  int64_t revision = 1;  // in-place edits of this version, from 1
  StaffingStandard body;  // title, source, description, the rule, status, effective_from
  absl::Time create_time;  // of the standard (its first version)
  absl::Time update_time;  // of this version's last write
};

struct StandardFilter {
  std::optional<StandardStatus> status;  // of the latest version; none = any
  std::string title_contains;  // case-insensitive substring; empty = any
};

// `version` 0 means the latest. `for_update` locks the standard's row (and
// the version read) until the transaction ends.
absl::StatusOr<std::optional<StandardRecord>> GetStandard(sql::Connection& conn, const std::string& id,
                                                          int32_t version, bool for_update);
// The same, NOT_FOUND ("staffingStandards/{id}" [version n]) when absent.
absl::StatusOr<StandardRecord> GetStandardOrNotFound(sql::Connection& conn, const std::string& id,
                                                     int32_t version, bool for_update);
// Up to `limit` latest versions with id > after_id, ordered by id.
absl::StatusOr<std::vector<StandardRecord>> ListStandards(sql::Connection& conn,
                                                          const StandardFilter& filter,
                                                          const std::string& after_id, int limit);

// A new standard with its first version (record.version must be 1).
absl::Status InsertStandard(sql::Connection& conn, const StandardRecord& record);
// A further version, which becomes the latest.
absl::Status InsertVersion(sql::Connection& conn, const StandardRecord& record);
// Rewrites an existing version in place (a DRAFT's edit; revision already bumped).
absl::Status UpdateVersion(sql::Connection& conn, const StandardRecord& record);

// The path of a unit ("/root/.../self/"), or nullopt when there is no such unit.
absl::StatusOr<std::optional<std::string>> UnitPath(sql::Connection& conn, const std::string& unit_id);

}  // namespace huinong::org::store
