// The error model. Inside a service every failure is an absl::Status; rich
// details (which fields were wrong, a machine-readable reason) ride along as
// payloads keyed by their google.rpc type URL. At the gRPC edge ToGrpcStatus
// turns the status into a grpc::Status whose binary details are a
// google.rpc.Status — sent by gRPC as the `grpc-status-details-bin` trailer,
// which any gRPC client's standard decoder reads. INTERNAL and UNKNOWN
// messages never leave the service: the edge logs them and sends a generic one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace huinong::rpc {

struct FieldViolation {
  std::string field;        // dotted path in the request, e.g. "unit.display_name"
  std::string description;  // what is wrong, for a person
};

// Collects every problem with a request so one error names them all.
class Violations {
 public:
  void Add(std::string field, std::string description);
  bool empty() const { return list_.empty(); }
  const std::vector<FieldViolation>& list() const { return list_; }
  // OK when empty, otherwise INVALID_ARGUMENT with a BadRequest detail.
  absl::Status ToStatus() const;

 private:
  std::vector<FieldViolation> list_;
};

// INVALID_ARGUMENT naming every field; the message lists them too.
absl::Status InvalidArgument(const std::vector<FieldViolation>& violations);
absl::Status InvalidField(std::string field, std::string description);

// Attaches a machine-readable reason (google.rpc.ErrorInfo, domain "huinong").
absl::Status WithReason(absl::Status status, absl::string_view reason);

// Shorthands for the codes the API uses, each with a reason.
absl::Status FailedPrecondition(absl::string_view reason, absl::string_view message);
absl::Status NotFound(absl::string_view resource_name);
absl::Status AlreadyExists(absl::string_view reason, absl::string_view message);
absl::Status Aborted(absl::string_view reason, absl::string_view message);
absl::Status PermissionDenied(absl::string_view message);

// Reading details back (tests, clients, service-to-service calls).
std::string ReasonOf(const absl::Status& status);
std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status);

// The edge: absl::Status -> grpc::Status with google.rpc.Status details.
grpc::Status ToGrpcStatus(const absl::Status& status);
// A client's view: grpc::Status (with details, if any) -> absl::Status with payloads.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace huinong::rpc
