// Data scope: which units a caller may see and change. A caller acts for one
// unit (the token's `unit`); they see that unit's subtree and its chain of
// ancestors (the township and county above a village), and change units only
// inside the subtree, and only with the org.admin role. `admin` sees and
// changes everything; service accounts (`service`) read everything.
#pragma once

#include <string>

#include "absl/strings/string_view.h"

namespace huinong::org {

struct CallerScope {
  bool reads_all = false;
  bool changes_all = false;
  bool may_change = false;  // holds org.admin
  std::string unit_path;    // the caller's unit; empty when it has none
};

// The scope that roles give, before the caller's unit path is known.
CallerScope ScopeForRoles(bool admin, bool service, bool org_admin);

bool CanRead(const CallerScope& scope, absl::string_view unit_path);
// Changing a unit, or creating / moving a unit under it (`unit_path` is the parent's).
bool CanChange(const CallerScope& scope, absl::string_view unit_path);
// Creating a root needs changes_all.
bool CanCreateRoot(const CallerScope& scope);

}  // namespace huinong::org
