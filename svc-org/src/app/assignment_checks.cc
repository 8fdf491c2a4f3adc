// See assignment_checks.h.
#include "svc-org/src/app/assignment_checks.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "google/rpc/error_details.pb.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/staff_mapping.h"
#include "svc-org/src/domain/concurrency.h"
#include "svc-org/src/domain/delegation.h"
#include "svc-org/src/domain/quota.h"
#include "svc-org/src/store/policy_store.h"
#include "svc-org/src/store/post_store.h"
#include "svc-org/src/store/quota_store.h"
#include "svc-org/src/store/staff_store.h"
#include "svc-org/src/store/unit_store.h"

namespace huinong::org {
namespace {

std::string Day(absl::CivilDay d) { return absl::FormatCivilTime(d); }

absl::StatusOr<Post> PostOnFirstDay(sql::Connection& conn, const Assignment& a) {
  ASSIGN_OR_RETURN(std::optional<Post> latest, store::GetLatestPost(conn, a.post_id, /*for_update=*/true));
  if (!latest) return rpc::NotFound(PostName(a.post_id));
  ASSIGN_OR_RETURN(std::optional<Post> on, store::GetPostOn(conn, a.post_id, {a.effective_from, false}));
  if (!on || !on->ActiveOn(a.effective_from)) {
    return rpc::FailedPrecondition(
        "POST_NOT_ACTIVE", absl::StrCat(PostName(a.post_id), " is not ACTIVE on ", Day(a.effective_from)));
  }
  if (latest->effective_to && (!a.effective_to || *a.effective_to > *latest->effective_to)) {
    return rpc::FailedPrecondition(
        "POST_NOT_ACTIVE", absl::StrCat(PostName(a.post_id), " ends on ", Day(*latest->effective_to),
                                        "; the assignment must end by then"));
  }
  return *std::move(on);
}

absl::Status RequireStaff(sql::Connection& conn, const std::string& id) {
  ASSIGN_OR_RETURN(std::optional<Staff> staff, store::GetStaff(conn, id));
  if (!staff) return rpc::NotFound(StaffName(id));
  return absl::OkStatus();
}

absl::Status CheckQualifications(const Post& post, const Staff& staff, absl::CivilDay day) {
  const auto& groups = post.terms.qualification_groups;
  std::vector<int> missing = UnsatisfiedRequiredGroups(groups, staff.qualifications, day);
  if (missing.empty()) return absl::OkStatus();
  std::vector<rpc::PreconditionViolation> violations;
  for (int i : missing) {
    violations.push_back({"QUALIFICATION", absl::StrCat(PostName(post.id), "/qualification_groups[", i, "]"),
                          DescribeGroup(groups[i], i)});
  }
  return rpc::FailedPreconditions("QUALIFICATION_MISSING", absl::StrCat(StaffName(staff.id), " does not satisfy"),
                                  violations);
}

// Judges `a` against the person's other assignments in force during its
// period and governed by the same policy.
absl::Status CheckConcurrency(sql::Connection& conn, const Assignment& a, const std::string& code,
                              const std::vector<Assignment>& others, bool segregation_only) {
  std::set<std::string> unit_ids = {a.unit_id};
  std::vector<const Assignment*> overlapping;
  for (const auto& o : others) {
    if (o.id == a.id || Cancelled(o) ||
        !Overlaps(a.effective_from, a.effective_to, o.effective_from, o.effective_to)) {
      continue;
    }
    overlapping.push_back(&o);
    unit_ids.insert(o.unit_id);
  }
  ASSIGN_OR_RETURN(std::vector<Unit> units,
                   store::GetUnits(conn, std::vector<std::string>(unit_ids.begin(), unit_ids.end())));
  std::map<std::string, std::string> path_of;
  std::set<std::string> ancestors;
  for (const auto& u : units) {
    path_of[u.id] = u.path;
    for (auto& id : PathIds(u.path)) ancestors.insert(std::move(id));
  }
  ASSIGN_OR_RETURN(std::vector<ConcurrencyPolicy> policies,
                   store::PoliciesOfUnits(conn, std::vector<std::string>(ancestors.begin(), ancestors.end())));
  const ConcurrencyPolicy* policy = GoverningPolicy(policies, path_of[a.unit_id]);
  if (policy == nullptr) return absl::OkStatus();
  std::vector<HeldPost> held;
  for (const Assignment* o : overlapping) {
    if (GoverningPolicy(policies, path_of[o->unit_id]) != policy) continue;
    ASSIGN_OR_RETURN(std::optional<Post> post, store::GetLatestPost(conn, o->post_id));
    held.push_back({o->id, {o->post_id, post ? post->terms.code : ""}, o->kind, o->mitigation.has_value()});
  }
  const HeldPost candidate{a.id, {a.post_id, code}, a.kind, a.mitigation.has_value()};
  if (!segregation_only) return JudgeCombination(*policy, candidate, held);
  for (const auto& other : held) {
    if (Classify(*policy, candidate, other) == PairFinding::kSegregationUnmitigated) {
      return rpc::FailedPrecondition(
          "SEGREGATION_UNMITIGATED",
          absl::StrCat(AssignmentName(a.id), " and ", AssignmentName(other.assignment_id),
                       " form a segregation-of-duties pair; the mitigation cannot be removed"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckSeat(sql::Connection& conn, const Assignment& a) {
  if (!a.FillsSeat()) return absl::OkStatus();
  ASSIGN_OR_RETURN(std::optional<Quota> quota, store::QuotaOfPostOn(conn, a.post_id, a.effective_from));
  if (!quota) return absl::OkStatus();
  ASSIGN_OR_RETURN(std::vector<Assignment> on_post, store::AssignmentsOfPost(conn, a.post_id));
  std::vector<std::pair<absl::CivilDay, std::optional<absl::CivilDay>>> periods;
  for (const auto& o : on_post) {
    if (o.id != a.id && o.FillsSeat() && !Cancelled(o)) periods.emplace_back(o.effective_from, o.effective_to);
  }
  return CheckSeatAvailable(quota->terms, PeakOverlap(periods, a.effective_from, a.effective_to));
}

// The delegation rules (domain/delegation.h) with what they read.
absl::Status CheckDelegationOf(sql::Connection& conn, const Assignment& a, const Post& post) {
  const Delegation& d = *a.delegation;
  RETURN_IF_ERROR(RequireStaff(conn, d.acting_for_id));
  RETURN_IF_ERROR(RequireStaff(conn, d.delegated_by_id));
  ASSIGN_OR_RETURN(std::vector<Assignment> on_post, store::AssignmentsOfPost(conn, a.post_id));
  std::vector<Assignment> above;  // read only when someone other than the holder delegates
  if (!post.terms.superior_post_id.empty() && d.delegated_by_id != d.acting_for_id) {
    ASSIGN_OR_RETURN(above, store::AssignmentsOfPostsOn(conn, {post.terms.superior_post_id}, a.effective_from));
  }
  return CheckDelegation(a, post, on_post, above);
}

}  // namespace

absl::StatusOr<Post> CheckNewAssignment(sql::Connection& conn, Assignment& a) {
  ASSIGN_OR_RETURN(Post post, PostOnFirstDay(conn, a));
  a.unit_id = post.unit_id;
  ASSIGN_OR_RETURN(std::optional<Staff> staff, store::GetStaff(conn, a.staff_id, /*for_update=*/true));
  if (!staff) return rpc::NotFound(StaffName(a.staff_id));
  RETURN_IF_ERROR(CheckStaffMayTakePost(*staff));
  if (a.mitigation) RETURN_IF_ERROR(RequireStaff(conn, a.mitigation->checker_id));
  RETURN_IF_ERROR(CheckQualifications(post, *staff, a.effective_from));
  ASSIGN_OR_RETURN(std::vector<Assignment> others, store::AssignmentsOfStaff(conn, a.staff_id));
  others.erase(std::remove_if(others.begin(), others.end(), Cancelled), others.end());
  RETURN_IF_ERROR(CheckOwnAssignments(a, others));
  RETURN_IF_ERROR(CheckConcurrency(conn, a, post.terms.code, others, /*segregation_only=*/false));
  RETURN_IF_ERROR(CheckSeat(conn, a));
  if (a.kind == AssignmentKind::kActing) RETURN_IF_ERROR(CheckDelegationOf(conn, a, post));
  return post;
}

absl::Status CheckChangedAssignment(sql::Connection& conn, const Assignment& a,
                                    bool delegation_changed, bool mitigation_changed) {
  ASSIGN_OR_RETURN(std::optional<Post> post, store::GetPostOn(conn, a.post_id, {a.effective_from, true}));
  if (!post) return rpc::NotFound(PostName(a.post_id));
  if (delegation_changed && a.kind == AssignmentKind::kActing) {
    RETURN_IF_ERROR(CheckDelegationOf(conn, a, *post));
  }
  if (mitigation_changed) {
    if (a.mitigation) {
      RETURN_IF_ERROR(RequireStaff(conn, a.mitigation->checker_id));
    } else {
      ASSIGN_OR_RETURN(std::vector<Assignment> others, store::AssignmentsOfStaff(conn, a.staff_id));
      RETURN_IF_ERROR(CheckConcurrency(conn, a, post->terms.code, others, /*segregation_only=*/true));
    }
  }
  return absl::OkStatus();
}

}  // namespace huinong::org
