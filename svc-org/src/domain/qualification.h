// Qualifications a post asks for and a person holds, and whether a person
// satisfies a post — free of I/O.
//
// A post lists qualifications in groups (all of / any one of, `001:747-759`),
// each REQUIRED (blocks an assignment, `004:53`) or PREFERRED (reported only).
// Only items with a code can be checked against what a person holds; items
// without a code describe and never block. So an ALL_OF group needs every
// coded item, an ANY_OF group needs one of its coded items, and a group with
// no coded item at all is satisfied. A held qualification counts on a day
// when it was obtained by then (or no date is known) and has not expired;
// an EXPERIENCE item also needs at least its minimum years.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "svc-org/src/domain/document.h"

namespace huinong::org {

// Numeric values match huinong.org.v1.QualificationGroupMode / QualificationRequirement.
enum class GroupMode { kUnspecified = 0, kAllOf = 1, kAnyOf = 2 };
enum class Requirement { kUnspecified = 0, kRequired = 1, kPreferred = 2 };

// huinong.org.v1.QUALIFICATION_KIND_EXPERIENCE; other kinds are opaque to the rules.
inline constexpr int kExperienceKind = 4;

struct Qualification {
  std::string code;  // empty: descriptive only
  std::string description;
  int kind = 0;
  int min_years = 0;
};

struct QualificationGroup {
  std::string title;
  GroupMode mode = GroupMode::kAllOf;
  Requirement requirement = Requirement::kRequired;
  std::vector<Qualification> items;
};

struct HeldQualification {
  std::string code;
  std::string description;
  int kind = 0;
  std::optional<absl::CivilDay> obtained;
  std::optional<absl::CivilDay> expiry;
  int years = 0;
  DocumentRef evidence;
};

// Whether `held` covers `item` on `day` (the item must have a code).
bool Covers(const HeldQualification& held, const Qualification& item, absl::CivilDay day);

bool GroupSatisfied(const QualificationGroup& group, const std::vector<HeldQualification>& held,
                    absl::CivilDay day);

// Indexes of the REQUIRED groups `held` does not satisfy on `day`.
std::vector<int> UnsatisfiedRequiredGroups(const std::vector<QualificationGroup>& groups,
                                           const std::vector<HeldQualification>& held,
                                           absl::CivilDay day);

// "group 2 (Education): all of cert.accounting, exam.credit-officer" for a message.
std::string DescribeGroup(const QualificationGroup& group, int index);

}  // namespace huinong::org
