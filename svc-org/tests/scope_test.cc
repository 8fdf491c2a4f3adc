// Data scope: a township caller sees its township, its villages and the
// county above, never another township; only org.admin changes, inside.
#include <gtest/gtest.h>

#include "svc-org/src/domain/scope.h"

namespace huinong::org {
namespace {

CallerScope Township(bool org_admin) {
  CallerScope s;
  s.may_change = org_admin;
  s.unit_path = "/C/T1/";
  return s;
}

TEST(Scope, TownshipCallerReadsOwnSubtreeAndAncestorsOnly) {
  CallerScope s = Township(false);
  EXPECT_TRUE(CanRead(s, "/C/T1/"));
  EXPECT_TRUE(CanRead(s, "/C/T1/V1/"));
  EXPECT_TRUE(CanRead(s, "/C/"));
  EXPECT_FALSE(CanRead(s, "/C/T2/"));
  EXPECT_FALSE(CanRead(s, "/C/T2/V9/"));
  EXPECT_FALSE(CanRead(s, "/OTHER/"));
}

TEST(Scope, ChangesNeedOrgAdminAndStayInside) {
  EXPECT_FALSE(CanChange(Township(false), "/C/T1/V1/"));
  CallerScope admin = Township(true);
  EXPECT_TRUE(CanChange(admin, "/C/T1/"));
  EXPECT_TRUE(CanChange(admin, "/C/T1/V1/"));
  EXPECT_FALSE(CanChange(admin, "/C/"));
  EXPECT_FALSE(CanChange(admin, "/C/T2/"));
  EXPECT_FALSE(CanCreateRoot(admin));
}

TEST(Scope, AdminAndServiceAccounts) {
  CallerScope admin;
  admin.reads_all = admin.changes_all = admin.may_change = true;
  EXPECT_TRUE(CanRead(admin, "/X/"));
  EXPECT_TRUE(CanChange(admin, "/X/"));
  EXPECT_TRUE(CanCreateRoot(admin));
  CallerScope service;
  service.reads_all = true;
  EXPECT_TRUE(CanRead(service, "/X/"));
  EXPECT_FALSE(CanChange(service, "/X/"));
}

TEST(Scope, RolesGiveTheirScope) {
  CallerScope admin = ScopeForRoles(true, false, false);
  EXPECT_TRUE(admin.reads_all && admin.changes_all && admin.may_change);
  CallerScope service = ScopeForRoles(false, true, false);
  EXPECT_TRUE(service.reads_all);
  EXPECT_FALSE(service.changes_all || service.may_change);
  CallerScope org_admin = ScopeForRoles(false, false, true);
  EXPECT_FALSE(org_admin.reads_all || org_admin.changes_all);
  EXPECT_TRUE(org_admin.may_change);
  CallerScope staff = ScopeForRoles(false, false, false);
  EXPECT_FALSE(staff.reads_all || staff.changes_all || staff.may_change);
}

TEST(Scope, CallerWithoutUnitSeesNothing) {
  CallerScope s;
  EXPECT_FALSE(CanRead(s, "/C/"));
  EXPECT_FALSE(CanChange(s, "/C/"));
}

}  // namespace
}  // namespace huinong::org
