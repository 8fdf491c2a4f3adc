// SQL for approval chains and change requests (migrations/0012). Both are
// their domain types (domain/change_request.h): columns for what is filtered
// on or fixed, and JSON of the domain parts in body_json — a chain's title
// and steps (json_codec.h, migration 0014), a request's title, reason,
// documents, items and steps (change_json.h, migration 0015).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-org/src/domain/change_request.h"

namespace sql {
class Connection;
}

namespace huinong::org::store {

absl::StatusOr<std::optional<ApprovalChain>> GetChain(sql::Connection& conn, const std::string& id,
                                                    bool for_update = false);
// The chain of the deepest of these units that has one (ids root first).
absl::StatusOr<std::optional<ApprovalChain>> NearestChain(sql::Connection& conn,
                                                        const std::vector<std::string>& unit_ids);
// Chains with id > after_id, ordered by id; `visible_path`: only chains of
// units in that subtree or above it (empty: all).
absl::StatusOr<std::vector<ApprovalChain>> ListChains(sql::Connection& conn, const std::string& visible_path,
                                                    const std::string& after_id, int limit);
// ALREADY_EXISTS / CHAIN_EXISTS when the unit already has a chain.
absl::Status InsertChain(sql::Connection& conn, const ApprovalChain& chain, absl::Time now);
absl::Status UpdateChain(sql::Connection& conn, const ApprovalChain& chain, absl::Time now);

absl::StatusOr<std::optional<ChangeRequest>> GetChange(sql::Connection& conn, const std::string& id,
                                                      bool for_update = false);
struct ChangeQuery {
  std::string unit_id;       // requests of this organisation root; empty: any
  int state = 0;             // 0: any
  std::optional<absl::CivilDay> effective_from, effective_to;  // inclusive
  std::string visible_path;  // data scope, as for ListChains
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<ChangeRequest>> ListChanges(sql::Connection& conn, const ChangeQuery& q);
absl::Status InsertChange(sql::Connection& conn, const ChangeRequest& request, absl::Time now);
absl::Status UpdateChange(sql::Connection& conn, const ChangeRequest& request, absl::Time now);

}  // namespace huinong::org::store
