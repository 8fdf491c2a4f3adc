// See unit_history.h.
#include "svc-org/src/domain/unit_history.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

#include "absl/container/flat_hash_map.h"

namespace huinong::org {

absl::CivilDay FirstVersionDay(const Unit& unit, absl::CivilDay registered) {
  if (!unit.effective_from) return kSinceAlways;
  if (*unit.effective_from < registered) return *unit.effective_from;
  return registered;
}

std::vector<Unit> TreeOn(std::vector<Unit> units) {
  absl::flat_hash_map<std::string, size_t> index;
  for (size_t i = 0; i < units.size(); ++i) {
    units[i].path.clear();
    index[units[i].id] = i;
  }
  // Resolves a unit's path from its parent's, walking up iteratively; a
  // missing parent or a loop (impossible in a consistent history) leaves the
  // chain unresolved and its units are dropped.
  std::vector<char> state(units.size(), 0);  // 0 new, 1 on the stack, 2 done
  for (size_t start = 0; start < units.size(); ++start) {
    std::vector<size_t> stack;
    size_t at = start;
    while (state[at] == 0) {
      state[at] = 1;
      stack.push_back(at);
      const std::string& parent = units[at].parent_id;
      if (parent.empty()) break;
      auto it = index.find(parent);
      if (it == index.end()) break;
      at = it->second;
    }
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      Unit& u = units[*it];
      if (u.parent_id.empty()) {
        u.path = ChildPath(nullptr, u.id);
        u.depth = 0;
      } else {
        auto p = index.find(u.parent_id);
        if (p != index.end() && state[p->second] == 2 && !units[p->second].path.empty()) {
          u.path = ChildPath(&units[p->second], u.id);
          u.depth = units[p->second].depth + 1;
        }
      }
      state[*it] = 2;
    }
  }
  std::vector<Unit> out;
  out.reserve(units.size());
  for (auto& u : units) {
    if (!u.path.empty()) out.push_back(std::move(u));
  }
  std::sort(out.begin(), out.end(), [](const Unit& a, const Unit& b) { return a.path < b.path; });
  return out;
}

std::vector<Unit> AncestorsIn(const std::vector<Unit>& tree, const std::string& id) {
  absl::flat_hash_map<std::string, const Unit*> by_id;
  for (const auto& u : tree) by_id[u.id] = &u;
  auto self = by_id.find(id);
  if (self == by_id.end()) return {};
  std::vector<Unit> out;
  std::vector<std::string> ids = PathIds(self->second->path);
  ids.pop_back();
  for (const auto& a : ids) {
    auto it = by_id.find(a);
    if (it != by_id.end()) out.push_back(*it->second);
  }
  return out;
}

bool DueOn(const UnitVersion& v, absl::CivilDay today) { return v.scheduled && v.valid_from <= today; }

absl::StatusOr<UnitVersionPlan> PlanUnitVersion(const Unit& row, const std::optional<UnitVersion>& latest,
                                                absl::CivilDay day, absl::CivilDay today,
                                                bool by_change_request) {
  // A direct write takes effect today; versions in force never start later
  // (a unit's first version starts at the latest on the day it is registered).
  UnitVersionPlan plan{row, by_change_request ? day : today, std::nullopt};
  if (!latest) return plan;
  plan.latest_from = latest->valid_from;
  if (latest->scheduled) {
    if (!by_change_request) {
      return rpc::FailedPrecondition(
          "CHANGE_SCHEDULED",
          absl::StrCat("units/", row.id, " has a change scheduled from ", absl::FormatCivilTime(latest->valid_from),
                       " by changeRequests/", latest->change_request_id));
    }
    plan.base = latest->unit;
    plan.base.path = row.path;
    plan.base.depth = row.depth;
    plan.base.version = row.version;
  }
  if (plan.day < latest->valid_from) {
    return rpc::FailedPrecondition(
        "EFFECTIVE_DATE_TOO_EARLY",
        absl::StrCat("units/", row.id, " already has a version from ", absl::FormatCivilTime(latest->valid_from)));
  }
  return plan;
}

}  // namespace huinong::org
