// See capability_check.h.
#include "common/org_directory/capability_check.h"

#include <grpcpp/client_context.h>

#include "absl/strings/str_cat.h"
#include "common/rpc/errors.h"

namespace huinong::org_directory {

CapabilityCheck::CapabilityCheck(std::shared_ptr<grpc::Channel> org, TokenSource token,
                                 CapabilityCheckOptions options, std::function<absl::Time()> clock)
    : stub_(org::v1::OrgQueryService::NewStub(std::move(org))),
      token_(std::move(token)),
      options_(options),
      answers_(options.ttl, options.max_entries, std::move(clock)) {}

absl::StatusOr<bool> CapabilityCheck::Holds(const std::string& staff_id, const std::string& capability,
                                            const std::string& unit_id, absl::CivilDay day) {
  const std::string key = absl::StrCat(staff_id, "|", capability, "|", unit_id, "|", absl::FormatCivilTime(day));
  if (std::optional<bool> cached = answers_.Find(key)) return *cached;
  const auto ticket = answers_.Take();

  absl::StatusOr<std::string> token = token_();
  if (!token.ok()) {
    return absl::Status(token.status().code(), absl::StrCat("service token: ", token.status().message()));
  }
  org::v1::CheckCapabilityRequest request;
  request.set_staff(absl::StrCat("staff/", staff_id));
  request.set_capability(capability);
  request.set_unit(absl::StrCat("units/", unit_id));
  request.mutable_as_of()->set_year(static_cast<int32_t>(day.year()));
  request.mutable_as_of()->set_month(day.month());
  request.mutable_as_of()->set_day(day.day());
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", absl::StrCat("Bearer ", *token));
  ctx.set_deadline(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(options_.deadline));
  org::v1::CheckCapabilityResponse response;
  const grpc::Status status = stub_->CheckCapability(&ctx, request, &response);
  switch (status.error_code()) {
    case grpc::StatusCode::OK:
      answers_.Put(key, response.allowed(), ticket);
      return response.allowed();
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return rpc::WithReason(absl::UnavailableError(absl::StrCat("svc-org cannot answer whether ", capability,
                                                                 " is held: ", status.error_message())),
                             "ORG_UNAVAILABLE");
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      // The caller did nothing wrong: this service's own account was refused.
      return absl::InternalError(absl::StrCat("svc-org refused this service's token: ", status.error_message()));
    default:
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          absl::StrCat("svc-org: ", status.error_message()));
  }
}

}  // namespace huinong::org_directory
