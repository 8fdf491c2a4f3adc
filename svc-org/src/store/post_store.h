// SQL for posts (tables posts, post_versions, post_capabilities). Functions
// run on a connection inside the caller's transaction or read; SQL errors
// propagate as exceptions that DbPool turns into statuses.
//
// Reading "on a day" picks the version in force that day. A lenient read
// (an API read without `as_of`) reads a post that has not begun yet at its
// first day, so a post created for a future date can be seen at once.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-org/src/domain/post.h"

namespace sql {
class Connection;
}

namespace huinong::org::store {

struct DayRead {
  absl::CivilDay day;
  bool lenient = false;
};

// The post as it stood on the day; nullopt when it did not exist then.
absl::StatusOr<std::optional<Post>> GetPostOn(sql::Connection& conn, const std::string& id,
                                              DayRead read);
// The post with its latest version; `for_update` locks the post row.
absl::StatusOr<std::optional<Post>> GetLatestPost(sql::Connection& conn, const std::string& id,
                                                  bool for_update = false);
// Every version of the posts with these ids, in date order per post.
absl::StatusOr<std::map<std::string, std::vector<Post>>> GetPostHistories(
    sql::Connection& conn, const std::vector<std::string>& ids);

// The post row and its first version (from post.terms_from).
absl::Status InsertPost(sql::Connection& conn, const Post& post);
// Records `post.terms` from `post.terms_from` (not before latest.terms_from):
// replaces the latest version when they start the same day, otherwise closes
// it and adds a new one.
absl::Status SaveTerms(sql::Connection& conn, const Post& post, const Post& latest);
// The post row: version, update_time, abolition and last day.
absl::Status UpdatePostRow(sql::Connection& conn, const Post& post);

// Other open (not abolished) posts of the unit whose latest version is a
// head post / uses the code.
absl::StatusOr<std::vector<std::string>> OpenHeadPosts(sql::Connection& conn,
                                                       const std::string& unit_id,
                                                       const std::string& exclude_id);
absl::StatusOr<bool> OpenCodeTaken(sql::Connection& conn, const std::string& unit_id,
                                   const std::string& code, const std::string& exclude_id);

// Walking solid lines up from `start_id` on `day` (start first); stops at
// the top, at a repeat, or after 1000 posts.
absl::StatusOr<std::vector<std::string>> SuperiorChain(sql::Connection& conn,
                                                       const std::string& start_id,
                                                       absl::CivilDay day);
// The direct subordinates of each post on the day (posts existing then whose
// version in force names it as superior), ordered by id.
absl::StatusOr<std::map<std::string, std::vector<std::string>>> Subordinates(
    sql::Connection& conn, const std::vector<std::string>& ids, DayRead read);
// Posts still existing after `last_day` that report to `post_id` after it.
absl::StatusOr<int> CountSubordinatesAfter(sql::Connection& conn, const std::string& post_id,
                                           absl::CivilDay last_day);

struct PostQuery {
  DayRead read;
  std::string unit_id;
  std::string subtree_path;  // posts of units in this subtree
  std::optional<PostKind> kind;
  std::string capability;
  std::string code;
  bool head_only = false;
  // Unset: PLANNED and ACTIVE. ABOLISHED: abolished posts at their latest version.
  std::optional<PostStatus> status;
  std::string visible_path;  // data scope: the units in this subtree or above it
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<Post>> ListPosts(sql::Connection& conn, const PostQuery& query);

}  // namespace huinong::org::store
