// SQL for concurrency policies (table concurrency_policies).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-org/src/domain/concurrency.h"

namespace sql {
class Connection;
}

namespace huinong::org::store {

absl::StatusOr<std::optional<ConcurrencyPolicy>> GetPolicy(sql::Connection& conn,
                                                           const std::string& id,
                                                           bool for_update = false);
// ALREADY_EXISTS (POLICY_EXISTS) when the unit already has one.
absl::Status InsertPolicy(sql::Connection& conn, const ConcurrencyPolicy& policy);
absl::Status UpdatePolicy(sql::Connection& conn, const ConcurrencyPolicy& policy);

// The policies set on any of these units (at most one each).
absl::StatusOr<std::vector<ConcurrencyPolicy>> PoliciesOfUnits(sql::Connection& conn,
                                                               const std::vector<std::string>& unit_ids);

// Keyset-paginated by id; `visible_path` limits them to units in that
// subtree or above it (data scope), empty for all.
absl::StatusOr<std::vector<ConcurrencyPolicy>> ListPolicies(sql::Connection& conn,
                                                            const std::string& visible_path,
                                                            const std::string& after_id, int limit);

}  // namespace huinong::org::store
