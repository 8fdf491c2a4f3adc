// The gate in front of the direct structural methods: inside an organisation
// whose approval chain sets require_change_requests, units, posts and quotas
// change only through approved change requests (admin excepted), so the
// organisation's own decision process cannot be bypassed.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "common/auth/principal.h"

namespace sql {
class Connection;
}

namespace huinong::org {

// FAILED_PRECONDITION / CHANGE_REQUEST_REQUIRED when the chain nearest up
// the tree from `unit_id` (itself included) requires change requests and the
// caller is not admin. An empty `unit_id` (a new root) passes.
absl::Status CheckDirectChangeAllowed(sql::Connection& conn, const auth::Principal& caller,
                                      const std::string& unit_id);

}  // namespace huinong::org
