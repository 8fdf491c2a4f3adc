// The two review reports of svc-org, free of I/O: concurrency and segregation
// findings for people holding several posts, and the post-design review
// ("posts follow work", `004:61-63`).
//
// Guarantees: deterministic in the inputs; findings of one person come
// together, people in staff-id order; post-design findings in unit, then
// post order.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "svc-org/src/domain/concurrency.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/domain/staff.h"
#include "svc-org/src/domain/unit.h"

namespace huinong::org {

// Numeric values match huinong.org.v1.ConcurrencyFindingKind (PairFinding
// plus the limit).
enum class ConcurrencyFindingKind {
  kAllowed = 1,
  kNotWhitelisted = 2,
  kSegregationMitigated = 3,
  kSegregationUnmitigated = 4,
  kOverLimit = 5,
};

struct ConcurrencyFindingRow {
  std::string staff_id;
  ConcurrencyFindingKind kind = ConcurrencyFindingKind::kAllowed;
  std::vector<const Assignment*> assignments;  // the pair, or all for OVER_LIMIT
  const ConcurrencyPolicy* policy = nullptr;
  std::string risk;
  const Mitigation* mitigation = nullptr;
};

// `assignments` effective on the day; `codes` the code of each post;
// `policy_of_post` the policy governing each post (nearest up the tree;
// absent: none). Every pair of one person's assignments is judged: by the
// policy both posts share (Classify of concurrency.h), or ALLOWED when they
// share none; a person holding more non-ACTING posts under one policy than
// its limit also gets an OVER_LIMIT finding. People with one assignment have
// no findings.
std::vector<ConcurrencyFindingRow> FindConcurrency(
    const std::vector<Assignment>& assignments, const std::map<std::string, std::string>& codes,
    const std::map<std::string, const ConcurrencyPolicy*>& policy_of_post);

// Numeric values match huinong.org.v1.PostDesignFindingKind.
enum class PostDesignKind {
  kDuplicatesLowerGrade = 1,
  kUnderloaded = 2,
  kNoDuties = 3,
  kNoSuperior = 4,
  kUnitWithoutHead = 5,
  kOvercommitted = 6,
};

struct PostDesignFindingRow {
  PostDesignKind kind = PostDesignKind::kNoDuties;
  std::string unit_id;  // the subject for kUnitWithoutHead
  std::string post_id;  // the subject otherwise
  std::string related_post_id;
  std::vector<std::string> overlapping_duties;
  std::string description;
};

// Below this estimated workload (basis points of one full-time load) a post
// is a candidate for merging; 0 means "not estimated" and is not flagged.
inline constexpr int kUnderloadedBelowBp = 5000;

// Two duties are the same when their texts are equal once surrounding blanks
// and inner runs of blanks are collapsed (the source documents repeat
// duties verbatim between grades, `004:61-63`); no fuzzy matching.
std::string NormalizeDuty(const std::string& text);

// The rules, over `units` (path order) and their `posts` standing on the day:
// - DUPLICATES_LOWER_GRADE: a post of a unit with grade_rank higher than
//   another graded post of the same unit (ungraded, rank 0, is skipped) that
//   shares at least one duty with it;
// - UNDERLOADED: 0 < workload_bp < kUnderloadedBelowBp;
// - NO_DUTIES; NO_SUPERIOR (a non-head post without a superior);
// - OVERCOMMITTED: duty time shares above 10000 bp;
// - UNIT_WITHOUT_HEAD: a unit with posts but no head post.
std::vector<PostDesignFindingRow> ReviewPostDesign(const std::vector<Unit>& units,
                                                   const std::vector<Post>& posts);

}  // namespace huinong::org
