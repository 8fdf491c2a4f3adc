// The KPI report's period split (domain/kpi.h SplitKpiPeriod): ISO weeks
// Monday first, calendar months cut to the range, the report's zone moving
// the instants, and the 400-day limit.
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/rpc/status_details.h"
#include "svc-tickets/src/domain/kpi.h"
#include "svc-tickets/tests/kpi_test_time.h"

namespace huinong::tickets {
namespace {

std::vector<std::pair<absl::CivilDay, absl::CivilDay>> Days(const std::vector<KpiPeriod>& periods) {
  std::vector<std::pair<absl::CivilDay, absl::CivilDay>> out;
  for (const KpiPeriod& p : periods) out.emplace_back(p.first_day, p.last_day);
  return out;
}

using CD = absl::CivilDay;

TEST(SplitKpiPeriodTest, MonthsOfARangeStartingMidMonth) {
  absl::StatusOr<std::vector<KpiPeriod>> p =
      SplitKpiPeriod(CD(2026, 1, 20), CD(2026, 3, 10), KpiSplit::kMonth, Shanghai());
  ASSERT_TRUE(p.ok()) << p.status();
  // 20–31 January, all of February (28 days in 2026), 1–10 March.
  EXPECT_EQ(Days(*p), (std::vector<std::pair<CD, CD>>{{CD(2026, 1, 20), CD(2026, 1, 31)},
                                                      {CD(2026, 2, 1), CD(2026, 2, 28)},
                                                      {CD(2026, 3, 1), CD(2026, 3, 10)}}));
  // Local midnights are 16:00Z the day before.
  EXPECT_EQ((*p)[0].from, Utc(1, 19, 16));
  EXPECT_EQ((*p)[0].to, Utc(1, 31, 16));
  EXPECT_EQ((*p)[1].from, Utc(1, 31, 16));
  EXPECT_EQ((*p)[2].to, Utc(3, 10, 16));
}

TEST(SplitKpiPeriodTest, IsoWeeksMondayFirstAWeekCrossingAMonthEndStaysWhole) {
  // Wednesday 25 March – Wednesday 8 April 2026: the rest of week 13, week 14
  // (Monday 30 March – Sunday 5 April, across the month end), then Monday
  // 6 – Wednesday 8 April.
  absl::StatusOr<std::vector<KpiPeriod>> p =
      SplitKpiPeriod(CD(2026, 3, 25), CD(2026, 4, 8), KpiSplit::kWeek, Shanghai());
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(Days(*p), (std::vector<std::pair<CD, CD>>{{CD(2026, 3, 25), CD(2026, 3, 29)},
                                                      {CD(2026, 3, 30), CD(2026, 4, 5)},
                                                      {CD(2026, 4, 6), CD(2026, 4, 8)}}));
  // Each slice's end is the next one's start: no instant is lost or counted twice.
  EXPECT_EQ((*p)[0].to, (*p)[1].from);
  EXPECT_EQ((*p)[1].to, (*p)[2].from);
  EXPECT_EQ((*p)[1].from, Utc(3, 29, 16));
  EXPECT_EQ((*p)[1].to, Utc(4, 5, 16));
}

TEST(SplitKpiPeriodTest, TheZoneMovesTheInstants) {
  // The same week read in UTC starts eight hours later than in Shanghai.
  absl::StatusOr<std::vector<KpiPeriod>> utc =
      SplitKpiPeriod(CD(2026, 4, 6), CD(2026, 4, 12), KpiSplit::kWeek, absl::UTCTimeZone());
  ASSERT_TRUE(utc.ok());
  ASSERT_EQ(utc->size(), 1u);
  EXPECT_EQ((*utc)[0].from, Utc(4, 6, 0));
  EXPECT_EQ((*utc)[0].from - Week15().from, absl::Hours(8));
  // T0 (15:59:59Z on the 5th) is outside the Shanghai week and T1 (16:00Z) inside.
  EXPECT_LT(Apr(5, 23, 59, 59), Week15().from);
  EXPECT_EQ(Apr(6, 0), Week15().from);
}

TEST(SplitKpiPeriodTest, WholeIsOneSlice) {
  absl::StatusOr<std::vector<KpiPeriod>> p =
      SplitKpiPeriod(CD(2026, 1, 20), CD(2026, 3, 10), KpiSplit::kWhole, Shanghai());
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(Days(*p), (std::vector<std::pair<CD, CD>>{{CD(2026, 1, 20), CD(2026, 3, 10)}}));
  absl::StatusOr<std::vector<KpiPeriod>> one =
      SplitKpiPeriod(CD(2026, 4, 8), CD(2026, 4, 8), KpiSplit::kWeek, Shanghai());
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(Days(*one), (std::vector<std::pair<CD, CD>>{{CD(2026, 4, 8), CD(2026, 4, 8)}}));
}

TEST(SplitKpiPeriodTest, AtMost400DaysEndNotBeforeStart) {
  // 1 January 2026 + 399 days = 4 February 2027: 400 days, both ends counted.
  EXPECT_TRUE(SplitKpiPeriod(CD(2026, 1, 1), CD(2027, 2, 4), KpiSplit::kMonth, Shanghai()).ok());
  for (const auto& [start, end] : std::vector<std::pair<CD, CD>>{{CD(2026, 1, 1), CD(2027, 2, 5)},  // 401 days
                                                                 {CD(2026, 4, 8), CD(2026, 4, 7)}}) {
    absl::StatusOr<std::vector<KpiPeriod>> p = SplitKpiPeriod(start, end, KpiSplit::kWeek, Shanghai());
    ASSERT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument) << start << ".." << end;
    const std::vector<rpc::FieldViolation> v = rpc::FieldViolationsOf(p.status());
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].field, "period.end");
  }
}

}  // namespace
}  // namespace huinong::tickets
