// The empty-handler baseline server (`huinong_bench serve-empty`): the bench
// proto's Empty.Ping, hosted by common/server's ServiceHost exactly as a
// service hosts its handlers — interceptors (request id, token check, metrics,
// access log) on or off, the handler's first line server::Handle (so the token
// is verified either way), health, reflection, a /metrics endpoint. What a
// real read costs beyond this is the read's own work.
//
// Prints "port <n>" on stdout once it accepts calls, then serves until
// SIGTERM/SIGINT. Keys: listen (default 127.0.0.1:0), metrics_listen
// (default 127.0.0.1:0), interceptors (default true), log_level, and the
// jwt_* keys of a service.
#pragma once

#include <memory>

#include <grpcpp/impl/service_type.h>

#include "common/core/config.h"
#include "common/server/call_gate.h"

namespace huinong::bench {

int ServeEmpty(const Config& config);

// The Empty service alone (for hosting it in-process in tests).
std::unique_ptr<grpc::Service> MakeEmptyService(server::CallGate& gate);

}  // namespace huinong::bench
