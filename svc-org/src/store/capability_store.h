// Loads what the capability rules (domain/capability.h) judge: a person's
// assignments with every dated version of their posts and their posts'
// units, and the posts that grant a capability at or above a unit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-org/src/domain/capability.h"

namespace sql {
class Connection;
}

namespace huinong::org::store {

// Grant sources for `assignments` (whose posts and units are loaded in two
// queries), in the assignments' order.
absl::StatusOr<std::vector<GrantSource>> GrantSourcesFor(sql::Connection& conn,
                                                         const std::vector<Assignment>& assignments);

// Everything CheckCapability needs about one person; nullopt for an unknown id.
absl::StatusOr<std::optional<StaffGrants>> LoadStaffGrants(sql::Connection& conn,
                                                           const std::string& staff_id);

// Posts of these units whose terms grant `capability` in some version.
absl::StatusOr<std::vector<std::string>> PostsGranting(sql::Connection& conn,
                                                       const std::string& capability,
                                                       const std::vector<std::string>& unit_ids);

}  // namespace huinong::org::store
