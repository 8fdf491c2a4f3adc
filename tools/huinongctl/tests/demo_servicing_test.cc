// The demo's servicing plan (demo_servicing.h) against the lending plan it
// services: every serviced application is disbursed and known; 马庄镇 is
// left to the end-to-end tests; 柳泉镇's ratio as the plan leaves it is under
// the breaker's 300 bp and above 250, compared in integers as the breaker
// compares; the written-off loan is one the risk fund covers; and the
// history's days put each loan where its standing says on the day of stage
// two, whatever the months' lengths.
#include <map>
#include <set>

#include "gtest/gtest.h"
#include "tools/huinongctl/src/demo_data.h"
#include "tools/huinongctl/src/demo_lending.h"
#include "tools/huinongctl/src/demo_servicing.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;

const DemoApplication* Find(const std::string& key) {
  for (const DemoApplication& a : DemoLendingPlan().applications) {
    if (a.key == key) return &a;
  }
  return nullptr;
}

const DemoBorrower* BorrowerOf(const DemoApplication& a) {
  for (const DemoBorrower& b : DemoLendingPlan().borrowers) {
    if (b.key == a.borrower) return &b;
  }
  return nullptr;
}

int TownshipOf(int unit) {
  for (const DemoUnit& u : DemoNetwork()) {
    if (u.index == unit) return u.level == type::v1::LEVEL_TOWNSHIP ? u.index : u.parent;
  }
  return 0;
}

TEST(DemoServicing, EveryServicedApplicationIsDisbursedAndNoneIsInMaZhuang) {
  std::set<std::string> seen;
  for (const DemoServicedLoan& demo : DemoServicingPlan()) {
    EXPECT_TRUE(seen.insert(demo.application).second) << demo.application;
    const DemoApplication* a = Find(demo.application);
    ASSERT_NE(a, nullptr) << demo.application;
    EXPECT_EQ(a->target, v1::APPLICATION_STATE_DISBURSED) << demo.application;
    const DemoBorrower* b = BorrowerOf(*a);
    ASSERT_NE(b, nullptr) << demo.application;
    EXPECT_NE(TownshipOf(b->unit), 13) << demo.application << " is in 马庄镇";
    if (demo.extend_months > 0) {
      EXPECT_LE(a->term_months + demo.extend_months, 36) << demo.application;
    }
    if (demo.subsidy) {
      EXPECT_EQ(demo.standing, DemoStanding::kSettled) << demo.application;
    }
  }
}

TEST(DemoServicing, LiuQuanStandsUnderTheBreakerAndAboveTwoHundredFiftyBasisPoints) {
  std::map<int, int64_t> outstanding, non_performing;  // yuan by township
  for (const DemoServicedLoan& demo : DemoServicingPlan()) {
    const DemoApplication* a = Find(demo.application);
    ASSERT_NE(a, nullptr);
    const int township = TownshipOf(BorrowerOf(*a)->unit);
    if (demo.standing == DemoStanding::kSettled || demo.standing == DemoStanding::kWrittenOff) continue;
    outstanding[township] += a->amount_yuan;
    if (demo.standing == DemoStanding::kNonPerforming) non_performing[township] += a->amount_yuan;
  }
  constexpr int kLiuQuan = 6;
  EXPECT_EQ(outstanding[kLiuQuan], 350'000);
  EXPECT_EQ(non_performing[kLiuQuan], 10'000);
  EXPECT_LT(non_performing[kLiuQuan] * 10000, 300 * outstanding[kLiuQuan]);
  EXPECT_GT(non_performing[kLiuQuan] * 10000, 250 * outstanding[kLiuQuan]);
  EXPECT_EQ(non_performing[kLiuQuan] * 10000 / outstanding[kLiuQuan], 285);
  for (const auto& [township, npl] : non_performing) {
    EXPECT_LT(npl * 10000, 300 * outstanding[township]) << "township " << township;
  }
}

TEST(DemoServicing, TheWrittenOffLoanIsOneTheFundCovers) {
  int written_off = 0;
  for (const DemoServicedLoan& demo : DemoServicingPlan()) {
    if (demo.standing != DemoStanding::kWrittenOff) continue;
    ++written_off;
    const DemoApplication* a = Find(demo.application);
    ASSERT_NE(a, nullptr);
    EXPECT_TRUE(a->small_loan);  // a poverty small loan
    EXPECT_EQ(BorrowerOf(*a)->borrower.type(), v1::BORROWER_TYPE_HOUSEHOLD);
    EXPECT_FALSE(BorrowerOf(*a)->registered_poor_from.empty());  // registered poor before the disbursement
  }
  EXPECT_EQ(written_off, 1);
}

// Monthly instalments fall due 28 to 31 days apart: the n-th between 28n and
// 31n days after the disbursement.
TEST(DemoServicing, TheHistorysDaysPutEachLoanWhereItsStandingSays) {
  const auto earliest = [](int n) { return 28 * n; };
  const auto latest = [](int n) { return 31 * n; };
  constexpr int kNplDays = 90;  // the county policy's npl_days_past_due
  const int today = kDemoHistoryStageDays;
  ASSERT_GE(today, kDemoHistoryDays);  // stage two runs on the day up.sh starts it
  // Current: the four instalments due by kDemoHistoryDays are paid, the fifth is not yet due.
  EXPECT_LE(latest(4), kDemoHistoryDays);
  EXPECT_GT(earliest(5), today);
  // Overdue: the third instalment unpaid, under 90 days past due and past due.
  EXPECT_LT(today - earliest(kDemoOverduePaidInstalments + 1), kNplDays);
  EXPECT_GT(today - latest(kDemoOverduePaidInstalments + 1), 0);
  // Non-performing: the first instalment 90 days past due or more.
  EXPECT_GE(today - latest(1), kNplDays);
  // Each repayment classifies its loan as of today: after a loan's first,
  // the second instalment is the oldest unpaid, and under 90 days.
  EXPECT_LT(today - earliest(2), kNplDays);
  // Settled before the non-performing loan turns, so 柳泉镇 never counts it.
  EXPECT_LT(kDemoSettledAfterDays, today);
}

}  // namespace
}  // namespace huinong::ctl
