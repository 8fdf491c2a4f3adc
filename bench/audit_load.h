// Audit append load, as an outbox relay sends it: AppendEvents batches of N
// fresh events (unique event and request ids) to svc-audit, on a service
// account token. Shared by audit_bench and the suite's audit scenario.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "huinong/audit/v1/audit.grpc.pb.h"

namespace huinong::bench {

// The event service name and token subject the batches use (they must agree).
inline constexpr char kAuditBenchService[] = "svc-bench";

audit::v1::AppendEventsRequest AuditBatch(int size);

// Appends one batch of `size` events; `bearer` is "Bearer <service token>".
absl::Status AppendAuditBatch(audit::v1::AuditService::Stub& stub, const std::string& bearer, int size,
                              absl::Duration timeout);

}  // namespace huinong::bench
