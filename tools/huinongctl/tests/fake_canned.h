// The services huinongctl calls whose commands keep no state of their own
// worth faking — svc-loans' ServicingService, SubsidyService,
// RiskFundService, TownshipBreakerService and CloseOfBusinessService, and
// svc-tickets' four services (see fake_suite.h) —
// served by one generic handler: every call's request is kept as received,
// and answered with what the test set for its method: a canned response, a
// refusal (its reason and details travel as the real server sends them), or
// UNIMPLEMENTED when the test set nothing. A method of any other service is
// UNIMPLEMENTED, as on a server that does not have it.
//
// A method is named by its request type (each request message belongs to
// exactly one method of these services), so a test stays typed:
//   canned.Answer<v1::RecordRepaymentRequest>(repayment);
//   ... run `loan repay` ...
//   std::optional<v1::RecordRepaymentRequest> sent = canned.Last<v1::RecordRepaymentRequest>();
// A response of another type than the method returns fails the test.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace huinong::ctl::testing {

class CannedServices final : public grpc::CallbackGenericService {
 public:
  // Serves every method of `services`.
  explicit CannedServices(std::vector<const google::protobuf::ServiceDescriptor*> services);

  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* ctx) override;

  // The method taking Request answers `response` from now on.
  template <typename Request>
  void Answer(const google::protobuf::Message& response) {
    Set(Request::descriptor(), &response, absl::OkStatus());
  }
  // The method taking Request fails with `refusal` from now on.
  template <typename Request>
  void Refuse(absl::Status refusal) {
    Set(Request::descriptor(), nullptr, std::move(refusal));
  }
  // The last request the method taking Request received; nullopt when it was not called.
  template <typename Request>
  std::optional<Request> Last() const {
    const std::optional<std::string> bytes = LastBytes(Request::descriptor());
    if (!bytes.has_value()) return std::nullopt;
    Request request;
    request.ParseFromString(*bytes);
    return request;
  }
  // The method of every call so far, in order ("SubsidyService/ApplyForSubsidy").
  std::vector<std::string> Calls() const;

  // What the reactor serves: the call's status and, when OK, the response's bytes.
  grpc::Status Serve(const std::string& path, const std::string& request, std::string* response);

 private:
  struct Canned {
    std::string response;   // serialized, when status is OK
    absl::Status status;    // the refusal
  };
  // The method whose input is `request` (fails the test when there is none).
  const google::protobuf::MethodDescriptor* MethodOf(const google::protobuf::Descriptor* request) const;
  void Set(const google::protobuf::Descriptor* request, const google::protobuf::Message* response,
           absl::Status status);
  std::optional<std::string> LastBytes(const google::protobuf::Descriptor* request) const;

  const std::vector<const google::protobuf::ServiceDescriptor*> services_;
  mutable absl::Mutex mu_;
  std::map<std::string, Canned> answers_;                      // by "Service/Method"
  std::vector<std::pair<std::string, std::string>> calls_;     // "Service/Method", request bytes
};

}  // namespace huinong::ctl::testing
