// Dated versions of units and the tree of a past day, free of I/O.
//
// The registry (`units`) is today's tree; every create, update, move or
// abolition also starts a version of the changed unit, valid from a day
// until the day before the next version. A version keeps the parent link,
// not the path: the paths of a past day are rebuilt here from that day's
// links, so a move needs a version of the moved unit only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-org/src/domain/unit.h"

namespace huinong::org {

struct UnitVersion {
  Unit unit;  // path and depth empty: they belong to a day's tree
  absl::CivilDay valid_from;
  std::optional<absl::CivilDay> valid_until;  // exclusive; nullopt = latest
  std::string change_request_id;              // set when a change request made it
  bool scheduled = false;                     // its day has not reached the registry yet
};

// The first day of a version that has always been in force: a unit
// registered without an effective_from has no known start, and stands on
// every earlier day (as UnitStoodOn says). Shown as an unset valid_from.
inline constexpr absl::CivilDay kSinceAlways{1000, 1, 1};

// The day the first version of a new unit starts: kSinceAlways without an
// effective_from; its effective_from when that is earlier than the day it is
// registered (an existing unit entered late); otherwise the day it is
// registered (a unit registered ahead of its start).
absl::CivilDay FirstVersionDay(const Unit& unit, absl::CivilDay registered);

// Whether `v` is a scheduled version whose day has come (the job that copies
// it into the registry not having run yet).
bool DueOn(const UnitVersion& v, absl::CivilDay today);

// Where a write to a unit stands against its versions: the terms it starts
// from, the first day of its version and the first day of the version it
// follows (none for a unit without versions).
struct UnitVersionPlan {
  Unit base;
  absl::CivilDay day;
  std::optional<absl::CivilDay> latest_from;
};

// Plans a write to the unit whose registry row is `row` and whose latest
// version is `latest` (a due scheduled version having taken effect first).
// A direct write takes effect `today` and is refused while a version is
// scheduled (FAILED_PRECONDITION / CHANGE_SCHEDULED): the scheduled terms were
// judged against the unit as it was, and the write would be lost. A change
// request's write takes effect on its `day`, starting from the scheduled terms
// when there are some. A day before the latest version's first day is
// FAILED_PRECONDITION / EFFECTIVE_DATE_TOO_EARLY.
absl::StatusOr<UnitVersionPlan> PlanUnitVersion(const Unit& row, const std::optional<UnitVersion>& latest,
                                                absl::CivilDay day, absl::CivilDay today,
                                                bool by_change_request);

// The tree of one day from the versions in force on it: fills path and depth
// from the parent links, drops units whose parent had no version that day
// (their chain is broken), and returns them depth-first (sorted by path).
std::vector<Unit> TreeOn(std::vector<Unit> units);

// The ancestors of `id` in a tree built by TreeOn, root first, without the
// unit itself; empty when `id` is a root or unknown.
std::vector<Unit> AncestorsIn(const std::vector<Unit>& tree, const std::string& id);

}  // namespace huinong::org
