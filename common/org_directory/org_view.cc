// See org_view.h.
#include "common/org_directory/org_view.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"

namespace huinong::org_directory {

OrgDirectory::OrgDirectory(std::shared_ptr<grpc::Channel> org, TokenSource token, OrgDirectoryOptions options)
    : staff_(org::v1::StaffService::NewStub(org)),
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

}  // namespace huinong::org_directory
