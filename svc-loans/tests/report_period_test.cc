// The report's period (domain/report_period.h): months and quarters, their
// first and last days, the instant they end in the county's time zone, and
// the refusal of a period that has not ended or is malformed.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/report_period.h"

namespace huinong::loans {
namespace {

const absl::CivilDay kToday(2026, 12, 3);

TEST(ReportPeriod, AMonthRunsFromItsFirstToItsLastDay) {
  const absl::StatusOr<ReportPeriod> october = MonthPeriod("2026-10", kToday);
  ASSERT_TRUE(october.ok()) << october.status();
  EXPECT_EQ(october->kind, PeriodKind::kMonth);
  EXPECT_EQ(october->label, "2026-10");
  EXPECT_EQ(october->first_day, absl::CivilDay(2026, 10, 1));
  EXPECT_EQ(october->last_day, absl::CivilDay(2026, 10, 31));
  EXPECT_EQ(MonthPeriod("2024-02", kToday)->last_day, absl::CivilDay(2024, 2, 29));  // leap year
  EXPECT_EQ(MonthPeriod("2026-02", kToday)->last_day, absl::CivilDay(2026, 2, 28));
}

TEST(ReportPeriod, AQuarterIsItsThreeMonths) {
  const absl::StatusOr<ReportPeriod> q3 = QuarterPeriod("2026Q3", kToday);
  ASSERT_TRUE(q3.ok()) << q3.status();
  EXPECT_EQ(q3->kind, PeriodKind::kQuarter);
  EXPECT_EQ(q3->first_day, absl::CivilDay(2026, 7, 1));
  EXPECT_EQ(q3->last_day, absl::CivilDay(2026, 9, 30));
  const std::vector<ReportPeriod> months = MonthsOf(*q3);
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].label, "2026-07");
  EXPECT_EQ(months[0].first_day, q3->first_day);
  EXPECT_EQ(months[1].label, "2026-08");
  EXPECT_EQ(months[2].label, "2026-09");
  EXPECT_EQ(months[2].last_day, q3->last_day);
  EXPECT_EQ(months[1].first_day, months[0].last_day + 1);
  EXPECT_EQ(QuarterPeriod("2025Q4", kToday)->last_day, absl::CivilDay(2025, 12, 31));
  EXPECT_EQ(QuarterPeriod("2026q1", kToday)->label, "2026Q1");
}

TEST(ReportPeriod, TheJobReportsOnTheMonthAndQuarterEndingOnTheDateItCloses) {
  EXPECT_TRUE(PeriodsEndingOn(absl::CivilDay(2026, 10, 30)).empty());
  EXPECT_TRUE(PeriodsEndingOn(absl::CivilDay(2024, 2, 28)).empty());  // 29 February follows
  std::vector<ReportPeriod> ending = PeriodsEndingOn(absl::CivilDay(2026, 10, 31));
  ASSERT_EQ(ending.size(), 1u);
  EXPECT_EQ(ending[0], *MonthPeriod("2026-10", kToday));
  ending = PeriodsEndingOn(absl::CivilDay(2024, 2, 29));
  ASSERT_EQ(ending.size(), 1u);
  EXPECT_EQ(ending[0].label, "2024-02");
  ending = PeriodsEndingOn(absl::CivilDay(2026, 9, 30));
  ASSERT_EQ(ending.size(), 2u);
  EXPECT_EQ(ending[0], *MonthPeriod("2026-09", kToday));
  EXPECT_EQ(ending[1], *QuarterPeriod("2026Q3", kToday));
  ending = PeriodsEndingOn(absl::CivilDay(2025, 12, 31));
  ASSERT_EQ(ending.size(), 2u);
  EXPECT_EQ(ending[1], *QuarterPeriod("2025Q4", kToday));
}

TEST(ReportPeriod, OnlyAPeriodThatHasEndedIsReported) {
  // November 2026 ends on the 30th; today is 3 December: ended.
  EXPECT_TRUE(MonthPeriod("2026-11", kToday).ok());
  // On its last day it has not.
  EXPECT_EQ(MonthPeriod("2026-11", absl::CivilDay(2026, 11, 30)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(MonthPeriod("2026-11", absl::CivilDay(2026, 12, 1)).ok());
  EXPECT_EQ(MonthPeriod("2026-12", kToday).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(QuarterPeriod("2026Q4", kToday).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(QuarterPeriod("2026Q3", kToday).ok());
  EXPECT_NE(MonthPeriod("2027-01", kToday).status().message().find("has not ended"), absl::string_view::npos);
}

TEST(ReportPeriod, MalformedPeriodsAreRefused) {
  for (const char* text : {"", "2026-1", "2026-13", "2026-00", "26-10", "2026/10", "2026-10-01", "abcd-10", "1999-12",
                           "2026-1a"}) {
    EXPECT_EQ(MonthPeriod(text, kToday).status().code(), absl::StatusCode::kInvalidArgument) << text;
  }
  for (const char* text : {"", "2026Q0", "2026Q5", "2026-Q3", "2026Q", "2026Q33", "Q3-2026", "2026H2"}) {
    EXPECT_EQ(QuarterPeriod(text, kToday).status().code(), absl::StatusCode::kInvalidArgument) << text;
  }
}

TEST(ReportPeriod, APeriodEndsAtMidnightInTheCountysTimeZone) {
  const absl::TimeZone shanghai = absl::FixedTimeZone(8 * 3600);
  const ReportPeriod october = *MonthPeriod("2026-10", kToday);
  // 2026-11-01 00:00 Beijing time is 2026-10-31 16:00 UTC.
  EXPECT_EQ(PeriodEnd(october, shanghai), absl::FromCivil(absl::CivilSecond(2026, 10, 31, 16, 0, 0), absl::UTCTimeZone()));
  EXPECT_EQ(PeriodStart(october, shanghai), absl::FromCivil(absl::CivilSecond(2026, 9, 30, 16, 0, 0), absl::UTCTimeZone()));
}

}  // namespace
}  // namespace huinong::loans
