// The rules of an acting assignment's delegation (代理), free of I/O: who may
// act for whom, with which of the post's capabilities, and who may hand them
// over. An ACTING assignment covers an absence of the post's holder, so:
// - every delegated capability is one of the post's (none listed: all of them);
// - the person acted for holds the post (a seat-filling assignment, not
//   cancelled) throughout the acting period — an open-ended acting needs an
//   open-ended holder;
// - the delegation is made by the absent holder themself or by a holder of the
//   post's superior post on the acting's first day.
#pragma once

#include <vector>

#include "absl/status/status.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/domain/staff.h"

namespace huinong::org {

// A cancelled schedule (last day before its first) is in force on no day.
bool Cancelled(const Assignment& a);

// `acting` has a delegation. `on_post`: the assignments of the acting post;
// `superior_holders`: the assignments of the post's superior post in force on
// the acting's first day (empty when it has none or the holder delegates).
// INVALID_ARGUMENT naming assignment.delegation.capabilities[i] for a
// capability the post does not have; FAILED_PRECONDITION with reason
// ACTING_FOR_NOT_HOLDER or DELEGATOR_NOT_ENTITLED.
absl::Status CheckDelegation(const Assignment& acting, const Post& post, const std::vector<Assignment>& on_post,
                             const std::vector<Assignment>& superior_holders);

}  // namespace huinong::org
