// Staff and assignments, free of I/O.
//
// A person holds posts through assignments with a first and (optionally) a
// last day: PRIMARY (at most one at a time), CONCURRENT (兼任), ACTING (代理:
// covering an absent holder under a recorded delegation, `000:439`,
// `001:577`; fills no seat) and SECONDED (an outside organisation's employee
// stationed here, `000:1519`). A person who has LEFT keeps their history but
// takes no new post; leaving ends every open assignment on the day of
// leaving and cancels the scheduled ones (their last day becomes the day
// before their first, so they are effective on no day).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/state_table.h"
#include "svc-org/src/domain/document.h"
#include "svc-org/src/domain/qualification.h"

namespace huinong::org {

// Numeric values match huinong.org.v1.StaffStatus, AssignmentKind, AssignmentState.
enum class StaffStatus { kUnspecified = 0, kActive = 1, kOnLeave = 2, kLeft = 3 };
enum class AssignmentKind { kUnspecified = 0, kPrimary = 1, kConcurrent = 2, kActing = 3, kSeconded = 4 };
enum class AssignmentState { kUnspecified = 0, kScheduled = 1, kActive = 2, kEnded = 3 };

struct Staff {
  std::string id;
  std::string display_name;
  std::string employee_number;  // empty when not set
  std::string phone;
  std::string email;
  StaffStatus status = StaffStatus::kActive;
  std::string employer;  // the outside organisation of a seconded person
  std::vector<HeldQualification> qualifications;
  int64_t version = 1;
  absl::Time create_time;
  absl::Time update_time;
};

struct Delegation {
  std::string acting_for_id;
  std::string delegated_by_id;
  std::string reason;
  DocumentRef document;
  std::vector<std::string> capabilities;  // empty: all of the post's
};

struct Secondment {
  std::string from_organisation;
  std::string home_post_title;
  DocumentRef agreement;
};

struct Mitigation {
  std::string description;
  std::string checker_id;
  DocumentRef document;
  std::optional<absl::CivilDay> review_date;
};

struct Assignment {
  std::string id;
  std::string staff_id;
  std::string post_id;
  std::string unit_id;  // the post's unit
  AssignmentKind kind = AssignmentKind::kUnspecified;
  absl::CivilDay effective_from;
  std::optional<absl::CivilDay> effective_to;
  std::optional<Delegation> delegation;
  std::optional<Secondment> secondment;
  std::optional<Mitigation> mitigation;
  std::string note;
  std::string end_reason;
  int64_t version = 1;
  absl::Time create_time;
  absl::Time update_time;

  bool EffectiveOn(absl::CivilDay day) const {
    return effective_from <= day && (!effective_to || day <= *effective_to);
  }
  bool FillsSeat() const { return kind != AssignmentKind::kActing; }
  AssignmentState StateOn(absl::CivilDay today) const;
};

absl::string_view StaffStatusName(StaffStatus status);
absl::string_view AssignmentKindName(AssignmentKind kind);

// Whether the periods [a_from, a_to] and [b_from, b_to] share a day (an unset
// end is open).
bool Overlaps(absl::CivilDay a_from, const std::optional<absl::CivilDay>& a_to,
              absl::CivilDay b_from, const std::optional<absl::CivilDay>& b_to);

// The largest number of `periods` in force on one day within [from, to].
int PeakOverlap(const std::vector<std::pair<absl::CivilDay, std::optional<absl::CivilDay>>>& periods,
                absl::CivilDay from, const std::optional<absl::CivilDay>& to);

// The lifecycle of a member of staff, one table:
//   ACTIVE --GO_ON_LEAVE--> ON_LEAVE     ON_LEAVE --RETURN--> ACTIVE
//   ACTIVE --LEAVE--> LEFT               ON_LEAVE --LEAVE--> LEFT
// LEFT is final (someone who comes back is registered again). An update
// names the new status; StaffEventTo gives the event that leads there.
enum class StaffEvent { kGoOnLeave = 1, kReturn = 2, kLeave = 3 };
absl::string_view StaffEventName(StaffEvent event);
StaffEvent StaffEventTo(StaffStatus target);
const domain::StateTable<StaffStatus, StaffEvent>& StaffLifecycle();

// Staff status changes by the table. INVALID_TRANSITION.
absl::Status CheckStaffTransition(StaffStatus from, StaffStatus to);

// A new assignment of `staff`: not LEFT (STAFF_NOT_ACTIVE).
absl::Status CheckStaffMayTakePost(const Staff& staff);

// At most one PRIMARY at a time, and never the same post twice at once.
// `others` are the person's other assignments. PRIMARY_EXISTS / ALREADY_HOLDS_POST.
absl::Status CheckOwnAssignments(const Assignment& candidate, const std::vector<Assignment>& others);

// Ends `a` because its holder leaves on `day`: open ones end that day,
// scheduled ones are cancelled. Returns false when nothing changes.
bool EndOnLeaving(Assignment& a, absl::CivilDay day);

// ENDED assignments are not changed (INVALID_TRANSITION); an end date may be
// brought forward but not pushed later than one already set.
absl::Status CheckEnd(const Assignment& a, absl::CivilDay last_day, absl::CivilDay today);

}  // namespace huinong::org
