// Concurrency policies (兼任规则) and their judgement, free of I/O.
//
// An organisation (the subtree of the policy's unit; the nearest policy up
// the tree applies to a post) may say which posts one person may hold
// together:
// - a whitelist: when it has entries, two posts may be held together only if
//   one entry selects both (default deny). The loan company's: admin clerk,
//   asset preservation and investment posts may be combined, and the
//   business manager may also be a client manager; nothing else (`001:267`);
// - segregation-of-duties pairs: allowed only with a recorded mitigation on
//   either assignment, whitelist or not (cash and bank cashier merged, with
//   daily checks by someone else, `004:121`);
// - a limit of posts per person.
// ACTING covers an absence; it is not 兼任, so it is exempt from the
// whitelist and the limit, but a segregation pair binds it too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "svc-org/src/domain/staff.h"

namespace huinong::org {

// What a selector sees of a post.
struct PostRef {
  std::string id;
  std::string code;
};

// One post (by id) or every post with a code.
struct PostSelector {
  std::string post_id;
  std::string post_code;

  bool Matches(const PostRef& post) const;
  bool operator==(const PostSelector& o) const {
    return post_id == o.post_id && post_code == o.post_code;
  }
};

struct AllowedCombination {
  std::vector<PostSelector> posts;
  std::string note;
};

struct SegregationPair {
  PostSelector first;
  PostSelector second;
  std::string risk;
};

struct ConcurrencyPolicy {
  std::string id;
  std::string unit_id;
  std::string title;
  std::vector<AllowedCombination> whitelist;
  std::vector<SegregationPair> segregation_pairs;
  int max_posts_per_person = 0;  // 0: no limit
  int64_t version = 1;
  absl::Time create_time;
  absl::Time update_time;
};

// The policy that governs the posts of the unit at `unit_path`: the one set
// on the nearest unit at or above it (the unit's own before its parent's);
// null when none of them has one.
const ConcurrencyPolicy* GoverningPolicy(const std::vector<ConcurrencyPolicy>& policies,
                                         absl::string_view unit_path);

// Numeric values match huinong.org.v1.ConcurrencyFindingKind.
enum class PairFinding {
  kAllowed = 1,
  kNotWhitelisted = 2,
  kSegregationMitigated = 3,
  kSegregationUnmitigated = 4,
};

// The segregation pair `a` and `b` form (in either order), if any.
const SegregationPair* SegregationPairOf(const ConcurrencyPolicy& policy, const PostRef& a,
                                         const PostRef& b);
// Whether a whitelist entry selects both posts (true when there is no whitelist).
bool Whitelisted(const ConcurrencyPolicy& policy, const PostRef& a, const PostRef& b);

// One of the person's assignments as the policy sees it.
struct HeldPost {
  std::string assignment_id;
  PostRef post;
  AssignmentKind kind = AssignmentKind::kPrimary;
  bool mitigated = false;
};

// How the policy judges holding `a` and `b` together.
PairFinding Classify(const ConcurrencyPolicy& policy, const HeldPost& a, const HeldPost& b);

// Whether `candidate` may be taken on next to `others` (the person's other
// assignments in force at some time in the candidate's period and governed
// by the same policy). FAILED_PRECONDITION with reason
// SEGREGATION_UNMITIGATED, CONCURRENCY_FORBIDDEN or TOO_MANY_POSTS.
absl::Status JudgeCombination(const ConcurrencyPolicy& policy, const HeldPost& candidate,
                              const std::vector<HeldPost>& others);

}  // namespace huinong::org
