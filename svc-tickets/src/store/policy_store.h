// SQL of configured SLA policies and their revisions (migration 0003:
// sla_policies, sla_policy_revisions). Functions take the connection of the
// caller's transaction or read.
//
// Guarantees: a policy's revisions are 1, 2, … and none is changed once
// written; InsertRevision writes the revision and moves the policy's latest
// to it in the caller's transaction, so a reader sees one revision as the
// latest; the body of a revision written by an older build reads with
// absent fields at their defaults.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-tickets/src/domain/sla_policy_match.h"

namespace sql {
class Connection;
}

namespace huinong::tickets::store {

// Locks the unit's policies against another change until the transaction
// ends (a row of sla_policy_units, made on first use).
absl::Status LockPolicyUnit(sql::Connection& conn, const std::string& unit_id);

// Inserts the policy at revision 1.
absl::Status InsertPolicy(sql::Connection& conn, const ConfiguredPolicy& p);
// Writes `p` as its next revision (p.rules.revision, one more than the
// stored latest) and makes it the latest.
absl::Status InsertRevision(sql::Connection& conn, const ConfiguredPolicy& p);

// The policy at `revision` (0: the latest); `lock` takes the policy's row
// lock until the transaction ends.
absl::StatusOr<std::optional<ConfiguredPolicy>> GetPolicy(sql::Connection& conn, const std::string& id,
                                                          int revision, bool lock);
// Revisions after `after_revision`, oldest first.
absl::StatusOr<std::vector<ConfiguredPolicy>> ListRevisions(sql::Connection& conn, const std::string& id,
                                                            int after_revision, int limit);

struct PolicyQuery {
  // Policies at this unit path, or (subtree) at it and below; empty: all.
  std::string unit_path;
  bool subtree = false;
  // Readable: units at or below one of `below` ("root/…/unit/"), or one of
  // the units `on_chain`; both empty: every policy.
  std::vector<std::string> below;
  std::vector<std::string> on_chain;
  std::string after_id;
  int limit = 51;
};
// At their latest revisions, by id.
absl::StatusOr<std::vector<ConfiguredPolicy>> ListPolicies(sql::Connection& conn, const PolicyQuery& q);

// The latest revisions of the policies defined at any of `unit_ids` (the
// candidates for a ticket on that chain).
absl::StatusOr<std::vector<ConfiguredPolicy>> PoliciesAt(sql::Connection& conn,
                                                         const std::vector<std::string>& unit_ids);

}  // namespace huinong::tickets::store
