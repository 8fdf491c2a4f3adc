#include "common/rpc/errors.h"

#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/log.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace huinong::rpc {
namespace {

constexpr absl::string_view kTypePrefix = "type.googleapis.com/";
constexpr absl::string_view kBadRequestUrl = "type.googleapis.com/google.rpc.BadRequest";
constexpr absl::string_view kErrorInfoUrl = "type.googleapis.com/google.rpc.ErrorInfo";
constexpr absl::string_view kPreconditionFailureUrl = "type.googleapis.com/google.rpc.PreconditionFailure";
constexpr absl::string_view kDomain = "huinong";

absl::Status WithMessage(absl::StatusCode code, absl::string_view reason,
                         absl::string_view message) {
  return WithReason(absl::Status(code, message), reason);
}

}  // namespace

void Violations::Add(std::string field, std::string description) {
  list_.push_back({std::move(field), std::move(description)});
}

absl::Status Violations::ToStatus() const {
  if (list_.empty()) return absl::OkStatus();
  return InvalidArgument(list_);
}

absl::Status InvalidArgument(const std::vector<FieldViolation>& violations) {
  google::rpc::BadRequest bad;
  std::vector<std::string> parts;
  for (const auto& v : violations) {
    auto* fv = bad.add_field_violations();
    fv->set_field(v.field);
    fv->set_description(v.description);
    parts.push_back(absl::StrCat(v.field, ": ", v.description));
  }
  absl::Status status(absl::StatusCode::kInvalidArgument,
                      absl::StrCat("invalid request: ", absl::StrJoin(parts, "; ")));
  status.SetPayload(kBadRequestUrl, absl::Cord(bad.SerializeAsString()));
  return WithReason(std::move(status), "INVALID_ARGUMENT");
}

absl::Status FailedPreconditions(absl::string_view reason, absl::string_view message,
                                 const std::vector<PreconditionViolation>& violations) {
  google::rpc::PreconditionFailure failure;
  std::vector<std::string> parts;
  for (const auto& v : violations) {
    auto* pv = failure.add_violations();
    pv->set_type(v.type);
    pv->set_subject(v.subject);
    pv->set_description(v.description);
    parts.push_back(absl::StrCat(v.type, " (", v.subject, "): ", v.description));
  }
  absl::Status status = FailedPrecondition(
      reason, parts.empty() ? std::string(message) : absl::StrCat(message, ": ", absl::StrJoin(parts, "; ")));
  status.SetPayload(kPreconditionFailureUrl, absl::Cord(failure.SerializeAsString()));
  return status;
}

absl::Status InvalidField(std::string field, std::string description) {
  return InvalidArgument({{std::move(field), std::move(description)}});
}

absl::Status WithReason(absl::Status status, absl::string_view reason) {
  if (status.ok()) return status;
  google::rpc::ErrorInfo info;
  info.set_reason(std::string(reason));
  info.set_domain(std::string(kDomain));
  status.SetPayload(kErrorInfoUrl, absl::Cord(info.SerializeAsString()));
  return status;
}

absl::Status FailedPrecondition(absl::string_view reason, absl::string_view message) {
  return WithMessage(absl::StatusCode::kFailedPrecondition, reason, message);
}
absl::Status NotFound(absl::string_view resource_name) {
  return WithMessage(absl::StatusCode::kNotFound, "NOT_FOUND",
                     absl::StrCat(resource_name, " not found"));
}
absl::Status AlreadyExists(absl::string_view reason, absl::string_view message) {
  return WithMessage(absl::StatusCode::kAlreadyExists, reason, message);
}
absl::Status Aborted(absl::string_view reason, absl::string_view message) {
  return WithMessage(absl::StatusCode::kAborted, reason, message);
}
absl::Status PermissionDenied(absl::string_view message) {
  return WithMessage(absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED", message);
}

std::string ReasonOf(const absl::Status& status) {
  auto payload = status.GetPayload(kErrorInfoUrl);
  if (!payload) return "";
  google::rpc::ErrorInfo info;
  if (!info.ParseFromString(std::string(*payload))) return "";
  return info.reason();
}

std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status) {
  std::vector<FieldViolation> out;
  auto payload = status.GetPayload(kBadRequestUrl);
  if (!payload) return out;
  google::rpc::BadRequest bad;
  if (!bad.ParseFromString(std::string(*payload))) return out;
  for (const auto& fv : bad.field_violations()) out.push_back({fv.field(), fv.description()});
  return out;
}

std::vector<PreconditionViolation> PreconditionViolationsOf(const absl::Status& status) {
  std::vector<PreconditionViolation> out;
  auto payload = status.GetPayload(kPreconditionFailureUrl);
  if (!payload) return out;
  google::rpc::PreconditionFailure failure;
  if (!failure.ParseFromString(std::string(*payload))) return out;
  for (const auto& pv : failure.violations()) out.push_back({pv.type(), pv.subject(), pv.description()});
  return out;
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  absl::StatusCode code = status.code();
  std::string message(status.message());
  if (code == absl::StatusCode::kInternal || code == absl::StatusCode::kUnknown) {
    // Internals (SQL text, file paths) stay in the log; the caller gets a generic message.
    log::Error("internal error", {{"code", absl::StatusCodeToString(code)}, {"detail", message}});
    message = "internal error";
  }
  google::rpc::Status details;
  details.set_code(static_cast<int>(code));
  details.set_message(message);
  if (code != absl::StatusCode::kInternal && code != absl::StatusCode::kUnknown) {
    status.ForEachPayload([&](absl::string_view type_url, const absl::Cord& value) {
      if (type_url.substr(0, kTypePrefix.size()) != kTypePrefix) return;
      auto* any = details.add_details();
      any->set_type_url(std::string(type_url));
      any->set_value(std::string(value));
    });
  }
  return grpc::Status(static_cast<grpc::StatusCode>(code), message,
                      details.SerializeAsString());
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::Status out(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  google::rpc::Status details;
  if (!status.error_details().empty() && details.ParseFromString(status.error_details())) {
    for (const auto& any : details.details()) {
      out.SetPayload(any.type_url(), absl::Cord(any.value()));
    }
  }
  return out;
}

}  // namespace huinong::rpc
