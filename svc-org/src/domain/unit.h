// The organisation unit and the rules of the unit tree, free of I/O.
//
// The place-based network has three levels kept apart from display names
// (the seeds call a township unit 站 in one county and 部 in another):
// a TOWNSHIP sits directly under a COUNTY, a VILLAGE directly under a
// TOWNSHIP, and a COUNTY has no place-level ancestor. Units without a level
// (departments, groups, leading groups, offices) may sit anywhere.
//
// A unit's `path` is "/" + the ids from the root down to itself, each
// followed by "/": its subtree is every path with that prefix, its ancestors
// are the ids before its own, and sorting by path lists a tree depth-first.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/state_table.h"

namespace huinong::org {

// Numeric values match huinong.type.v1.Level and huinong.org.v1.UnitStatus.
enum class Level { kNone = 0, kCounty = 1, kTownship = 2, kVillage = 3 };
enum class UnitStatus { kPlanned = 1, kActive = 2, kFrozen = 3, kAbolished = 4 };

struct Unit {
  std::string id;
  std::string display_name;
  int kind = 0;  // huinong.org.v1.UnitKind value; opaque to the rules
  Level level = Level::kNone;
  std::string parent_id;  // empty for a root
  UnitStatus status = UnitStatus::kActive;
  std::string code;       // empty when not set
  std::vector<std::string> functions;
  std::optional<absl::CivilDay> effective_from;
  std::optional<absl::CivilDay> effective_to;
  std::string path;
  int depth = 0;
  int64_t version = 1;
  absl::Time create_time;
  absl::Time update_time;

  bool open() const { return status != UnitStatus::kAbolished; }
};

// What an update does to `unit`: the fields named in `paths` (UpdateUnit's
// field names) take their values from `values`; the others stay.
void CopyUnitFields(const std::set<std::string>& paths, const Unit& values, Unit& unit);

absl::string_view LevelName(Level level);
absl::string_view StatusName(UnitStatus status);

// Path of a child `id` under `parent` (nullptr for a root).
std::string ChildPath(const Unit* parent, absl::string_view id);
// Ids on a path, root first (including the unit itself).
std::vector<std::string> PathIds(absl::string_view path);
// True when `path` lies in the subtree rooted at `root_path` (itself included).
bool InSubtree(absl::string_view path, absl::string_view root_path);

// Where a unit of `level` may be placed: `ancestors` are the levels of every
// unit from the root down to the would-be parent (empty for a root).
// FAILED_PRECONDITION, reason LEVEL_MISMATCH, when the level rules forbid it.
absl::Status CheckPlacement(Level level, const std::vector<Level>& ancestors);
// True when CheckPlacement for `level` looks above the would-be parent (a
// county may have no place-level unit anywhere above it); for every other
// level the parent's own level decides, so a write need not read the rest.
bool PlacementLooksAboveParent(Level level);

// A subtree moved under new ancestors: the moved unit's own placement, and —
// when the subtree holds a county — that no place-level unit ends up above it.
absl::Status CheckMove(const Unit& unit, const Unit& new_parent,
                       const std::vector<Level>& new_ancestors, bool subtree_has_county);

// How deep the tree may grow: the path column holds about 37 levels of ids,
// and no organisation in the seeds is deeper than 6.
inline constexpr int kMaxDepth = 30;
// FAILED_PRECONDITION, reason TOO_DEEP, when a unit would sit deeper than kMaxDepth.
absl::Status CheckDepth(int depth);

// A new child may not be created under (or moved to) an abolished parent.
absl::Status CheckParentOpen(const Unit& parent);

// A unit starts PLANNED or ACTIVE; it cannot be created frozen or abolished.
bool ValidInitialStatus(UnitStatus status);

// The lifecycle of a unit (see units.proto), one table:
//   PLANNED --ACTIVATE--> ACTIVE      PLANNED --ABOLISH--> ABOLISHED
//   ACTIVE  --FREEZE-->   FROZEN      ACTIVE  --ABOLISH--> ABOLISHED
//   FROZEN  --ACTIVATE--> ACTIVE      FROZEN  --ABOLISH--> ABOLISHED
// An update names the new status; UnitEventTo gives the event that leads
// there (nothing leads back to PLANNED). Staying in the same status is no
// transition. Abolishing needs every child abolished first.
enum class UnitEvent { kActivate = 1, kFreeze = 2, kAbolish = 3, kPlan = 4 };
absl::string_view UnitEventName(UnitEvent event);
UnitEvent UnitEventTo(UnitStatus target);
const domain::StateTable<UnitStatus, UnitEvent>& UnitLifecycle();

bool TransitionAllowed(UnitStatus from, UnitStatus to);
absl::Status CheckTransition(UnitStatus from, UnitStatus to, int open_children);

// Effective dates: `to`, when set, is not before `from`.
bool EffectiveDatesOrdered(const std::optional<absl::CivilDay>& from,
                           const std::optional<absl::CivilDay>& to);

}  // namespace huinong::org
