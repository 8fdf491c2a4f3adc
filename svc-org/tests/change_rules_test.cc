// The pure rules of change requests and of the dated unit tree: the
// lifecycle table (every pair of states), which chain steps a request
// needs, who may decide, the effective-date rule, and rebuilding a past
// day's tree from parent links.
#include <map>

#include <gtest/gtest.h>

#include "common/domain/tests/exhaustive_table.h"
#include "common/rpc/status_details.h"
#include "svc-org/src/domain/change_request.h"
#include "svc-org/src/domain/unit_history.h"

namespace huinong::org {
namespace {

TEST(ChangeRules, TheLifecycleIsExactlyTheDocumentedTableForEveryStateAndEvent) {
  using S = ChangeState;
  using E = ChangeEvent;
  const std::map<std::pair<S, E>, S> documented = {
      {{S::kDraft, E::kSubmit}, S::kInApproval},
      {{S::kDraft, E::kWithdraw}, S::kWithdrawn},
      {{S::kInApproval, E::kApproveStep}, S::kInApproval},
      {{S::kInApproval, E::kApproveLast}, S::kApproved},
      {{S::kInApproval, E::kReject}, S::kRejected},
      {{S::kInApproval, E::kWithdraw}, S::kWithdrawn},
  };
  const auto& table = ChangeLifecycle();
  EXPECT_EQ(domain::ExpectExactlyTheDocumentedTable(table, documented), 25);
}

TEST(ChangeRules, StepsForPicksStepsForAllRequestsAndForTheItemsKinds) {
  // 004:31-33: HR drafts, the general manager's office meeting decides, the
  // board approves structure changes.
  constexpr int kCreateUnit = 1, kCreatePost = 7, kSetQuota = 10;
  const std::vector<StepTemplate> chain = {
      {"总经理办公会", "org.change.decide", "company", {}},
      {"董事会", "org.change.approve", "company", {kCreateUnit, 3, 4, 5, 6}},
  };
  EXPECT_EQ(StepsFor(chain, {kCreatePost}), (std::vector<size_t>{0}));
  EXPECT_EQ(StepsFor(chain, {kCreatePost, kCreateUnit}), (std::vector<size_t>{0, 1}));
  EXPECT_EQ(StepsFor(chain, {kSetQuota}), (std::vector<size_t>{0}));
  EXPECT_TRUE(StepsFor({{"board only", "org.change.approve", "c", {kCreateUnit}}}, {kSetQuota}).empty());
}

TEST(ChangeRules, TheDrafterNeverDecidesAndNobodyDecidesTwice) {
  EXPECT_TRUE(CheckDecider("staff/gm", "staff/hr", {}).ok());
  const absl::Status self = CheckDecider("staff/hr", "staff/hr", {});
  EXPECT_EQ(self.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(rpc::ReasonOf(self), "SELF_APPROVAL");
  const absl::Status twice = CheckDecider("staff/chair", "staff/hr", {"staff/chair"});
  EXPECT_EQ(twice.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(twice), "DUPLICATE_APPROVER");
  EXPECT_TRUE(CheckDecider("staff/board", "staff/hr", {"staff/gm"}).ok());
}

TEST(ChangeRules, HrDraftsForTheOrganisationItSitsInOrAbove) {
  const std::string company = "/c/", hr_dept = "/c/hr/", other = "/o/";
  EXPECT_TRUE(MayDraft(false, true, hr_dept, company));   // HR in a department of the company
  EXPECT_TRUE(MayDraft(false, true, "/", company));        // above it
  EXPECT_TRUE(MayDraft(false, true, company, hr_dept));    // a sub-organisation of its own
  EXPECT_FALSE(MayDraft(false, true, other, company));     // another organisation
  EXPECT_FALSE(MayDraft(false, false, hr_dept, company));  // neither org.admin nor hr
  EXPECT_FALSE(MayDraft(false, true, "", company));        // acting for no unit
  EXPECT_TRUE(MayDraft(true, false, "", company));         // admin
}

TEST(ChangeRules, DecisionsMoveThroughTheStepsAndEndTheRequest) {
  // Two steps: the office meeting, then the board.
  auto after_first = Decide(ChangeState::kInApproval, 0, 2, true);
  ASSERT_TRUE(after_first.ok());
  EXPECT_EQ(after_first->state, ChangeState::kInApproval);
  EXPECT_EQ(after_first->current_step, 1);
  EXPECT_FALSE(after_first->apply_items);
  auto after_last = Decide(ChangeState::kInApproval, 1, 2, true);
  ASSERT_TRUE(after_last.ok());
  EXPECT_EQ(after_last->state, ChangeState::kApproved);
  EXPECT_EQ(after_last->current_step, -1);
  EXPECT_TRUE(after_last->apply_items);
  auto rejected = Decide(ChangeState::kInApproval, 1, 2, false);
  ASSERT_TRUE(rejected.ok());
  EXPECT_EQ(rejected->state, ChangeState::kRejected);
  EXPECT_FALSE(rejected->apply_items);
  for (ChangeState s : ChangeLifecycle().States()) {
    if (s == ChangeState::kInApproval) continue;
    EXPECT_EQ(rpc::ReasonOf(Decide(s, 0, 2, true).status()), "INVALID_TRANSITION") << ChangeStateName(s);
  }
  EXPECT_EQ(rpc::ReasonOf(Decide(ChangeState::kInApproval, 2, 2, true).status()), "INVALID_TRANSITION");
  EXPECT_EQ(rpc::ReasonOf(Decide(ChangeState::kInApproval, 0, 0, true).status()), "INVALID_TRANSITION");
}

TEST(ChangeRules, AnEffectiveDateBeforeTodayHasPassed) {
  const absl::CivilDay today(2026, 11, 22);
  EXPECT_TRUE(CheckEffectiveDate(today, today).ok());
  EXPECT_TRUE(CheckEffectiveDate(today + 1, today).ok());
  EXPECT_EQ(rpc::ReasonOf(CheckEffectiveDate(today - 1, today)), "EFFECTIVE_DATE_PASSED");
}

Unit U(const std::string& id, const std::string& parent) {
  Unit u;
  u.id = id;
  u.parent_id = parent;
  return u;
}

TEST(UnitHistory, TreeOnRebuildsPathsFromParentLinksDepthFirst) {
  // A village that moved from township a to township b: on the day after the
  // move its version names b, and the tree follows.
  std::vector<Unit> tree = TreeOn({U("v", "b"), U("b", "c"), U("a", "c"), U("c", "")});
  ASSERT_EQ(tree.size(), 4u);
  EXPECT_EQ(tree[0].id, "c");
  EXPECT_EQ(tree[0].depth, 0);
  EXPECT_EQ(tree[1].id, "a");
  EXPECT_EQ(tree[2].id, "b");
  EXPECT_EQ(tree[3].path, "/c/b/v/");
  EXPECT_EQ(tree[3].depth, 2);
  const std::vector<Unit> up = AncestorsIn(tree, "v");
  ASSERT_EQ(up.size(), 2u);
  EXPECT_EQ(up[0].id, "c");
  EXPECT_EQ(up[1].id, "b");
  EXPECT_TRUE(AncestorsIn(tree, "c").empty());
}

TEST(UnitHistory, UnitsWithoutAParentThatDayAreDropped) {
  std::vector<Unit> tree = TreeOn({U("x", "gone"), U("y", "x"), U("r", ""), U("p", "q"), U("q", "p")});
  ASSERT_EQ(tree.size(), 1u);  // x's parent is missing, y hangs on x, p and q form a loop
  EXPECT_EQ(tree[0].id, "r");
}

TEST(UnitHistory, VersionDays) {
  const absl::CivilDay today(2026, 11, 22);
  Unit u;
  EXPECT_EQ(FirstVersionDay(u, today), kSinceAlways);  // no known start: always stood
  u.effective_from = absl::CivilDay(2015, 3, 1);  // an existing unit entered late
  EXPECT_EQ(FirstVersionDay(u, today), absl::CivilDay(2015, 3, 1));
  u.effective_from = today + 30;  // registered ahead of its start
  EXPECT_EQ(FirstVersionDay(u, today), today);
}

}  // namespace
}  // namespace huinong::org
