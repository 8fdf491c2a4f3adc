// The checks an assignment must pass, run inside the change's transaction:
// they load what the domain rules need (post, person, the person's other
// assignments, the concurrency policy, the quota, the absent holder) and
// apply them in the order staff_service.proto promises: post ACTIVE on the
// dates; person not LEFT; every REQUIRED qualification group; one PRIMARY at
// a time; the concurrency policy (segregation pairs need a mitigation, the
// whitelist, the limit); the quota (ACTING fills no seat); and, for ACTING,
// that the absent person holds the post and the delegator may delegate.
//
// The post row and the person's row are locked first, so two assignments
// racing for the last seat or for one person's combination are judged one
// after the other.
#pragma once

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/domain/staff.h"

namespace sql {
class Connection;
}

namespace huinong::org {

// Runs every check for the new assignment `a`; fills `a.unit_id` from the
// post. Returns the post as in force on the first day (its unit decides
// who may make the change).
absl::StatusOr<Post> CheckNewAssignment(sql::Connection& conn, Assignment& a);

// For UpdateAssignment: the delegation of an ACTING assignment still holds
// (absent holder holds the post, delegator entitled, subset of the post's
// capabilities), and no segregation pair is left without a mitigation.
absl::Status CheckChangedAssignment(sql::Connection& conn, const Assignment& a,
                                    bool delegation_changed, bool mitigation_changed);

}  // namespace huinong::org
