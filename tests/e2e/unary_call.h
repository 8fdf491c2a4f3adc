// One unary gRPC call by its method path with an already-encoded request, for
// tests that must not depend on compiled-in message types (an empty request,
// or one built from descriptors learnt by reflection). Blocks until the call
// ends; the context's deadline bounds it.
#pragma once

#include <memory>
#include <string>

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

#include "absl/status/statusor.h"

namespace huinong::e2e {

// `method` is "/package.Service/Method". Returns the encoded response, or the
// call's status (with its google.rpc details) when it is not OK.
absl::StatusOr<std::string> CallUnary(std::shared_ptr<grpc::Channel> channel, grpc::ClientContext& ctx,
                                      const std::string& method, const std::string& request);

}  // namespace huinong::e2e
