// Who may read and change what, for posts, quotas, staff, assignments,
// policies and capabilities (see unit_service.proto's header):
// - structure (posts, quotas, concurrency policies): admin; org.admin within
//   their unit's subtree (CanChange of domain/scope.h);
// - staff and assignments: admin; hr within their unit's subtree;
// - reads: everyone authenticated, for records of units in their subtree or
//   above it (the township and county above a village); admin and service
//   accounts read everything.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/auth/principal.h"
#include "common/core/status_macros.h"
#include "svc-org/src/domain/scope.h"
#include "svc-org/src/domain/unit.h"

namespace sql {
class Connection;
}

namespace huinong::org {

// The caller's scope for staff and assignments: `may_change` means hr (or admin).
CallerScope StaffScope(CallerScope scope, const auth::Principal& caller);

// Whether the caller is hr or admin (sees phone numbers in clear).
bool SeesPersonalData(const auth::Principal& caller);

// Whether the caller's subject is this member of staff ("staff/{id}" or "{id}").
bool IsSelf(const auth::Principal& caller, const std::string& staff_id);

// NOT_FOUND when the unit does not exist; `for_update` locks its row, which
// serialises the checks that span a unit's posts (one head, unique codes).
absl::StatusOr<Unit> LoadUnit(sql::Connection& conn, const std::string& id, bool for_update = false);

// PERMISSION_DENIED unless the unit is in the caller's read / change scope.
absl::Status ReadableUnit(const CallerScope& scope, const Unit& unit);
absl::Status ChangeableUnit(const CallerScope& scope, const Unit& unit);

// The unit a record lives in, once the caller may read it: NOT_FOUND or
// PERMISSION_DENIED otherwise. Every read of a unit's record starts here.
absl::StatusOr<Unit> LoadReadableUnit(sql::Connection& conn, const CallerScope& scope,
                                      const std::string& id);

// Reads the unit, checks the caller may change it, and only then locks its
// row (checking again, as a move may have committed in between): a caller
// without rights never holds locks.
absl::StatusOr<Unit> LockChangeableUnit(sql::Connection& conn, const CallerScope& scope,
                                        const std::string& id);

// FAILED_PRECONDITION UNIT_NOT_OPEN for an abolished unit.
absl::Status CheckUnitOpen(const Unit& unit);

// Narrows a list query (with `unit_id` and `subtree_path`) to one unit, or to
// its subtree, once the caller may read that unit. No unit: no narrowing.
template <class Query>
absl::Status NarrowToUnit(sql::Connection& conn, const CallerScope& scope,
                          const std::string& unit_id, bool include_subtree, Query& q) {
  if (unit_id.empty()) return absl::OkStatus();
  ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, unit_id));
  if (include_subtree) {
    q.subtree_path = unit.path;
  } else {
    q.unit_id = unit.id;
  }
  return absl::OkStatus();
}

}  // namespace huinong::org
