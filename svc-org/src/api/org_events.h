// The audit events of posts, quotas, staff, assignments and concurrency
// policies: every successful change records exactly one event in its own
// transaction, after the store write, naming the resource, the unit it
// belongs to (empty for staff, who belong to no unit) and its fields before
// (null for a creation) and after, personal data masked by the outbox.
#pragma once

#include <string>

#include <google/protobuf/message.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/auth/principal.h"

namespace sql {
class Connection;
}

namespace huinong::org {

struct OrgChange {
  absl::string_view method;         // "CreatePost" -> action "org.CreatePost"
  absl::string_view resource_type;  // post, quota, staff, assignment, concurrency_policy
  std::string resource_name;        // "posts/{id}"
  std::string resource_unit;        // "units/{id}" or ""
  const google::protobuf::Message* before = nullptr;
  const google::protobuf::Message* after = nullptr;
};

// An error must abort the change.
absl::Status RecordOrgEvent(sql::Connection& conn, const auth::Principal& caller,
                            const std::string& request_id, const OrgChange& change);

}  // namespace huinong::org
