#include "svc-org/src/domain/unit.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"

namespace huinong::org {
namespace {


}  // namespace

absl::string_view LevelName(Level level) {
  switch (level) {
    case Level::kCounty: return "COUNTY";
    case Level::kTownship: return "TOWNSHIP";
    case Level::kVillage: return "VILLAGE";
    case Level::kNone: break;
  }
  return "NONE";
}

absl::string_view StatusName(UnitStatus status) {
  switch (status) {
    case UnitStatus::kPlanned: return "PLANNED";
    case UnitStatus::kActive: return "ACTIVE";
    case UnitStatus::kFrozen: return "FROZEN";
    case UnitStatus::kAbolished: return "ABOLISHED";
  }
  return "UNKNOWN";
}

std::string ChildPath(const Unit* parent, absl::string_view id) {
  return absl::StrCat(parent ? parent->path : "/", id, "/");
}

std::vector<std::string> PathIds(absl::string_view path) {
  return absl::StrSplit(path, '/', absl::SkipEmpty());
}

bool InSubtree(absl::string_view path, absl::string_view root_path) {
  return !root_path.empty() && absl::StartsWith(path, root_path);
}

absl::Status CheckPlacement(Level level, const std::vector<Level>& ancestors) {
  const Level parent = ancestors.empty() ? Level::kNone : ancestors.back();
  auto mismatch = [&](absl::string_view rule) {
    return rpc::FailedPrecondition("LEVEL_MISMATCH",
                                   absl::StrCat("a ", LevelName(level), " unit ", rule));
  };
  switch (level) {
    case Level::kVillage:
      if (parent != Level::kTownship) return mismatch("must be placed directly under a TOWNSHIP unit");
      break;
    case Level::kTownship:
      if (parent != Level::kCounty) return mismatch("must be placed directly under a COUNTY unit");
      break;
    case Level::kCounty:
      for (Level a : ancestors) {
        if (a != Level::kNone) return mismatch("cannot have a county, township or village above it");
      }
      break;
    case Level::kNone:
      break;
  }
  return absl::OkStatus();
}

bool PlacementLooksAboveParent(Level level) { return level == Level::kCounty; }

absl::Status CheckMove(const Unit& unit, const Unit& new_parent,
                       const std::vector<Level>& new_ancestors, bool subtree_has_county) {
  if (unit.id == new_parent.id || InSubtree(new_parent.path, unit.path)) {
    return rpc::FailedPrecondition("CYCLE", "a unit cannot be moved into its own subtree");
  }
  absl::Status own = CheckPlacement(unit.level, new_ancestors);
  if (!own.ok()) return own;
  if (subtree_has_county) {
    for (Level a : new_ancestors) {
      if (a != Level::kNone) {
        return rpc::FailedPrecondition(
            "LEVEL_MISMATCH", "the moved subtree holds a COUNTY unit, which cannot have a "
                              "county, township or village above it");
      }
    }
  }
  return absl::OkStatus();
}

absl::Status CheckDepth(int depth) {
  if (depth <= kMaxDepth) return absl::OkStatus();
  return rpc::FailedPrecondition(
      "TOO_DEEP", absl::StrCat("units may nest at most ", kMaxDepth, " levels below a root"));
}

absl::Status CheckParentOpen(const Unit& parent) {
  if (parent.status == UnitStatus::kAbolished) {
    return rpc::FailedPrecondition("PARENT_ABOLISHED",
                                   absl::StrCat("units/", parent.id, " is abolished"));
  }
  return absl::OkStatus();
}

bool ValidInitialStatus(UnitStatus status) {
  return status == UnitStatus::kPlanned || status == UnitStatus::kActive;
}

absl::string_view UnitEventName(UnitEvent event) {
  switch (event) {
    case UnitEvent::kActivate: return "ACTIVATE";
    case UnitEvent::kFreeze: return "FREEZE";
    case UnitEvent::kAbolish: return "ABOLISH";
    case UnitEvent::kPlan: return "PLAN";
  }
  return "UNKNOWN";
}

UnitEvent UnitEventTo(UnitStatus target) {
  switch (target) {
    case UnitStatus::kActive: return UnitEvent::kActivate;
    case UnitStatus::kFrozen: return UnitEvent::kFreeze;
    case UnitStatus::kAbolished: return UnitEvent::kAbolish;
    case UnitStatus::kPlanned: break;
  }
  return UnitEvent::kPlan;
}

const domain::StateTable<UnitStatus, UnitEvent>& UnitLifecycle() {
  using S = UnitStatus;
  using E = UnitEvent;
  static const domain::StateTable<S, E> table(
      "a unit", {S::kPlanned, S::kActive, S::kFrozen, S::kAbolished},
      {E::kActivate, E::kFreeze, E::kAbolish, E::kPlan}, StatusName, UnitEventName,
      {
          {S::kPlanned, E::kActivate, S::kActive},
          {S::kPlanned, E::kAbolish, S::kAbolished},
          {S::kActive, E::kFreeze, S::kFrozen},
          {S::kActive, E::kAbolish, S::kAbolished},
          {S::kFrozen, E::kActivate, S::kActive},
          {S::kFrozen, E::kAbolish, S::kAbolished},
      });
  return table;
}

bool TransitionAllowed(UnitStatus from, UnitStatus to) {
  return UnitLifecycle().CheckMove(from, to, UnitEventTo(to)).ok();
}

absl::Status CheckTransition(UnitStatus from, UnitStatus to, int open_children) {
  RETURN_IF_ERROR(UnitLifecycle().CheckMove(from, to, UnitEventTo(to)));
  if (to == UnitStatus::kAbolished && from != UnitStatus::kAbolished && open_children > 0) {
    return rpc::FailedPrecondition(
        "HAS_OPEN_CHILDREN",
        absl::StrCat("the unit still has ", open_children, " open child unit(s); abolish them first"));
  }
  return absl::OkStatus();
}

bool EffectiveDatesOrdered(const std::optional<absl::CivilDay>& from,
                           const std::optional<absl::CivilDay>& to) {
  return !from || !to || *from <= *to;
}

void CopyUnitFields(const std::set<std::string>& paths, const Unit& values, Unit& unit) {
  if (paths.count("display_name")) unit.display_name = values.display_name;
  if (paths.count("kind")) unit.kind = values.kind;
  if (paths.count("status")) unit.status = values.status;
  if (paths.count("code")) unit.code = values.code;
  if (paths.count("functions")) unit.functions = values.functions;
  if (paths.count("effective_from")) unit.effective_from = values.effective_from;
  if (paths.count("effective_to")) unit.effective_to = values.effective_to;
}

}  // namespace huinong::org
