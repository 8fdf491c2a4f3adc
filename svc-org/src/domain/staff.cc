// See staff.h.
#include "svc-org/src/domain/staff.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

namespace huinong::org {

AssignmentState Assignment::StateOn(absl::CivilDay today) const {
  if (effective_from > today) {
    // A cancelled schedule (last day before the first) never starts.
    if (effective_to && *effective_to < effective_from) return AssignmentState::kEnded;
    return AssignmentState::kScheduled;
  }
  if (effective_to && *effective_to < today) return AssignmentState::kEnded;
  return AssignmentState::kActive;
}

absl::string_view StaffStatusName(StaffStatus status) {
  switch (status) {
    case StaffStatus::kActive: return "ACTIVE";
    case StaffStatus::kOnLeave: return "ON_LEAVE";
    case StaffStatus::kLeft: return "LEFT";
    case StaffStatus::kUnspecified: break;
  }
  return "UNSPECIFIED";
}

absl::string_view AssignmentKindName(AssignmentKind kind) {
  switch (kind) {
    case AssignmentKind::kPrimary: return "PRIMARY";
    case AssignmentKind::kConcurrent: return "CONCURRENT";
    case AssignmentKind::kActing: return "ACTING";
    case AssignmentKind::kSeconded: return "SECONDED";
    case AssignmentKind::kUnspecified: break;
  }
  return "UNSPECIFIED";
}

bool Overlaps(absl::CivilDay a_from, const std::optional<absl::CivilDay>& a_to,
              absl::CivilDay b_from, const std::optional<absl::CivilDay>& b_to) {
  const bool a_before_b_ends = !b_to || a_from <= *b_to;
  const bool b_before_a_ends = !a_to || b_from <= *a_to;
  return a_before_b_ends && b_before_a_ends;
}

int PeakOverlap(const std::vector<std::pair<absl::CivilDay, std::optional<absl::CivilDay>>>& periods,
                absl::CivilDay from, const std::optional<absl::CivilDay>& to) {
  // The count only rises on some period's first day (or on `from`), so the
  // peak is found by counting on those days alone.
  std::vector<absl::CivilDay> days = {from};
  for (const auto& [f, t] : periods) {
    if (f > from && (!to || f <= *to)) days.push_back(f);
  }
  int peak = 0;
  for (absl::CivilDay d : days) {
    int n = 0;
    for (const auto& [f, t] : periods) {
      if (f <= d && (!t || d <= *t)) ++n;
    }
    peak = std::max(peak, n);
  }
  return peak;
}

absl::string_view StaffEventName(StaffEvent event) {
  switch (event) {
    case StaffEvent::kGoOnLeave: return "GO_ON_LEAVE";
    case StaffEvent::kReturn: return "RETURN";
    case StaffEvent::kLeave: return "LEAVE";
  }
  return "UNKNOWN";
}

StaffEvent StaffEventTo(StaffStatus target) {
  switch (target) {
    case StaffStatus::kOnLeave: return StaffEvent::kGoOnLeave;
    case StaffStatus::kLeft: return StaffEvent::kLeave;
    case StaffStatus::kActive:
    case StaffStatus::kUnspecified: break;
  }
  return StaffEvent::kReturn;
}

const domain::StateTable<StaffStatus, StaffEvent>& StaffLifecycle() {
  using S = StaffStatus;
  using E = StaffEvent;
  static const domain::StateTable<S, E> table(
      "a member of staff", {S::kActive, S::kOnLeave, S::kLeft}, {E::kGoOnLeave, E::kReturn, E::kLeave},
      StaffStatusName, StaffEventName,
      {
          {S::kActive, E::kGoOnLeave, S::kOnLeave},
          {S::kActive, E::kLeave, S::kLeft},
          {S::kOnLeave, E::kReturn, S::kActive},
          {S::kOnLeave, E::kLeave, S::kLeft},
      });
  return table;
}

absl::Status CheckStaffTransition(StaffStatus from, StaffStatus to) {
  absl::Status s = StaffLifecycle().CheckMove(from, to, StaffEventTo(to));
  if (s.ok() || from != StaffStatus::kLeft) return s;
  return rpc::FailedPrecondition("INVALID_TRANSITION",
                                 absl::StrCat(s.message(), "; someone who comes back is registered again"));
}

absl::Status CheckStaffMayTakePost(const Staff& staff) {
  if (staff.status == StaffStatus::kLeft) {
    return rpc::FailedPrecondition("STAFF_NOT_ACTIVE",
                                   absl::StrCat("staff/", staff.id, " has left"));
  }
  return absl::OkStatus();
}

absl::Status CheckOwnAssignments(const Assignment& candidate, const std::vector<Assignment>& others) {
  for (const auto& o : others) {
    if (o.id == candidate.id) continue;
    if (!Overlaps(candidate.effective_from, candidate.effective_to, o.effective_from, o.effective_to)) {
      continue;
    }
    if (o.post_id == candidate.post_id) {
      return rpc::FailedPrecondition(
          "ALREADY_HOLDS_POST",
          absl::StrCat("the person already holds posts/", o.post_id, " then (assignments/", o.id, ")"));
    }
    if (candidate.kind == AssignmentKind::kPrimary && o.kind == AssignmentKind::kPrimary) {
      return rpc::FailedPrecondition(
          "PRIMARY_EXISTS",
          absl::StrCat("the person already has a PRIMARY post then (assignments/", o.id,
                       "); use CONCURRENT or end it first"));
    }
  }
  return absl::OkStatus();
}

bool EndOnLeaving(Assignment& a, absl::CivilDay day) {
  if (a.effective_to && *a.effective_to <= day) return false;
  if (a.effective_from > day) {
    if (a.effective_to && *a.effective_to < a.effective_from) return false;
    a.effective_to = a.effective_from - 1;
    a.end_reason = "cancelled: the holder left";
  } else {
    a.effective_to = day;
    a.end_reason = "the holder left";
  }
  return true;
}

absl::Status CheckEnd(const Assignment& a, absl::CivilDay last_day, absl::CivilDay today) {
  if (a.StateOn(today) == AssignmentState::kEnded) {
    return rpc::FailedPrecondition("INVALID_TRANSITION", "the assignment has already ended");
  }
  if (a.effective_to && last_day > *a.effective_to) {
    return rpc::FailedPrecondition(
        "INVALID_TRANSITION",
        absl::StrCat("the assignment already ends earlier, on ", absl::FormatCivilTime(*a.effective_to)));
  }
  return absl::OkStatus();
}

}  // namespace huinong::org
