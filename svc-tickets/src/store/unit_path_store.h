// SQL of the unit paths svc-tickets keeps beside its rows for scope: each
// ticket's intake_path and resolver_path, each customer's, handover's and
// SLA policy's unit_path ("root/…/unit/", svc-org's chain when the row was
// last written). Lists and reports filter on them as one prefix range, so a
// unit moved in svc-org must have them rewritten (jobs/unit_path_sync.h).
//
// Guarantees: StoredUnitPaths reads each column's distinct values from its
// index (for tickets a loose index scan, "Using index for group-by": it
// costs the distinct paths, not the rows);
// RewriteUnitPath changes the rows holding exactly `from` in all five
// columns in the caller's transaction, and nothing else of them — no etag
// moves, so nobody working a ticket is turned away by it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace sql {
class Connection;
}

namespace huinong::tickets::store {

// Every non-empty path stored, once.
absl::StatusOr<std::vector<std::string>> StoredUnitPaths(sql::Connection& conn);

// Rows changed.
absl::StatusOr<int64_t> RewriteUnitPath(sql::Connection& conn, const std::string& from, const std::string& to);

}  // namespace huinong::tickets::store
