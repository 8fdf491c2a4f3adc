// The day rules: which days work, and "within N working days of arrival" —
// the end of the N-th working day after the arrival day, which never counts.
#include <gtest/gtest.h>

#include "common/calendar/tests/fixture_calendars.h"

namespace huinong::calendar {
namespace {

using testing::County;
using testing::Local;
using testing::PlainWeek;

using Day = absl::CivilDay;

TEST(WorkingDays, AHolidayRestsOnAWeekdayAndAMakeupDayWorksOnASaturday) {
  const WorkCalendar county = County();
  EXPECT_TRUE(county.IsWorkingDay(Day(2026, 3, 10)));   // Tuesday
  EXPECT_FALSE(county.IsWorkingDay(Day(2026, 3, 11)));  // Wednesday, the holiday
  EXPECT_TRUE(county.IsWorkingDay(Day(2026, 3, 7)));    // Saturday, made up
  EXPECT_FALSE(county.IsWorkingDay(Day(2026, 3, 8)));   // Sunday
  EXPECT_FALSE(county.IsWorkingDay(Day(2026, 3, 14)));  // an ordinary Saturday
  // The make-up Saturday works a Monday's hours.
  ASSERT_EQ(county.HoursOn(Day(2026, 3, 7)).size(), 2u);
  EXPECT_EQ(county.HoursOn(Day(2026, 3, 7))[1].end, WallClock(17, 30));
}

TEST(WorkingDays, TwoWorkingDaysFromFridayEndWithTuesday) {
  const WorkCalendar plain = PlainWeek();
  EXPECT_EQ(*plain.AddWorkingDays(Day(2026, 3, 6), 2), Day(2026, 3, 10));
  // Arrival Friday 16:00; overdue from Wednesday 00:00 Beijing time.
  EXPECT_EQ(*plain.WorkingDaysDeadline(Local(plain, 2026, 3, 6, 16), 2), Local(plain, 2026, 3, 11));
  EXPECT_EQ(*plain.WorkingDaysDeadline(Local(plain, 2026, 3, 6, 16), 2),
            absl::FromCivil(absl::CivilSecond(2026, 3, 10, 16, 0, 0), absl::UTCTimeZone()));
}

TEST(WorkingDays, AWednesdayHolidayPushesTheDeadlineOneDay) {
  EXPECT_EQ(*PlainWeek().AddWorkingDays(Day(2026, 3, 10), 2), Day(2026, 3, 12));
  EXPECT_EQ(*County().AddWorkingDays(Day(2026, 3, 10), 2), Day(2026, 3, 13));
}

TEST(WorkingDays, AMakeupSaturdayCountsAsAWorkingDay) {
  const WorkCalendar county = County();
  EXPECT_EQ(*county.AddWorkingDays(Day(2026, 3, 6), 2), Day(2026, 3, 9));  // Sat 7, Mon 9
  EXPECT_EQ(*county.AddWorkingDays(Day(2026, 3, 6), 1), Day(2026, 3, 7));
}

TEST(WorkingDays, ArrivalOnAHolidayOrAWeekendIsNotCounted) {
  const WorkCalendar county = County();
  EXPECT_EQ(*county.AddWorkingDays(Day(2026, 3, 11), 2), Day(2026, 3, 13));  // holiday → Thu, Fri
  EXPECT_EQ(*county.AddWorkingDays(Day(2026, 3, 14), 2), Day(2026, 3, 17));  // Saturday → Mon, Tue
  EXPECT_EQ(*county.AddWorkingDays(Day(2026, 3, 15), 2), Day(2026, 3, 17));  // Sunday → Mon, Tue
  // Arrival on a working day: that day does not count either.
  EXPECT_EQ(*county.AddWorkingDays(Day(2026, 3, 12), 2), Day(2026, 3, 16));  // Thu → Fri, Mon
}

TEST(WorkingDays, ArrivalLateInTheLocalDayIsThatLocalDay) {
  const WorkCalendar plain = PlainWeek();
  // Monday 23:30 Beijing is still Monday 15:30 UTC; Tuesday 00:30 Beijing is Monday 16:30 UTC.
  EXPECT_EQ(*plain.WorkingDaysDeadline(Local(plain, 2026, 3, 2, 23, 30), 1), Local(plain, 2026, 3, 4));
  EXPECT_EQ(*plain.WorkingDaysDeadline(Local(plain, 2026, 3, 3, 0, 30), 1), Local(plain, 2026, 3, 5));
}

TEST(WorkingDays, NextZeroAndNegative) {
  const WorkCalendar county = County();
  EXPECT_EQ(county.NextWorkingDay(Day(2026, 3, 6)), Day(2026, 3, 7));
  EXPECT_EQ(county.NextWorkingDay(Day(2026, 3, 10)), Day(2026, 3, 12));
  EXPECT_EQ(*county.AddWorkingDays(Day(2026, 3, 8), 0), Day(2026, 3, 8));
  absl::StatusOr<Day> back = county.AddWorkingDays(Day(2026, 3, 8), -1);
  EXPECT_EQ(back.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(back.status().message(), "working days must not be negative (got -1)");
}

TEST(WorkingDays, BetweenCountsTheHalfOpenRangeAfterTheFirstDay) {
  const WorkCalendar county = County();
  // (Fri 6, Fri 13]: Sat 7, Mon 9, Tue 10, Thu 12, Fri 13.
  EXPECT_EQ(county.WorkingDaysBetween(Day(2026, 3, 6), Day(2026, 3, 13)), 5);
  EXPECT_EQ(county.WorkingDaysBetween(Day(2026, 3, 13), Day(2026, 3, 6)), -5);
  EXPECT_EQ(county.WorkingDaysBetween(Day(2026, 3, 6), Day(2026, 3, 6)), 0);
  for (int n = 0; n <= 12; ++n) {
    EXPECT_EQ(county.WorkingDaysBetween(Day(2026, 3, 5), *county.AddWorkingDays(Day(2026, 3, 5), n)), n);
  }
}

TEST(WorkingDays, TenYearsOfWorkingDaysIsDayArithmetic) {
  // 2,500 working days of a five-day week are exactly 500 weeks.
  const WorkCalendar plain = PlainWeek();
  const Day far = *plain.AddWorkingDays(Day(2026, 1, 1), 2500);
  EXPECT_EQ(far, Day(2035, 8, 2));
  EXPECT_EQ(plain.WorkingDaysBetween(Day(2026, 1, 1), far), 2500);
}

TEST(WorkingDays, EveryDayOfTheAllDayCalendarWorks) {
  const WorkCalendar always = *WorkCalendar::AllDay();
  EXPECT_TRUE(always.IsWorkingDay(Day(2026, 3, 8)));
  EXPECT_EQ(*always.AddWorkingDays(Day(2026, 3, 6), 2), Day(2026, 3, 8));
  EXPECT_EQ(always.zone_name(), "Asia/Shanghai");
}

}  // namespace
}  // namespace huinong::calendar
