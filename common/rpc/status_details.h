// Errors as values with rich details, free of gRPC: field violations and a
// machine-readable reason ride on an absl::Status as payloads keyed by their
// google.rpc type URLs. Domain code includes only this header; the gRPC edge
// (errors.h) turns the same statuses into grpc-status-details-bin.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

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

// One broken business rule of a FAILED_PRECONDITION (google.rpc.
// PreconditionFailure): its type (the rule, e.g. "CEILING_EXCEEDED"), the
// subject it is about (a field or a resource) and what is wrong.
struct PreconditionViolation {
  std::string type;
  std::string subject;
  std::string description;
};

// FAILED_PRECONDITION with `reason`, every violation in a PreconditionFailure
// detail and listed in the message too, so a refusal that breaks four rules
// names all four to any client.
absl::Status FailedPreconditions(absl::string_view reason, absl::string_view message,
                                 const std::vector<PreconditionViolation>& violations);

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
std::vector<PreconditionViolation> PreconditionViolationsOf(const absl::Status& status);


}  // namespace huinong::rpc
