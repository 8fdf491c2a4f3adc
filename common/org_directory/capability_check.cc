// See capability_check.h.
#include "common/org_directory/capability_check.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"

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

  org::v1::CheckCapabilityRequest request;
  request.set_staff(absl::StrCat("staff/", staff_id));
  request.set_capability(capability);
  request.set_unit(absl::StrCat("units/", unit_id));
  request.mutable_as_of()->set_year(static_cast<int32_t>(day.year()));
  request.mutable_as_of()->set_month(day.month());
  request.mutable_as_of()->set_day(day.day());
  org::v1::CheckCapabilityResponse response;
  RETURN_IF_ERROR(CallOrg(token_, options_.deadline, absl::StrCat("whether ", capability, " is held"),
                          [&](grpc::ClientContext& ctx) { return stub_->CheckCapability(&ctx, request, &response); }));
  answers_.Put(key, response.allowed(), ticket);
  return response.allowed();
}

}  // namespace huinong::org_directory
