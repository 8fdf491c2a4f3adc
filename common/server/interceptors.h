// The per-call chores every Huinong server does, as one gRPC server
// interceptor: a request id on every call (the client's `x-request-id` or a
// new ULID, echoed back in the initial metadata), authentication of the bearer
// token (the verdict is carried to the handler's CallGate::Caller through a
// CallGate::VerdictScope, so the token is verified once per call), the
// Prometheus RPC metrics (grpc_server_started_total, grpc_server_handled_total
// by code, grpc_server_handling_seconds) and one JSON access-log line per call
// with method, code, latency, request id and caller. Health and reflection
// calls are logged at debug level so probes do not flood the log.
//
// Cost per call (docs/performance.md, "Bootstrap interceptors"): no lock
// shared between calls on the way — the metric cells of a method are cached
// per thread, the metrics are atomics, and the access-log line goes to a
// per-thread buffer written in batches at least every 100 ms and in full when
// the server stops (common/core/buffered_log.h).
#pragma once

#include <memory>
#include <string>

#include <grpcpp/support/server_interceptor.h>

#include "common/metrics/registry.h"
#include "common/server/call_gate.h"

namespace huinong::server {

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> MakeCallInterceptorFactory(
    metrics::Registry& registry, CallGate& gate);

// "/huinong.org.v1.UnitService/GetUnit" -> {"huinong.org.v1.UnitService", "GetUnit"}.
std::pair<std::string, std::string> SplitMethod(absl::string_view full_method);

}  // namespace huinong::server
