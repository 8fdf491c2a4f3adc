// A configured SLA policy — its rules (sla_policy.h) plus the requests it
// covers: a unit's subtree, some types, some priorities — and which one a
// ticket uses. Pure.
//
// Precedence (sla.proto): among the policies whose unit is on the ticket's
// resolver unit chain and whose lists hold the ticket's type and priority
// (an empty list matches all),
//   1. the nearest unit wins (the resolver unit itself, then its parent, …);
//   2. at the same unit, a policy listing types beats one that does not;
//   3. then a policy listing priorities beats one that does not;
//   4. then the lowest id (the oldest) — never reached between policies
//      CreateSlaPolicy and UpdateSlaPolicy accepted, since Ambiguous ones
//      are refused (POLICY_OVERLAP).
// No match: the seeds' defaults (SeedPolicy). The type outranks the
// priority because the seeds' limits differ by type in kind (a complaint's
// closure clock, the callbacks it needs), by priority only in length.
//
// Guarantees: MatchPolicy depends only on its arguments; two policies a
// ticket could match at the same rank are Ambiguous.
#pragma once

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "svc-tickets/src/domain/priority.h"
#include "svc-tickets/src/domain/sla_policy.h"

namespace huinong::tickets {

// The requests a policy covers.
struct PolicyScope {
  std::string unit;                 // unit id
  std::vector<TicketType> types;    // empty: every type
  std::vector<Priority> priorities;  // empty: every priority
};

struct ConfiguredPolicy {
  std::string id;
  std::string display_name;
  PolicyScope scope;
  std::string unit_path;  // "root/…/unit/" of scope.unit
  SlaPolicy rules;        // rules.name "slaPolicies/{id}", rules.revision
  absl::Time create_time;
  absl::Time update_time;  // the time this revision was written
};

// Whether the scope covers a ticket of `type` and `priority` at any unit.
bool Covers(const PolicyScope& scope, TicketType type, Priority priority);

// The policy a ticket whose resolver unit has the chain `unit_chain` (unit
// ids, the root first) uses among `candidates`; nullptr when none matches.
const ConfiguredPolicy* MatchPolicy(const std::vector<ConfiguredPolicy>& candidates,
                                    const std::vector<std::string>& unit_chain, TicketType type, Priority priority);

// Whether some ticket would match `a` and `b` at the same rank: the same
// unit, both listing types or neither (and sharing one when listing), and
// likewise for priorities.
bool Ambiguous(const PolicyScope& a, const PolicyScope& b);

}  // namespace huinong::tickets
