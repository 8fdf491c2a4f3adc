// How the audit trail looks to a person: the resource type a resource name
// belongs to (so `audit history units/X` needs no --resource-type), an
// event's history block, the search table, and the one-line verdicts of
// `audit verify`. Pure functions, tested without a server.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "common/audit_chain/chain.h"
#include "huinong/audit/v1/audit.pb.h"
#include "tools/huinongctl/src/audit_client.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

// The event resource_type of a resource name, from its last collection:
// "units/01ABC" -> "unit", "subsidyClaims/7" -> "subsidy_claim",
// "loans/1/repayments/2" -> "repayment". Collections not in the API's list
// are turned into snake case and made singular ("ies" -> "y", else a
// trailing "s" dropped). INVALID_ARGUMENT unless the name is collection/id
// pairs.
absl::StatusOr<std::string> ResourceTypeOf(std::string_view resource_name);

// "staff/01H @ units/01J (admin, hr)"; the unit and roles only when set.
std::string ActorText(const type::v1::Actor& actor);

// One event of a resource's history: sequence, time, service, action, actor,
// request id, event id, resource unit, then "before:" and "after:" each followed by the JSON (or
// "(none)") on its own line, indented two spaces.
std::string EventBlock(const audit::v1::Event& event);

// SEQ, TIME, SERVICE, ACTION, ACTOR, RESOURCE.
Table EventTable(const std::vector<audit::v1::Event>& events);

// "hash mismatch (…)", "sequence gap (…)", …: what the problem means.
std::string ProblemText(audit::ChainProblem problem);

// "a–b" (en dash).
std::string SequenceRange(int64_t first, int64_t last);

// "chain intact: N events checked (sequences a–b), K checkpoints, head <hex>"
// or "chain BROKEN at sequence S: <problem>".
std::string ChainVerdict(const ChainReport& report);

// A report as the API's response, for --json.
audit::v1::VerifyChainResponse ChainReportProto(const ChainReport& report);

}  // namespace huinong::ctl
