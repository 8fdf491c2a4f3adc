// The shape of every unary handler: authenticate, run the body with the
// caller (and with the call's deadline as the thread's CurrentCallDeadline,
// so calls the body makes to other services never outlive it), and turn its
// absl::Status into the gRPC status at the edge. A stray exception (none
// should escape the store) becomes INTERNAL instead of taking the process
// down.
#pragma once

#include <exception>

#include <grpcpp/server_context.h>

#include "common/core/call_deadline.h"
#include "common/core/log.h"
#include "common/rpc/errors.h"
#include "common/server/call_gate.h"

namespace huinong::server {

// `body` is callable as absl::Status(const auth::Principal& caller).
template <class Body>
grpc::Status Handle(const CallGate& gate, const grpc::ServerContextBase& ctx, Body&& body) {
  try {
    absl::StatusOr<auth::Principal> caller = gate.Caller(ctx);
    if (!caller.ok()) return rpc::ToGrpcStatus(caller.status());
    const CallDeadlineScope deadline(absl::FromChrono(ctx.deadline()));
    return rpc::ToGrpcStatus(body(*caller));
  } catch (const std::exception& e) {
    return rpc::ToGrpcStatus(absl::InternalError(e.what()));
  } catch (...) {
    return rpc::ToGrpcStatus(absl::InternalError("unknown exception"));
  }
}

}  // namespace huinong::server
