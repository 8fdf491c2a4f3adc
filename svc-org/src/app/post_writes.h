// The writes of posts, shared by the post handlers and by the approval of
// change requests: the same checks (one head per unit, unique codes,
// reporting lines without cycles, holders still qualified), the same dated
// versions and the same audit event, inside the caller's transaction.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "huinong/org/v1/posts.pb.h"
#include "svc-org/src/app/unit_writes.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/store/post_store.h"

namespace huinong::org {

// The fields UpdatePost (and an update_post change item) may change.
const std::set<std::string>& PostUpdatableFields();

// Creates `post` (its terms set) in `unit_id` from `from`. With `store_it`
// false it only checks (validate_only) and returns the post unnamed.
absl::StatusOr<v1::Post> CreatePostIn(const WriteBy& by, Post post,
                                      const std::string& unit_id, absl::CivilDay from, bool store_it);

// Records a new version of the post from `effective` (unset: today, or the
// latest version's day when later) with the fields in `paths` taken from
// `incoming`. `etag`, when given, must be the post's.
absl::StatusOr<v1::Post> UpdatePostIn(const WriteBy& by, const std::string& id,
                                      const std::set<std::string>& paths, const PostTerms& incoming,
                                      std::optional<absl::CivilDay> effective,
                                      const std::optional<std::string>& etag);

// Abolishes the post from the day after `last`.
absl::StatusOr<v1::Post> AbolishPostIn(const WriteBy& by, const std::string& id,
                                       absl::CivilDay last, const std::string& reason,
                                       const std::optional<std::string>& etag);

// The post with its subordinates on the read's day.
absl::StatusOr<v1::Post> PostWithSubordinates(sql::Connection& conn, const Post& post, store::DayRead read);

// The post with its latest version, NOT_FOUND when there is none.
absl::StatusOr<Post> LoadLatestPost(sql::Connection& conn, const std::string& id, bool for_update = false);

}  // namespace huinong::org
