// The per-call chores every Huinong server does, as one gRPC server
// interceptor: a request id on every call (the client's `x-request-id` or a
// new ULID, echoed back in the initial metadata), authentication of the bearer
// token (the verdict goes to the CallGate), the Prometheus RPC metrics
// (grpc_server_started_total, grpc_server_handled_total by code,
// grpc_server_handling_seconds) and one JSON access-log line per call with
// method, code, latency, request id and caller. Health and reflection calls
// are logged at debug level so probes do not flood the log.
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
