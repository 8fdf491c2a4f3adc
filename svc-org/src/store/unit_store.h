// SQL for the unit registry (table `units`). Functions run on a connection
// inside the caller's transaction or read; they throw nothing the pool does
// not catch and return domain Units. Keyset pagination everywhere: by id for
// lists, by path for subtrees; never OFFSET.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-org/src/domain/unit.h"
#include "svc-org/src/domain/unit_history.h"

namespace sql {
class Connection;
}

namespace huinong::org::store {

struct UnitFilter {
  std::string parent_id;     // direct children of; empty = any
  std::optional<Level> level;
  std::optional<int> kind;
  std::optional<UnitStatus> status;
  std::string within_path;   // subtree restriction (data scope); empty = none
};

// `for_update` takes a row lock until the transaction ends.
absl::StatusOr<std::optional<Unit>> GetUnit(sql::Connection& conn, const std::string& id,
                                            bool for_update = false);
// Units with these ids, ordered by depth (root first). Missing ids are skipped.
absl::StatusOr<std::vector<Unit>> GetUnits(sql::Connection& conn, const std::vector<std::string>& ids);
// Up to `limit` units with id > after_id matching the filter, ordered by id.
absl::StatusOr<std::vector<Unit>> ListUnits(sql::Connection& conn, const UnitFilter& filter,
                                            const std::string& after_id, int limit);

struct SubtreeQuery {
  std::string root_path;
  int max_depth = 0;            // absolute depth limit; 0 = none
  bool include_abolished = false;
  std::string visible_path;     // data scope: only units in this subtree or above it; empty = all
  std::string after_path;
  int limit = 50;
};
absl::StatusOr<std::vector<Unit>> ListSubtree(sql::Connection& conn, const SubtreeQuery& query);

absl::StatusOr<int> CountOpenChildren(sql::Connection& conn, const std::string& id);
// Locks every unit of the subtree at `path` (FOR UPDATE); returns its deepest depth.
absl::StatusOr<int> LockSubtree(sql::Connection& conn, const std::string& path);
absl::StatusOr<bool> SubtreeHasLevel(sql::Connection& conn, const std::string& path, Level level);

// ALREADY_EXISTS (DUPLICATE_NAME / DUPLICATE_CODE) on a unique-key clash.
absl::Status InsertUnit(sql::Connection& conn, const Unit& unit);
// Writes every mutable column of `unit` (its version already bumped).
absl::Status UpdateUnit(sql::Connection& conn, const Unit& unit);
// Re-roots the subtree at `old_path` to `new_path`, shifting depths and
// bumping versions (their depth changed, so their etags must too).
absl::Status MoveSubtree(sql::Connection& conn, const Unit& unit, const std::string& new_parent_id,
                         const std::string& new_path, int new_depth, absl::Time now);

// ---- Dated versions (table `unit_versions`, see domain/unit_history.h) ----

// Starts a version of `unit` on `from` after its latest version, which starts
// on `latest_from` (nullopt: the unit has none), as NextVersionStep
// (domain/version_step.h) says: replaced when it starts the same day,
// otherwise ended on `from`.
absl::Status RecordVersion(sql::Connection& conn, const Unit& unit, const std::optional<absl::CivilDay>& latest_from,
                           absl::CivilDay from, const std::string& change_request_id, bool scheduled);
// The unit's latest version (scheduled ones included); `for_update` locks it.
absl::StatusOr<std::optional<UnitVersion>> LatestVersion(sql::Connection& conn, const std::string& id,
                                                         bool for_update = false);
// The version in force on `day`, or nullopt before the unit's first version.
absl::StatusOr<std::optional<UnitVersion>> VersionOn(sql::Connection& conn, const std::string& id,
                                                     absl::CivilDay day);
// Every unit's version in force on `day` (path and depth unset; see TreeOn).
absl::StatusOr<std::vector<Unit>> UnitsOn(sql::Connection& conn, absl::CivilDay day);
// Up to `limit` versions of a unit starting after `after` (nullopt: from the
// first), oldest first.
absl::StatusOr<std::vector<UnitVersion>> ListVersions(sql::Connection& conn, const std::string& id,
                                                      std::optional<absl::CivilDay> after, int limit);
// A unit of a past day's subtree, with where it sits in today's registry.
struct DayUnit {
  Unit unit;               // that day's terms, path and depth
  std::string today_path;  // its path today (scope is judged on today's tree)
};
// The subtree of `root_id` as it stood on `day`, depth-first: the units that
// stood that day (UnitStoodOn), abolished ones included; `visible_path`
// (unless empty) keeps those whose path today is in that subtree or above
// it. Empty when the root did not stand that day.
absl::StatusOr<std::vector<DayUnit>> SubtreeOnDay(sql::Connection& conn, const std::string& root_id,
                                                  absl::CivilDay day, const std::string& visible_path);

// Scheduled versions whose day is `day` or earlier, oldest first (not
// locked: lock the unit row, then re-read the version).
absl::StatusOr<std::vector<UnitVersion>> DueVersions(sql::Connection& conn, absl::CivilDay day,
                                                     int limit);
// Removes a scheduled version that will never take effect; the version
// before it is in force again, open-ended.
absl::Status DropScheduledVersion(sql::Connection& conn, const std::string& id, absl::CivilDay from);
// Marks a scheduled version as copied into the registry.
absl::Status MarkVersionApplied(sql::Connection& conn, const std::string& id, absl::CivilDay from);

}  // namespace huinong::org::store
