// See post.h.
#include "svc-org/src/domain/post.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

namespace huinong::org {
namespace {

std::string Day(absl::CivilDay d) { return absl::FormatCivilTime(d); }

}  // namespace

absl::string_view PostStatusName(PostStatus status) {
  switch (status) {
    case PostStatus::kPlanned: return "PLANNED";
    case PostStatus::kActive: return "ACTIVE";
    case PostStatus::kAbolished: return "ABOLISHED";
    case PostStatus::kUnspecified: break;
  }
  return "UNSPECIFIED";
}

bool ValidCapability(absl::string_view capability) {
  if (capability.size() < 3 || capability.size() > 64) return false;
  if (capability.front() == '.' || capability.back() == '.') return false;
  char previous = 0;
  for (char c : capability) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    if (!ok) return false;
    if (c == '.' && previous == '.') return false;
    previous = c;
  }
  return true;
}

bool ValidCode(absl::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                    c == '-';
    if (!ok) return false;
  }
  return true;
}

absl::string_view PostEventName(PostEvent event) {
  switch (event) {
    case PostEvent::kActivate: return "ACTIVATE";
    case PostEvent::kAbolish: return "ABOLISH";
    case PostEvent::kPlan: return "PLAN";
  }
  return "UNKNOWN";
}

const domain::StateTable<PostStatus, PostEvent>& PostLifecycle() {
  using S = PostStatus;
  using E = PostEvent;
  static const domain::StateTable<S, E> table(
      "a post", {S::kPlanned, S::kActive, S::kAbolished}, {E::kActivate, E::kAbolish, E::kPlan},
      PostStatusName, PostEventName,
      {
          {S::kPlanned, E::kActivate, S::kActive},
          {S::kPlanned, E::kAbolish, S::kAbolished},
          {S::kActive, E::kAbolish, S::kAbolished},
      });
  return table;
}

absl::Status CheckPostTransition(PostStatus from, PostStatus to) {
  if (from == PostStatus::kAbolished || to == PostStatus::kAbolished) {
    return rpc::FailedPrecondition(
        "INVALID_TRANSITION", absl::StrCat("a post cannot go from ", PostStatusName(from), " to ",
                                           PostStatusName(to), " by an update (AbolishPost abolishes)"));
  }
  return PostLifecycle().CheckMove(from, to, to == PostStatus::kActive ? PostEvent::kActivate : PostEvent::kPlan);
}

absl::Status CheckNoCycle(absl::string_view post_id, const std::vector<std::string>& chain_up) {
  for (const auto& id : chain_up) {
    if (id == post_id) {
      return rpc::FailedPrecondition(
          "CYCLE", "the superior post reports (directly or indirectly) to this post");
    }
  }
  return absl::OkStatus();
}

absl::Status CheckSingleHead(const PostTerms& terms, const std::vector<std::string>& other_heads) {
  if (!terms.head || other_heads.empty()) return absl::OkStatus();
  return rpc::FailedPrecondition(
      "HEAD_POST_EXISTS", absl::StrCat("the unit already has a head post: posts/", other_heads[0]));
}

absl::Status CheckAbolish(const Post& post, absl::CivilDay last_day, int assignments_after,
                          int open_subordinates) {
  if (post.abolished) {
    return rpc::FailedPrecondition("INVALID_TRANSITION", "the post is already abolished");
  }
  if (last_day < post.effective_from - 1) {
    return rpc::FailedPrecondition(
        "INVALID_TRANSITION",
        absl::StrCat("the post only begins on ", Day(post.effective_from)));
  }
  if (assignments_after > 0) {
    return rpc::FailedPrecondition(
        "HAS_ASSIGNMENTS", absl::StrCat(assignments_after, " assignment(s) run past ", Day(last_day),
                                        "; end them first"));
  }
  if (open_subordinates > 0) {
    return rpc::FailedPrecondition(
        "HAS_SUBORDINATES",
        absl::StrCat(open_subordinates, " open post(s) still report to this post; move them first"));
  }
  return absl::OkStatus();
}

absl::Status CheckUpdateDate(const Post& latest, absl::CivilDay effective_date) {
  if (effective_date < latest.effective_from) {
    return rpc::FailedPrecondition(
        "EFFECTIVE_DATE_TOO_EARLY",
        absl::StrCat("the post begins on ", Day(latest.effective_from)));
  }
  if (effective_date < latest.terms_from) {
    return rpc::FailedPrecondition(
        "EFFECTIVE_DATE_TOO_EARLY",
        absl::StrCat("a change from ", Day(latest.terms_from), " is already recorded"));
  }
  return absl::OkStatus();
}

}  // namespace huinong::org
