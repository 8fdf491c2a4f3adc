// The SLA policy use cases (SlaPolicyService), one transaction each.
//
// Who: an admin, or a holder of tickets.supervisor for the policy's unit
// (held at the unit or above it) creates and updates; any caller reads a
// policy that could govern tickets they see — at a unit within their own
// subtree or on their unit's chain above it (admin, auditors and services
// read all).
//
// Guarantees: a policy is never Ambiguous with another at its unit
// (ALREADY_EXISTS / POLICY_OVERLAP; checked under a lock of the unit's
// policies, so two concurrent changes cannot both pass); every update writes the next revision
// and keeps the earlier ones; in the same transaction as the create or
// update, every open ticket in the policy's unit subtree that used the
// policy, or uses it now, gets its clocks computed again at the new
// revision (app/ticket_clocks.h; a stopped clock keeps its result) and a
// CLOCKS_RECOMPUTED timeline entry, its etag unchanged. One transaction,
// not batches, so no reader ever sees a policy's revision and clocks of an
// earlier one together, and a retried request finds the whole change or
// none of it; the open tickets of one unit subtree (hundreds in a county)
// are few enough for one transaction, which pages through them 200 at a
// time under each ticket's row lock.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-tickets/src/app/ticket_change.h"
#include "svc-tickets/src/domain/sla_policy_match.h"

namespace huinong::tickets {

// The policy's unit svc-org knows (NOT_FOUND), the caller's authority over
// it, no overlap; written at revision 1, the open clocks it takes over
// recomputed. `draft`: display name, scope, rules as the API read them.
absl::StatusOr<ConfiguredPolicy> CreateSlaPolicy(server::Mutation& m, const TicketDesk& desk, ConfiguredPolicy draft);

// The update_mask paths UpdateSlaPolicy takes: every SlaPolicy field but
// name, unit and the output-only ones.
const std::set<std::string>& SlaPolicyUpdatablePaths();

struct PolicyUpdate {
  ConfiguredPolicy before;
  ConfiguredPolicy after;
};

// The fields named in `paths` (of SlaPolicyUpdatablePaths) taken from
// `incoming`; ABORTED when `etag` is not the
// latest revision's.
absl::StatusOr<PolicyUpdate> UpdateSlaPolicy(server::Mutation& m, const TicketDesk& desk, const std::string& id,
                                             const std::string& etag, const std::set<std::string>& paths,
                                             const ConfiguredPolicy& incoming);

// The policy at `revision` (0: latest), if the caller may read it.
absl::StatusOr<ConfiguredPolicy> ReadableSlaPolicy(OrgView& org, const auth::Principal& caller,
                                                   sql::Connection& conn, const std::string& id, int revision);

// What the caller may read, for store::PolicyQuery: the subtrees below
// their unit and the units above it (both empty: everything).
struct PolicyReadScope {
  std::vector<std::string> below;
  std::vector<std::string> on_chain;
};
absl::StatusOr<PolicyReadScope> SlaPolicyReadScope(OrgView& org, const auth::Principal& caller);

}  // namespace huinong::tickets
