// See access.h.
#include "svc-org/src/app/access.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/store/unit_store.h"

namespace huinong::org {

CallerScope StaffScope(CallerScope scope, const auth::Principal& caller) {
  scope.may_change = caller.IsAdmin() || caller.HasRole("hr");
  return scope;
}

bool SeesPersonalData(const auth::Principal& caller) {
  return caller.IsAdmin() || caller.HasRole("hr");
}

bool IsSelf(const auth::Principal& caller, const std::string& staff_id) {
  return !staff_id.empty() &&
         (caller.subject == staff_id || caller.subject == absl::StrCat("staff/", staff_id));
}

absl::StatusOr<Unit> LoadUnit(sql::Connection& conn, const std::string& id, bool for_update) {
  ASSIGN_OR_RETURN(std::optional<Unit> unit, store::GetUnit(conn, id, for_update));
  if (!unit) return rpc::NotFound(UnitName(id));
  return *std::move(unit);
}

absl::Status ReadableUnit(const CallerScope& scope, const Unit& unit) {
  if (CanRead(scope, unit.path)) return absl::OkStatus();
  return rpc::PermissionDenied(absl::StrCat(UnitName(unit.id), " is outside the caller's scope"));
}

absl::StatusOr<Unit> LoadReadableUnit(sql::Connection& conn, const CallerScope& scope,
                                      const std::string& id) {
  ASSIGN_OR_RETURN(Unit unit, LoadUnit(conn, id));
  RETURN_IF_ERROR(ReadableUnit(scope, unit));
  return unit;
}

absl::Status ChangeableUnit(const CallerScope& scope, const Unit& unit) {
  if (CanChange(scope, unit.path)) return absl::OkStatus();
  return rpc::PermissionDenied(
      absl::StrCat("the caller may not change records of ", UnitName(unit.id)));
}

absl::StatusOr<Unit> LockChangeableUnit(sql::Connection& conn, const CallerScope& scope,
                                        const std::string& id) {
  // Authorization before any lock: a caller limited to a subtree is checked
  // on an unlocked read first. A caller who may change every unit learns
  // nothing from that read, so it locks at once (one round trip fewer).
  if (!scope.changes_all) {
    ASSIGN_OR_RETURN(Unit seen, LoadUnit(conn, id));
    RETURN_IF_ERROR(ChangeableUnit(scope, seen));
  }
  ASSIGN_OR_RETURN(Unit locked, LoadUnit(conn, id, /*for_update=*/true));
  RETURN_IF_ERROR(ChangeableUnit(scope, locked));
  return locked;
}

absl::Status CheckUnitOpen(const Unit& unit) {
  if (unit.open()) return absl::OkStatus();
  return rpc::FailedPrecondition("UNIT_NOT_OPEN", absl::StrCat(UnitName(unit.id), " is abolished"));
}

}  // namespace huinong::org
