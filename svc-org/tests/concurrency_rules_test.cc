// Concurrency policies with the seeds' own rules, free of I/O.
//
// The loan company (世纪天佑投资借款有限公司, `001:267`): "行政文员岗，资产保全岗、
// 投资理财岗可以兼任，业务部经理可以兼任客户经理。其他各岗位之间不能兼任。"
// The finance department (`004:121`): cash and bank cashier must be separate,
// but are merged into one person with someone else checking daily.
// Also the staff rules about one person's own assignments.
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-org/src/domain/concurrency.h"
#include "svc-org/src/domain/staff.h"

namespace huinong::org {
namespace {

using absl::CivilDay;

PostSelector Code(std::string code) { return PostSelector{"", std::move(code)}; }

ConcurrencyPolicy LoanCompany() {
  ConcurrencyPolicy p;
  p.title = "世纪天佑投资借款有限公司兼任规则";
  p.whitelist = {
      {{Code("admin.clerk"), Code("asset.preservation"), Code("investment")}, "行政文员、资产保全、投资理财可以兼任"},
      {{Code("business.manager"), Code("client.manager")}, "业务部经理可以兼任客户经理"}};
  return p;
}

HeldPost Holding(std::string code, AssignmentKind kind = AssignmentKind::kPrimary, bool mitigated = false) {
  static int next = 0;
  return HeldPost{"a" + std::to_string(++next), {"p-" + code, code}, kind, mitigated};
}

std::string Judge(const ConcurrencyPolicy& p, const HeldPost& candidate, std::vector<HeldPost> others) {
  absl::Status s = JudgeCombination(p, candidate, others);
  return s.ok() ? "OK" : rpc::ReasonOf(s);
}

TEST(LoanCompanyWhitelist, AdminClerkWithAssetPreservationIsAllowed) {
  const auto p = LoanCompany();
  const auto concurrent = AssignmentKind::kConcurrent;
  EXPECT_EQ(Judge(p, Holding("asset.preservation", concurrent), {Holding("admin.clerk")}), "OK");
  EXPECT_EQ(Judge(p, Holding("investment", concurrent), {Holding("admin.clerk")}), "OK");
  EXPECT_EQ(Judge(p, Holding("investment", concurrent), {Holding("asset.preservation")}), "OK");
  EXPECT_EQ(Judge(p, Holding("client.manager", concurrent), {Holding("business.manager")}), "OK");
  // All three at once: every pair is in the same entry.
  EXPECT_EQ(Judge(p, Holding("investment", concurrent),
                  {Holding("admin.clerk"), Holding("asset.preservation", concurrent)}),
            "OK");
}

TEST(LoanCompanyWhitelist, AnythingElseIsRefused) {
  const auto p = LoanCompany();
  const auto concurrent = AssignmentKind::kConcurrent;
  EXPECT_EQ(Judge(p, Holding("client.manager", concurrent), {Holding("admin.clerk")}),
            "CONCURRENCY_FORBIDDEN");
  EXPECT_EQ(Judge(p, Holding("reviewer", concurrent), {Holding("client.manager")}),
            "CONCURRENCY_FORBIDDEN") << "审查岗 and 客户经理 must stay apart";
  EXPECT_EQ(Judge(p, Holding("business.manager", concurrent), {Holding("admin.clerk")}),
            "CONCURRENCY_FORBIDDEN") << "entries do not mix";
  EXPECT_EQ(Judge(p, Holding("risk.manager", concurrent), {Holding("accountant")}),
            "CONCURRENCY_FORBIDDEN") << "posts on no entry at all";
  EXPECT_FALSE(Whitelisted(p, {"x", "cashier"}, {"y", "accountant"}));
}

TEST(LoanCompanyWhitelist, SelectorsByIdMatchThatPostOnly) {
  ConcurrencyPolicy p;
  p.whitelist = {{{PostSelector{"P1", ""}, PostSelector{"P2", ""}}, ""}};
  EXPECT_TRUE(Whitelisted(p, {"P1", "x"}, {"P2", "y"}));
  EXPECT_FALSE(Whitelisted(p, {"P1", "x"}, {"P3", "y"}));
}

TEST(LoanCompanyWhitelist, ActingCoverIsNotConcurrency) {
  const auto p = LoanCompany();
  // A deputy acting for the absent general manager (代理) is no 兼任.
  EXPECT_EQ(Judge(p, Holding("general.manager", AssignmentKind::kActing), {Holding("client.manager")}),
            "OK");
}

TEST(NoWhitelist, EverythingMayBeCombined) {
  ConcurrencyPolicy p;
  EXPECT_EQ(Judge(p, Holding("intake.agent", AssignmentKind::kConcurrent), {Holding("callback.agent")}),
            "OK") << "the 2-person centre: one person covers both groups (004:127)";
}

ConcurrencyPolicy FinanceDepartment() {
  ConcurrencyPolicy p;
  p.title = "财务部";
  p.segregation_pairs = {{Code("cashier.cash"), Code("cashier.bank"), "现金与银行出纳必须分开"}};
  return p;
}

TEST(Segregation, APairNeedsARecordedMitigation) {
  const auto p = FinanceDepartment();
  const auto concurrent = AssignmentKind::kConcurrent;
  EXPECT_EQ(Judge(p, Holding("cashier.bank", concurrent), {Holding("cashier.cash")}),
            "SEGREGATION_UNMITIGATED");
  EXPECT_EQ(Judge(p, Holding("cashier.bank", concurrent, /*mitigated=*/true), {Holding("cashier.cash")}),
            "OK");
  EXPECT_EQ(Judge(p, Holding("cashier.cash", concurrent), {Holding("cashier.bank", concurrent, true)}),
            "OK") << "a mitigation already recorded on the other side covers the pair";
  EXPECT_EQ(Judge(p, Holding("cashier.bank", AssignmentKind::kActing), {Holding("cashier.cash")}),
            "SEGREGATION_UNMITIGATED") << "acting is bound by segregation too";
}

TEST(Segregation, OverridesTheWhitelistEitherWay) {
  ConcurrencyPolicy p = FinanceDepartment();
  p.whitelist = {{{Code("accountant"), Code("materials.accountant")}, ""}};
  const auto concurrent = AssignmentKind::kConcurrent;
  EXPECT_EQ(Judge(p, Holding("cashier.bank", concurrent, true), {Holding("cashier.cash")}), "OK");
  EXPECT_EQ(Judge(p, Holding("cashier.bank", concurrent), {Holding("cashier.cash")}),
            "SEGREGATION_UNMITIGATED");
  EXPECT_EQ(Classify(p, Holding("cashier.bank"), Holding("cashier.cash", concurrent, true)),
            PairFinding::kSegregationMitigated);
  EXPECT_EQ(Classify(p, Holding("accountant"), Holding("cashier.cash")), PairFinding::kNotWhitelisted);
}

TEST(Limit, PostsPerPersonExcludingActing) {
  ConcurrencyPolicy p;
  p.max_posts_per_person = 2;
  const auto concurrent = AssignmentKind::kConcurrent;
  EXPECT_EQ(Judge(p, Holding("b", concurrent), {Holding("a")}), "OK");
  EXPECT_EQ(Judge(p, Holding("c", concurrent), {Holding("a"), Holding("b", concurrent)}), "TOO_MANY_POSTS");
  EXPECT_EQ(Judge(p, Holding("c", concurrent), {Holding("a"), Holding("b", AssignmentKind::kActing)}), "OK");
  EXPECT_EQ(Judge(p, Holding("c", AssignmentKind::kActing), {Holding("a"), Holding("b", concurrent)}), "OK");
}

Assignment Held(std::string id, std::string post, AssignmentKind kind, CivilDay from,
                std::optional<CivilDay> to = std::nullopt) {
  Assignment a;
  a.id = std::move(id);
  a.post_id = std::move(post);
  a.kind = kind;
  a.effective_from = from;
  a.effective_to = to;
  return a;
}

TEST(OwnAssignments, OnePrimaryAtATimeAndNoPostTwice) {
  const auto primary = AssignmentKind::kPrimary;
  std::vector<Assignment> held = {Held("a1", "clerk", primary, CivilDay(2024, 1, 1), CivilDay(2024, 12, 31))};
  EXPECT_EQ(rpc::ReasonOf(CheckOwnAssignments(Held("n", "cashier", primary, CivilDay(2024, 6, 1)), held)),
            "PRIMARY_EXISTS");
  EXPECT_TRUE(CheckOwnAssignments(Held("n", "cashier", primary, CivilDay(2025, 1, 1)), held).ok());
  EXPECT_TRUE(
      CheckOwnAssignments(Held("n", "cashier", AssignmentKind::kConcurrent, CivilDay(2024, 6, 1)), held).ok());
  EXPECT_EQ(rpc::ReasonOf(CheckOwnAssignments(
                Held("n", "clerk", AssignmentKind::kConcurrent, CivilDay(2024, 6, 1)), held)),
            "ALREADY_HOLDS_POST");
}

TEST(Leaving, EndsOpenAssignmentsAndCancelsScheduledOnes) {
  const CivilDay leave(2025, 5, 31);
  Assignment open = Held("o", "p", AssignmentKind::kPrimary, CivilDay(2024, 1, 1));
  Assignment later = Held("s", "p", AssignmentKind::kConcurrent, CivilDay(2025, 7, 1));
  Assignment done = Held("d", "p", AssignmentKind::kConcurrent, CivilDay(2023, 1, 1), CivilDay(2023, 12, 31));
  EXPECT_TRUE(EndOnLeaving(open, leave));
  EXPECT_EQ(*open.effective_to, leave);
  EXPECT_TRUE(EndOnLeaving(later, leave));
  EXPECT_FALSE(later.EffectiveOn(CivilDay(2025, 7, 1)));
  EXPECT_EQ(later.StateOn(CivilDay(2025, 6, 1)), AssignmentState::kEnded);
  EXPECT_FALSE(EndOnLeaving(done, leave));
  EXPECT_EQ(rpc::ReasonOf(CheckStaffTransition(StaffStatus::kLeft, StaffStatus::kActive)), "INVALID_TRANSITION");
  EXPECT_TRUE(CheckStaffTransition(StaffStatus::kOnLeave, StaffStatus::kActive).ok());
}

TEST(Ending, NotTwiceAndNotLater) {
  Assignment a = Held("a", "p", AssignmentKind::kPrimary, CivilDay(2025, 1, 1), CivilDay(2025, 12, 31));
  const CivilDay today(2025, 6, 1);
  EXPECT_EQ(a.StateOn(today), AssignmentState::kActive);
  EXPECT_TRUE(CheckEnd(a, CivilDay(2025, 6, 30), today).ok());
  EXPECT_EQ(rpc::ReasonOf(CheckEnd(a, CivilDay(2026, 1, 31), today)), "INVALID_TRANSITION");
  EXPECT_EQ(rpc::ReasonOf(CheckEnd(a, CivilDay(2025, 6, 30), CivilDay(2026, 1, 1))), "INVALID_TRANSITION");
}

}  // namespace
}  // namespace huinong::org
