#include "svc-org/src/domain/scope.h"

#include "absl/strings/match.h"
#include "svc-org/src/domain/unit.h"

namespace huinong::org {

CallerScope ScopeForRoles(bool admin, bool service, bool org_admin) {
  CallerScope scope;
  scope.reads_all = admin || service;
  scope.changes_all = admin;
  scope.may_change = admin || org_admin;
  return scope;
}

bool CanRead(const CallerScope& scope, absl::string_view unit_path) {
  if (scope.reads_all) return true;
  if (scope.unit_path.empty()) return false;
  return InSubtree(unit_path, scope.unit_path) || InSubtree(scope.unit_path, unit_path);
}

bool CanChange(const CallerScope& scope, absl::string_view unit_path) {
  if (scope.changes_all) return true;
  return scope.may_change && InSubtree(unit_path, scope.unit_path);
}

bool CanCreateRoot(const CallerScope& scope) { return scope.changes_all; }

}  // namespace huinong::org
