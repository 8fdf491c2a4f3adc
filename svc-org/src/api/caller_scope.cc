#include "svc-org/src/api/caller_scope.h"

#include "absl/strings/match.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "svc-org/src/store/unit_store.h"

namespace huinong::org {

absl::StatusOr<CallerScope> CallerScopes::For(const auth::Principal& caller) {
  CallerScope scope = ScopeForRoles(caller.IsAdmin(), caller.IsService(), caller.HasRole("org.admin"));
  if (caller.unit.empty()) {
    if (scope.reads_all) return scope;
    return rpc::PermissionDenied("the caller's token names no unit to act for");
  }
  if (!absl::StartsWith(caller.unit, "units/")) {
    return rpc::PermissionDenied("the caller's token names a malformed unit");
  }
  const std::string id = caller.unit.substr(6);
  if (std::optional<std::string> path = paths_.Find(id)) {
    scope.unit_path = *std::move(path);
    return scope;
  }
  const TtlCache<std::string>::Ticket ticket = paths_.Take();
  std::optional<Unit> unit;
  RETURN_IF_ERROR(pool_.Read([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(unit, store::GetUnit(conn, id));
    return absl::OkStatus();
  }));
  if (!unit) {
    if (scope.reads_all) return scope;
    return rpc::PermissionDenied("the caller's unit does not exist");
  }
  scope.unit_path = unit->path;
  paths_.Put(id, unit->path, ticket);
  return scope;
}

}  // namespace huinong::org
