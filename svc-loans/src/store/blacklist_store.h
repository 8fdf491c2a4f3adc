// SQL for blacklist entries (table blacklist_entries, migration 0005).
// Functions run on a connection inside the caller's transaction;
// Connector/C++ exceptions are left to the pool. At most one entry per
// borrower is active (a unique key on the active entry's borrower); lists
// are keyset-paginated by id and scoped through the borrower's place.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-loans/src/domain/blacklist.h"
#include "svc-loans/src/store/borrower_store.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

absl::StatusOr<std::optional<BlacklistEntry>> GetBlacklistEntry(sql::Connection& conn, const std::string& id,
                                                                 bool for_update = false);
// ALREADY_EXISTS / ALREADY_BLACKLISTED when the borrower has an active entry.
absl::Status InsertBlacklistEntry(sql::Connection& conn, const BlacklistEntry& entry);
// Rewrites the entry's end (active, removed_by, remove_time, removal_reason)
// and version.
absl::Status UpdateBlacklistEntry(sql::Connection& conn, const BlacklistEntry& entry);

struct BlacklistQuery {
  std::string borrower_id;          // empty: any
  bool active_only = false;
  std::vector<PlaceFilter> places;  // of the entry's borrower; every one must hold
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<BlacklistEntry>> ListBlacklistEntries(sql::Connection& conn, const BlacklistQuery& query);

}  // namespace huinong::loans::store
