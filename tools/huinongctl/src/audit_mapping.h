// The one place huinongctl converts between the AuditService messages and
// svc-audit's domain types (svc-audit/src/domain/chain.h), so the offline
// verifier hashes exactly the fields the proto carries. Times map through
// absl::Time unchanged; the domain truncates to microseconds when hashing,
// as the server does.
#pragma once

#include "huinong/audit/v1/audit.pb.h"
#include "svc-audit/src/domain/chain.h"

namespace huinong::ctl {

audit::Event DomainEvent(const audit::v1::Event& event);
audit::v1::Event ProtoEvent(const audit::Event& event);

audit::Checkpoint DomainCheckpoint(const audit::v1::Checkpoint& checkpoint);
// name is "checkpoints/{sequence}".
audit::v1::Checkpoint ProtoCheckpoint(const audit::Checkpoint& checkpoint);

// The API's enum and the domain's share numbers (chain.h says so).
audit::ChainProblem DomainProblem(audit::v1::ChainProblem problem);
audit::v1::ChainProblem ProtoProblem(audit::ChainProblem problem);

}  // namespace huinong::ctl
