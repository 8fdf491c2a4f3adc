// The township circuit breaker (000:1535 "达到3%时,暂停该乡镇贷款业务"): the
// ratio by balance and by count at the seeds' 3% on both sides of the
// boundary, in integers; the lifecycle table for every state × every
// event; and the re-trip rule after a lift.
#include <gtest/gtest.h>

#include <map>
#include <utility>
#include <vector>

#include "common/domain/tests/exhaustive_table.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/township_breaker.h"

namespace huinong::loans {
namespace {

const int kThresholdBp = CountyPolicy{}.breaker_threshold_bp;  // 300 = 3%

NplRatio Ratio(int64_t non_performing, int64_t outstanding) { return NplRatio{non_performing, outstanding}; }

LoanExposure Exposure(int64_t outstanding_fen, LoanClass c) {
  LoanExposure e;
  e.outstanding_principal_fen = outstanding_fen;
  e.loan_class = c;
  return e;
}

TEST(TownshipBreaker, ExactlyThreePercentTripsAndAFenLessDoesNot) {
  ASSERT_EQ(kThresholdBp, 300);
  EXPECT_TRUE(ReachesThreshold(Ratio(3, 100), kThresholdBp));
  EXPECT_FALSE(ReachesThreshold(Ratio(2, 100), kThresholdBp));
  EXPECT_TRUE(ReachesThreshold(Ratio(300'000, 10'000'000), kThresholdBp));
  EXPECT_FALSE(ReachesThreshold(Ratio(299'999, 10'000'000), kThresholdBp));  // 2.99999%
  EXPECT_FALSE(ReachesThreshold(Ratio(299, 10'000), kThresholdBp));          // 2.99%
  EXPECT_TRUE(ReachesThreshold(Ratio(300'001, 10'000'000), kThresholdBp));
  EXPECT_FALSE(ReachesThreshold(Ratio(0, 0), kThresholdBp));  // nothing lent
  // Fen totals far beyond 2^63 ÷ 10000 still compare exactly.
  EXPECT_TRUE(ReachesThreshold(Ratio(3'000'000'000'000'000, 100'000'000'000'000'000), kThresholdBp));
  EXPECT_FALSE(ReachesThreshold(Ratio(2'999'999'999'999'999, 100'000'000'000'000'000), kThresholdBp));
  EXPECT_EQ(RatioBasisPointsFloor(Ratio(299'999, 10'000'000)), 299);
  EXPECT_EQ(RatioBasisPointsFloor(Ratio(300'000, 10'000'000)), 300);
}

TEST(TownshipBreaker, TheRatioByBalanceCountsOnlyNonPerformingOutstandingPrincipal) {
  // Twenty seed loans of 50,000 CNY = 100,000,000 fen outstanding; one has
  // 30,000 CNY left and is non-performing: 3,000,000 ÷ 100,000,000 = 3.00%.
  std::vector<LoanExposure> loans(19, Exposure(5'000'000, LoanClass::kNormal));
  loans.push_back(Exposure(3'000'000, LoanClass::kNonPerforming));
  loans.push_back(Exposure(2'000'000, LoanClass::kOverdue));  // overdue is not non-performing
  loans.push_back(Exposure(0, LoanClass::kNonPerforming));    // settled: out of both
  const NplRatio r = TownshipNplRatio(loans, NplMeasure::kByBalance);
  EXPECT_EQ(r.non_performing, 3'000'000);
  EXPECT_EQ(r.outstanding, 100'000'000);
  EXPECT_TRUE(ReachesThreshold(r, kThresholdBp));
  loans[19] = Exposure(2'999'999, LoanClass::kNonPerforming);
  loans[20] = Exposure(2'000'001, LoanClass::kOverdue);  // same outstanding, 2.999999%
  EXPECT_FALSE(ReachesThreshold(TownshipNplRatio(loans, NplMeasure::kByBalance), kThresholdBp));
}

TEST(TownshipBreaker, TheRatioByCountCountsLoans) {
  std::vector<LoanExposure> loans(97, Exposure(5'000'000, LoanClass::kNormal));
  for (int k = 0; k < 3; ++k) loans.push_back(Exposure(100, LoanClass::kNonPerforming));
  // By balance 300 ÷ 485,000,300 is tiny; by count 3 of 100 is 3%.
  EXPECT_FALSE(ReachesThreshold(TownshipNplRatio(loans, NplMeasure::kByBalance), kThresholdBp));
  const NplRatio by_count = TownshipNplRatio(loans, NplMeasure::kByCount);
  EXPECT_EQ(by_count.non_performing, 3);
  EXPECT_EQ(by_count.outstanding, 100);
  EXPECT_TRUE(ReachesThreshold(by_count, kThresholdBp));
  loans.push_back(Exposure(5'000'000, LoanClass::kNormal));  // 3 of 101 = 2.97%
  EXPECT_FALSE(ReachesThreshold(TownshipNplRatio(loans, NplMeasure::kByCount), kThresholdBp));
}

TEST(TownshipBreaker, LoansSummedByClassGiveTheSameRatioAsOneByOne) {
  // The store sums a township's loans by class: 97 sound loans of 50,000 CNY
  // and 3 non-performing of 100 fen, as three loans or as one sum of three.
  std::vector<LoanExposure> one_by_one(97, Exposure(5'000'000, LoanClass::kNormal));
  for (int k = 0; k < 3; ++k) one_by_one.push_back(Exposure(100, LoanClass::kNonPerforming));
  std::vector<LoanExposure> summed{Exposure(485'000'000, LoanClass::kNormal), Exposure(300, LoanClass::kNonPerforming)};
  summed[0].loans = 97;
  summed[1].loans = 3;
  for (const NplMeasure measure : {NplMeasure::kByBalance, NplMeasure::kByCount}) {
    const NplRatio a = TownshipNplRatio(one_by_one, measure), b = TownshipNplRatio(summed, measure);
    EXPECT_EQ(a.non_performing, b.non_performing);
    EXPECT_EQ(a.outstanding, b.outstanding);
  }
  EXPECT_TRUE(ReachesThreshold(TownshipNplRatio(summed, NplMeasure::kByCount), kThresholdBp));  // 3 of 100
}

TEST(TownshipBreaker, TheLifecycleIsExactlyTheDocumentedTableForEveryStateAndEvent) {
  using S = BreakerState;
  using E = BreakerEvent;
  const std::map<std::pair<S, E>, S> documented = {
      {{S::kOpen, E::kTrip}, S::kSuspended},
      {{S::kSuspended, E::kTrip}, S::kSuspended},
      {{S::kSuspended, E::kFilePlan}, S::kRectifying},
      {{S::kRectifying, E::kTrip}, S::kRectifying},
      {{S::kRectifying, E::kRejectPlan}, S::kSuspended},
      {{S::kRectifying, E::kApproveRectification}, S::kOpen},
  };
  EXPECT_EQ(domain::ExpectExactlyTheDocumentedTable(BreakerLifecycle(), documented), 3 * 4);
}

TEST(TownshipBreaker, OnlyAnOpenTownshipLends) {
  EXPECT_TRUE(CheckTownshipMayLend(LendingStatusOf(BreakerState::kOpen), "units/t1").ok());
  for (BreakerState s : {BreakerState::kSuspended, BreakerState::kRectifying}) {
    const absl::Status refused = CheckTownshipMayLend(LendingStatusOf(s), "units/t1");
    EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(rpc::ReasonOf(refused), "TOWNSHIP_SUSPENDED");
  }
}

TEST(TownshipBreaker, SuspendedFiledAndLiftedThroughTheTable) {
  TownshipBreaker b;
  const BreakerMeasurement below = Measure(b, Ratio(299'999, 10'000'000), kThresholdBp);
  EXPECT_FALSE(below.tripped);
  EXPECT_EQ(below.after.state, BreakerState::kOpen);
  const BreakerMeasurement trip = Measure(b, Ratio(300'000, 10'000'000), kThresholdBp);
  EXPECT_TRUE(trip.tripped);
  b = trip.after;
  EXPECT_EQ(b.state, BreakerState::kSuspended);
  // Measurements while suspended or rectifying change nothing and do not re-audit.
  EXPECT_FALSE(Measure(b, Ratio(900'000, 10'000'000), kThresholdBp).tripped);
  EXPECT_EQ(Measure(b, Ratio(900'000, 10'000'000), kThresholdBp).after.state, BreakerState::kSuspended);
  EXPECT_EQ(rpc::ReasonOf(ApproveRectification(b, Ratio(0, 1), kThresholdBp).status()), "INVALID_TRANSITION");
  b = *FileRectificationPlan(b);
  EXPECT_EQ(b.state, BreakerState::kRectifying);
  EXPECT_EQ(Measure(b, Ratio(900'000, 10'000'000), kThresholdBp).after.state, BreakerState::kRectifying);
  EXPECT_EQ(RejectRectificationPlan(b)->state, BreakerState::kSuspended);
  b = *ApproveRectification(b, Ratio(100'000, 10'000'000), kThresholdBp);  // 1%: below, nothing tolerated
  EXPECT_EQ(b.state, BreakerState::kOpen);
  EXPECT_FALSE(b.tolerated_ratio.has_value());
  EXPECT_TRUE(Measure(b, Ratio(300'000, 10'000'000), kThresholdBp).tripped);
  EXPECT_EQ(rpc::ReasonOf(FileRectificationPlan(b).status()), "INVALID_TRANSITION");
}

TEST(TownshipBreaker, AfterALiftAtThreePointFourPercentOnlyARiseReTrips) {
  TownshipBreaker b;
  b.state = BreakerState::kRectifying;
  b = *ApproveRectification(b, Ratio(340'000, 10'000'000), kThresholdBp);  // still 3.4%
  ASSERT_EQ(b.state, BreakerState::kOpen);
  ASSERT_TRUE(b.tolerated_ratio.has_value());
  // The next day, unchanged: stays open.
  BreakerMeasurement m = Measure(b, Ratio(340'000, 10'000'000), kThresholdBp);
  EXPECT_FALSE(m.tripped);
  EXPECT_EQ(m.after.state, BreakerState::kOpen);
  // The same ratio on a smaller book (17 of 500) is no rise either.
  EXPECT_FALSE(Measure(b, Ratio(17, 500), kThresholdBp).tripped);
  // One fen more is a rise: suspended again.
  m = Measure(b, Ratio(340'001, 10'000'000), kThresholdBp);
  EXPECT_TRUE(m.tripped);
  EXPECT_EQ(m.after.state, BreakerState::kSuspended);
  EXPECT_FALSE(m.after.tolerated_ratio.has_value());
  // Improving to 3.2% lowers the tolerance: back to 3.3% re-trips.
  m = Measure(b, Ratio(320'000, 10'000'000), kThresholdBp);
  EXPECT_FALSE(m.tripped);
  EXPECT_EQ(RatioBasisPointsFloor(*m.after.tolerated_ratio), 320);
  EXPECT_TRUE(Measure(m.after, Ratio(330'000, 10'000'000), kThresholdBp).tripped);
  // Below 3% the tolerance is gone: reaching exactly 3% again trips.
  m = Measure(b, Ratio(299'999, 10'000'000), kThresholdBp);
  EXPECT_FALSE(m.tripped);
  EXPECT_FALSE(m.after.tolerated_ratio.has_value());
  EXPECT_TRUE(Measure(m.after, Ratio(300'000, 10'000'000), kThresholdBp).tripped);
}

TEST(TownshipBreaker, RatiosCompareAsFractions) {
  EXPECT_TRUE(HigherThan(Ratio(1, 3), Ratio(33, 100)));
  EXPECT_FALSE(HigherThan(Ratio(1, 3), Ratio(2, 6)));
  EXPECT_FALSE(HigherThan(Ratio(0, 0), Ratio(0, 5)));
  EXPECT_TRUE(HigherThan(Ratio(1, 5), Ratio(0, 0)));
}

}  // namespace
}  // namespace huinong::loans
