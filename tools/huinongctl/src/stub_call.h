// One unary gRPC call as every huinongctl client makes it: a fresh context
// prepared by the Connection (deadline, token, x-request-id), the server's
// error as absl::Status with its details (field violations, precondition
// failures, reason) kept as payloads; and ServicesClient, a client of some
// services of one backend built from that call.
#pragma once

#include <memory>
#include <tuple>

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

namespace huinong::ctl {

// The stubs of some services of one backend on the Connection's channel, and
// any of their unary methods through Call, which picks the service's stub
// from the method:
//   tickets.Call<v1::Ticket>(&v1::TicketService::Stub::GetTicket, request)
// With a bad connection no stub is made and every call answers its status.
template <typename... Services>
class ServicesClient {
 public:
  explicit ServicesClient(const Connection& connection)
      : connection_(connection),
        stubs_(connection.status().ok() ? Stubs(Services::NewStub(connection.channel())...) : Stubs()) {}

  template <typename Response, typename Request, typename Stub>
  absl::StatusOr<Response> Call(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                                const Request& request) const {
    return CallStub(connection_, std::get<std::unique_ptr<Stub>>(stubs_).get(), method, request);
  }

 private:
  using Stubs = std::tuple<std::unique_ptr<typename Services::Stub>...>;
  const Connection& connection_;
  Stubs stubs_;
};

}  // namespace huinong::ctl
