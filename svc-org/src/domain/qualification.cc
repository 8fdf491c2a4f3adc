// See qualification.h.
#include "svc-org/src/domain/qualification.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace huinong::org {

bool Covers(const HeldQualification& held, const Qualification& item, absl::CivilDay day) {
  if (item.code.empty() || held.code != item.code) return false;
  if (held.obtained && *held.obtained > day) return false;
  if (held.expiry && *held.expiry < day) return false;
  if (item.kind == kExperienceKind && held.years < item.min_years) return false;
  return true;
}

bool GroupSatisfied(const QualificationGroup& group, const std::vector<HeldQualification>& held,
                    absl::CivilDay day) {
  int coded = 0;
  int covered = 0;
  for (const auto& item : group.items) {
    if (item.code.empty()) continue;
    ++coded;
    for (const auto& h : held) {
      if (Covers(h, item, day)) {
        ++covered;
        break;
      }
    }
  }
  if (coded == 0) return true;
  return group.mode == GroupMode::kAnyOf ? covered > 0 : covered == coded;
}

std::vector<int> UnsatisfiedRequiredGroups(const std::vector<QualificationGroup>& groups,
                                           const std::vector<HeldQualification>& held,
                                           absl::CivilDay day) {
  std::vector<int> out;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].requirement != Requirement::kRequired) continue;
    if (!GroupSatisfied(groups[i], held, day)) out.push_back(static_cast<int>(i));
  }
  return out;
}

std::string DescribeGroup(const QualificationGroup& group, int index) {
  std::vector<std::string> codes;
  for (const auto& item : group.items) {
    if (!item.code.empty()) codes.push_back(item.code);
  }
  std::string title = group.title.empty() ? "" : absl::StrCat(" (", group.title, ")");
  return absl::StrCat("qualification_groups[", index, "]", title, ": ",
                      group.mode == GroupMode::kAnyOf ? "any of " : "all of ",
                      absl::StrJoin(codes, ", "));
}

}  // namespace huinong::org
