// See org_view.h.
#include "common/org_directory/org_view.h"

namespace huinong::org_directory {

OrgDirectory::OrgDirectory(std::shared_ptr<grpc::Channel> org, TokenSource token, OrgDirectoryOptions options)
    : capabilities_(org, token, options.capabilities),
      units_(org, token, options.units),
      calendars_(std::move(org), std::move(token), options.calendars) {}

}  // namespace huinong::org_directory
