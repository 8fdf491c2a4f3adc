// The one place the AuditService messages and the chain's domain types
// (svc-audit/src/domain/chain.h) are converted, used by svc-audit itself and
// by huinongctl's offline verifier, so both hash exactly the fields the proto
// carries. Times map through
// absl::Time unchanged; the domain truncates to microseconds when hashing,
// as the server does.
#pragma once

#include "huinong/audit/v1/audit.pb.h"
#include "svc-audit/src/domain/chain.h"

namespace huinong::audit {

Event DomainEvent(const v1::Event& event);
v1::Event ProtoEvent(const Event& event);

Checkpoint DomainCheckpoint(const v1::Checkpoint& checkpoint);
// name is "checkpoints/{sequence}".
v1::Checkpoint ProtoCheckpoint(const Checkpoint& checkpoint);

// The API's enum and the domain's share numbers (chain.h says so).
ChainProblem DomainProblem(v1::ChainProblem problem);
v1::ChainProblem ProtoProblem(ChainProblem problem);

}  // namespace huinong::audit
