// Reads for the org queries (api/queries_api.h): a subtree as it stood on a
// day — units, posts, quotas and assignments — gathered through the existing
// stores page by page, plus the two lookups they lack (display names of many
// staff at once; posts whose dotted or independent lines name a post).
//
// Units come from the day's dated versions (names, statuses and parents of
// that day), their paths rebased onto the root's path in today's registry.
//
// Guarantees: read-only; every list is complete (paged internally, never
// truncated) and in the order its store gives (units by path, the rest by id).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/domain/quota.h"
#include "svc-org/src/domain/staff.h"
#include "svc-org/src/domain/unit.h"

namespace sql {
class Connection;
}

namespace huinong::org::store {

struct SubtreeRead {
  std::string root_path;
  absl::CivilDay day;
  // Data scope: only units in this subtree or above it; empty for all.
  std::string visible_path;
  int max_depth = 0;  // absolute depth limit; 0 = none
  bool posts = true;
  bool quotas = false;
  bool assignments = true;
};

struct SubtreeSnapshot {
  std::vector<Unit> units;              // standing on the day, by path
  std::vector<Post> posts;              // of those units, standing on the day
  std::vector<Quota> quotas;            // in force on the day (when asked)
  std::vector<Assignment> assignments;  // on those posts, effective on the day
};

absl::StatusOr<SubtreeSnapshot> ReadSubtreeOn(sql::Connection& conn, const SubtreeRead& read);

// Display names of these staff (unknown ids are left out).
absl::StatusOr<std::map<std::string, std::string>> StaffNames(sql::Connection& conn,
                                                              const std::vector<std::string>& ids);

// Posts standing on the day whose terms on the day list a dotted or
// independent line to `post_id`, ordered by id.
absl::StatusOr<std::vector<std::string>> PostsWithLinesTo(sql::Connection& conn,
                                                          const std::string& post_id,
                                                          absl::CivilDay day);

}  // namespace huinong::org::store
