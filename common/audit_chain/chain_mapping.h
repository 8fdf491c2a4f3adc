// The one place the AuditService messages (huinong.audit.v1) and the chain's
// types (chain.h) are converted, used by svc-audit and by huinongctl's
// offline verifier, so both hash exactly the fields the proto carries.
// Guarantees: DomainEvent(ProtoEvent(e)) == e for every field that is hashed
// or stored; times map through absl::Time unchanged (the chain truncates to
// microseconds when hashing, as the server does); the enums share numbers.
#pragma once

#include "common/audit_chain/chain.h"
#include "huinong/audit/v1/audit.pb.h"

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
