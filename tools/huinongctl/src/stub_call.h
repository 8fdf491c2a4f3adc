// One unary gRPC call as every huinongctl client makes it: a fresh context
// prepared by the Connection (deadline, token, x-request-id), the server's
// error as absl::Status with its details (field violations, precondition
// failures, reason) kept as payloads.
#pragma once

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "common/rpc/errors.h"
#include "tools/huinongctl/src/connection.h"

namespace huinong::ctl {

template <typename Response, typename Request, typename Stub>
absl::StatusOr<Response> CallStub(const Connection& connection, Stub* stub,
                                  grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                                  const Request& request) {
  if (!connection.status().ok()) return connection.status();
  grpc::ClientContext context;
  connection.Prepare(context);
  Response response;
  const grpc::Status status = (stub->*method)(&context, request, &response);
  if (!status.ok()) return rpc::FromGrpcStatus(status);
  return response;
}

}  // namespace huinong::ctl
