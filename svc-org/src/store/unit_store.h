// SQL for the unit registry (table `units`). Functions run on a connection
// inside the caller's transaction or read; they throw nothing the pool does
// not catch and return domain Units. Keyset pagination everywhere: by id for
// lists, by path for subtrees; never OFFSET.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-org/src/domain/unit.h"

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

}  // namespace huinong::org::store
