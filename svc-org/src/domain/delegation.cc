// See delegation.h.
#include "svc-org/src/domain/delegation.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

namespace huinong::org {

bool Cancelled(const Assignment& a) { return a.effective_to && *a.effective_to < a.effective_from; }

absl::Status CheckDelegation(const Assignment& acting, const Post& post, const std::vector<Assignment>& on_post,
                             const std::vector<Assignment>& superior_holders) {
  const Delegation& d = *acting.delegation;
  const auto& caps = post.terms.capabilities;
  for (size_t i = 0; i < d.capabilities.size(); ++i) {
    if (std::find(caps.begin(), caps.end(), d.capabilities[i]) == caps.end()) {
      return rpc::InvalidField(absl::StrCat("assignment.delegation.capabilities[", i, "]"),
                               absl::StrCat(d.capabilities[i], " is not a capability of the post"));
    }
  }
  const bool holds = std::any_of(on_post.begin(), on_post.end(), [&](const Assignment& h) {
    return h.staff_id == d.acting_for_id && h.FillsSeat() && !Cancelled(h) &&
           h.effective_from <= acting.effective_from &&
           (!h.effective_to || (acting.effective_to && *acting.effective_to <= *h.effective_to));
  });
  if (!holds) {
    return rpc::FailedPrecondition("ACTING_FOR_NOT_HOLDER",
                                   absl::StrCat("staff/", d.acting_for_id, " does not hold posts/", acting.post_id,
                                                " throughout the acting period"));
  }
  if (d.delegated_by_id == d.acting_for_id) return absl::OkStatus();
  const bool entitled =
      !post.terms.superior_post_id.empty() &&
      std::any_of(superior_holders.begin(), superior_holders.end(),
                  [&](const Assignment& h) { return h.staff_id == d.delegated_by_id; });
  if (entitled) return absl::OkStatus();
  return rpc::FailedPrecondition(
      "DELEGATOR_NOT_ENTITLED",
      absl::StrCat("staff/", d.delegated_by_id, " is neither the absent holder nor a holder of the post's superior post"));
}

}  // namespace huinong::org
