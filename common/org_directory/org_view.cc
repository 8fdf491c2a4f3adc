// See org_view.h.
#include "common/org_directory/org_view.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"

namespace huinong::org_directory {

OrgDirectory::OrgDirectory(std::shared_ptr<grpc::Channel> org, TokenSource token, OrgDirectoryOptions options)
    : staff_(org::v1::StaffService::NewStub(org)),
      queries_(org::v1::OrgQueryService::NewStub(org)),
      token_(token),
      staff_deadline_(options.units.deadline),
      capabilities_(org, token, options.capabilities),
      units_(org, token, options.units),
      calendars_(std::move(org), std::move(token), options.calendars) {}

absl::StatusOr<std::string> OrgDirectory::StaffDisplayName(const std::string& staff_id) {
  org::v1::GetStaffRequest request;
  request.set_name(absl::StrCat("staff/", staff_id));
  org::v1::Staff staff;
  RETURN_IF_ERROR(CallOrg(token_, staff_deadline_, absl::StrCat("who ", request.name(), " is"),
                          [&](grpc::ClientContext& ctx) { return staff_->GetStaff(&ctx, request, &staff); }));
  return staff.display_name();
}

absl::StatusOr<std::vector<std::string>> OrgDirectory::CapabilityHolders(const std::string& capability,
                                                                         const std::string& unit_id,
                                                                         absl::CivilDay day) {
  org::v1::ListCapabilityHoldersRequest request;
  request.set_capability(capability);
  request.set_unit(absl::StrCat("units/", unit_id));
  request.mutable_as_of()->set_year(static_cast<int>(day.year()));
  request.mutable_as_of()->set_month(day.month());
  request.mutable_as_of()->set_day(day.day());
  request.set_nearest_only(true);
  request.set_page_size(50);
  org::v1::ListCapabilityHoldersResponse response;
  RETURN_IF_ERROR(CallOrg(token_, staff_deadline_, absl::StrCat("who holds ", capability, " for ", request.unit()),
                          [&](grpc::ClientContext& ctx) { return queries_->ListCapabilityHolders(&ctx, request, &response); }));
  std::vector<std::string> holders;
  for (const org::v1::CapabilityGrant& g : response.holders()) {
    std::string id = g.staff().substr(g.staff().rfind('/') + 1);
    if (std::find(holders.begin(), holders.end(), id) == holders.end()) holders.push_back(std::move(id));
  }
  return holders;
}

}  // namespace huinong::org_directory
