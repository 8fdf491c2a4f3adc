// Capabilities: what a person may do where, free of I/O.
//
// A post's capabilities (e.g. loans.survey.lead) apply to its own unit and
// every unit below it. Staff S holds capability C for unit U on day D when S
// has an assignment effective on D, on a post existing and ACTIVE on D whose
// terms on D grant C, and whose unit is U or an ancestor of U. An ACTING
// assignment grants only between its first and last day, and only its
// delegation's subset of the post's capabilities when one is listed. A person
// who has LEFT holds nothing; one ON_LEAVE holds only what their own ACTING
// assignments grant (somebody else covers their posts).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/domain/staff.h"
#include "svc-org/src/domain/unit.h"

namespace huinong::org {

// A post's terms as far as capabilities go, for [from, until) (until unset: open).
struct GrantTerms {
  absl::CivilDay from;
  std::optional<absl::CivilDay> until;
  PostStatus status = PostStatus::kActive;
  std::vector<std::string> capabilities;
  bool head = false;
  bool deputy = false;
};

// One assignment of a person with its post, ready to be judged on any day.
struct GrantSource {
  std::string assignment_id;
  AssignmentKind kind = AssignmentKind::kPrimary;
  absl::CivilDay from;
  std::optional<absl::CivilDay> to;
  std::string acting_for_id;              // ACTING only
  std::vector<std::string> delegated;     // ACTING subset; empty: all
  std::string post_id;
  std::string post_unit_id;
  std::string post_unit_path;
  Level post_unit_level = Level::kNone;
  absl::CivilDay post_from;
  std::optional<absl::CivilDay> post_to;
  std::vector<GrantTerms> terms;          // in date order
};

// Everything needed to answer for one person on any day.
struct StaffGrants {
  std::string staff_id;
  std::string display_name;
  StaffStatus status = StaffStatus::kActive;
  std::vector<GrantSource> sources;
};

// Numeric values match huinong.org.v1.CapabilityDenial.
enum class CapabilityDenial {
  kNone = 0,
  kStaffNotActive = 1,
  kNotGranted = 2,
  kOutOfScope = 3,
  kNotEffective = 4,
};

struct CapabilityAnswer {
  bool allowed = false;
  CapabilityDenial denial = CapabilityDenial::kNotGranted;
  const GrantSource* via = nullptr;  // points into the StaffGrants judged
  int distance = 0;                   // levels from the asked unit up to via's unit
  bool head = false;
  bool deputy = false;
};

// The terms of `source`'s post in force on `day`, if the post exists then.
const GrantTerms* TermsOn(const GrantSource& source, absl::CivilDay day);

// Whether `source` grants `capability` (anywhere) on `day`.
bool GrantsOn(const GrantSource& source, absl::string_view capability, absl::CivilDay day);
// Whether `source` grants `capability` on some day (ignoring dates).
bool GrantsEver(const GrantSource& source, absl::string_view capability);

// Levels from `unit_path` up to `ancestor_path`, or -1 when `unit_path` is not
// in the subtree of `ancestor_path`.
int DistanceUp(absl::string_view unit_path, absl::string_view ancestor_path);

// Ordering of grants at the same distance: PRIMARY, then CONCURRENT and
// SECONDED, then ACTING.
int KindRank(AssignmentKind kind);

// Whether the person holds `capability` for the unit at `unit_path` on `day`,
// through the nearest grant; otherwise why not.
CapabilityAnswer CheckCapability(const StaffGrants& grants, absl::string_view capability,
                                 absl::string_view unit_path, absl::CivilDay day);

}  // namespace huinong::org
