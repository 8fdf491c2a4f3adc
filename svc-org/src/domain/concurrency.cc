// See concurrency.h.
#include "svc-org/src/domain/concurrency.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"
#include "svc-org/src/domain/unit.h"

namespace huinong::org {
namespace {

std::string Describe(const PostRef& p) {
  return p.code.empty() ? absl::StrCat("posts/", p.id) : absl::StrCat("posts/", p.id, " (", p.code, ")");
}

}  // namespace

bool PostSelector::Matches(const PostRef& post) const {
  if (!post_id.empty()) return post_id == post.id;
  return !post_code.empty() && post_code == post.code;
}

const SegregationPair* SegregationPairOf(const ConcurrencyPolicy& policy, const PostRef& a,
                                         const PostRef& b) {
  for (const auto& pair : policy.segregation_pairs) {
    if ((pair.first.Matches(a) && pair.second.Matches(b)) ||
        (pair.first.Matches(b) && pair.second.Matches(a))) {
      return &pair;
    }
  }
  return nullptr;
}

bool Whitelisted(const ConcurrencyPolicy& policy, const PostRef& a, const PostRef& b) {
  if (policy.whitelist.empty()) return true;
  for (const auto& entry : policy.whitelist) {
    bool has_a = false;
    bool has_b = false;
    for (const auto& s : entry.posts) {
      has_a = has_a || s.Matches(a);
      has_b = has_b || s.Matches(b);
    }
    if (has_a && has_b) return true;
  }
  return false;
}

PairFinding Classify(const ConcurrencyPolicy& policy, const HeldPost& a, const HeldPost& b) {
  if (SegregationPairOf(policy, a.post, b.post) != nullptr) {
    return a.mitigated || b.mitigated ? PairFinding::kSegregationMitigated
                                      : PairFinding::kSegregationUnmitigated;
  }
  if (a.kind == AssignmentKind::kActing || b.kind == AssignmentKind::kActing) {
    return PairFinding::kAllowed;
  }
  return Whitelisted(policy, a.post, b.post) ? PairFinding::kAllowed : PairFinding::kNotWhitelisted;
}

absl::Status JudgeCombination(const ConcurrencyPolicy& policy, const HeldPost& candidate,
                              const std::vector<HeldPost>& others) {
  for (const auto& other : others) {
    switch (Classify(policy, candidate, other)) {
      case PairFinding::kSegregationUnmitigated: {
        const SegregationPair* pair = SegregationPairOf(policy, candidate.post, other.post);
        return rpc::FailedPrecondition(
            "SEGREGATION_UNMITIGATED",
            absl::StrCat(Describe(candidate.post), " and ", Describe(other.post),
                         " are a segregation-of-duties pair (", pair->risk,
                         "); holding both needs a recorded mitigation"));
      }
      case PairFinding::kNotWhitelisted:
        return rpc::FailedPrecondition(
            "CONCURRENCY_FORBIDDEN",
            absl::StrCat("the concurrency policy \"", policy.title, "\" does not allow holding ",
                         Describe(candidate.post), " together with ", Describe(other.post)));
      case PairFinding::kAllowed:
      case PairFinding::kSegregationMitigated:
        break;
    }
  }
  if (policy.max_posts_per_person > 0 && candidate.kind != AssignmentKind::kActing) {
    int held = 1;
    for (const auto& other : others) {
      if (other.kind != AssignmentKind::kActing) ++held;
    }
    if (held > policy.max_posts_per_person) {
      return rpc::FailedPrecondition(
          "TOO_MANY_POSTS", absl::StrCat("the concurrency policy allows at most ",
                                         policy.max_posts_per_person, " post(s) per person"));
    }
  }
  return absl::OkStatus();
}

const ConcurrencyPolicy* GoverningPolicy(const std::vector<ConcurrencyPolicy>& policies,
                                         absl::string_view unit_path) {
  const std::vector<std::string> ids = PathIds(unit_path);
  for (auto id = ids.rbegin(); id != ids.rend(); ++id) {  // the unit itself first, then up
    for (const auto& p : policies) {
      if (p.unit_id == *id) return &p;
    }
  }
  return nullptr;
}

}  // namespace huinong::org
