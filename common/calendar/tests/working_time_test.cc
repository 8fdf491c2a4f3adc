// The time rules in Asia/Shanghai: working time between instants with pauses,
// the instant a working time elapses, and that one inverts the other.
#include <vector>

#include <gtest/gtest.h>

#include "common/calendar/tests/fixture_calendars.h"

namespace huinong::calendar {
namespace {

using testing::Build;
using testing::County;
using testing::EightHourWeek;
using testing::Local;
using testing::PlainWeek;

absl::Duration H(double hours) { return absl::Hours(hours); }

TEST(WorkingTime, TheLunchBreakDoesNotCount) {
  const WorkCalendar c = County();
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 2, 11), Local(c, 2026, 3, 2, 14)), H(1.5));
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 2), Local(c, 2026, 3, 3)), H(7.5));
}

TEST(WorkingTime, NightsWeekendsAndHolidaysDoNotCount) {
  const WorkCalendar c = County();
  // Monday 16:00 → Tuesday 10:00: 1.5 h + 1.5 h.
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 2, 16), Local(c, 2026, 3, 3, 10)), H(3));
  // Friday 16:00 → Monday 09:30 over an ordinary weekend: 1.5 h + 1 h.
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 13, 16), Local(c, 2026, 3, 16, 9, 30)), H(2.5));
  // The holiday Wednesday: nothing.
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 11), Local(c, 2026, 3, 12)), absl::ZeroDuration());
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 12, 10), Local(c, 2026, 3, 12, 9)), absl::ZeroDuration());
}

TEST(WorkingTime, AMakeupDayWorksAMondaysHours) {
  const WorkCalendar c = County();
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 7, 8), Local(c, 2026, 3, 7, 18)), H(7.5));
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 8), Local(c, 2026, 3, 9)), absl::ZeroDuration());
  // Friday 17:00 → Monday 09:00 across the make-up Saturday: 0.5 + 7.5 + 0.5.
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 6, 17), Local(c, 2026, 3, 9, 9)), H(8.5));
}

TEST(WorkingTime, OverlappingPausesCountEachSecondOnce) {
  const WorkCalendar c = County();
  const std::vector<TimeSpan> pauses = {{Local(c, 2026, 3, 2, 9), Local(c, 2026, 3, 2, 10)},
                                        {Local(c, 2026, 3, 2, 16), Local(c, 2026, 3, 2, 18)},
                                        {Local(c, 2026, 3, 2, 9, 30), Local(c, 2026, 3, 2, 11)}};
  // 7.5 h minus 09:00–11:00 and 16:00–17:30.
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 2), Local(c, 2026, 3, 3), pauses), H(4));
  // A range starting inside a pause.
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 2, 10), Local(c, 2026, 3, 2, 12), pauses), H(1));
}

TEST(WorkingTime, APauseOutsideWorkingHoursHasNoEffect) {
  const WorkCalendar c = County();
  const std::vector<TimeSpan> pauses = {{Local(c, 2026, 3, 2, 12), Local(c, 2026, 3, 2, 13, 30)},
                                        {Local(c, 2026, 3, 2, 20), Local(c, 2026, 3, 2, 22)},
                                        {Local(c, 2026, 3, 11, 8), Local(c, 2026, 3, 11, 18)},
                                        {Local(c, 2026, 3, 2, 15), Local(c, 2026, 3, 2, 14)}};  // empty
  // Eight working days: Mon 2 to Sat 7 (made up), Mon 9, Tue 10; Wed 11 rests.
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 2), Local(c, 2026, 3, 12), pauses), H(7.5 * 8));
}

TEST(WorkingTime, AnOpenEndedPauseBoundsTheRange) {
  const WorkCalendar c = County();
  const std::vector<TimeSpan> waiting = {{Local(c, 2026, 3, 2, 10), absl::InfiniteFuture()}};
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 2, 9), absl::InfiniteFuture(), waiting), H(1));
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 2, 9), absl::InfiniteFuture()), absl::InfiniteDuration());
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 2, 9), H(2), waiting), absl::InfiniteFuture());
}

TEST(WorkingTime, OneYearIsItsWeekdaysTimesTheirHours) {
  // 2026 has 261 weekdays (52 weeks and a Thursday).
  const WorkCalendar c = PlainWeek();
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 1, 1), Local(c, 2027, 1, 1)), H(261 * 7.5));
}

TEST(AddWorkingTime, RollsOverLunchNightAndHoliday) {
  const WorkCalendar c = County();
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 2, 11), H(2)), Local(c, 2026, 3, 2, 14, 30));
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 2, 17), H(1)), Local(c, 2026, 3, 3, 9));
  // Tuesday 17:00 + 1 h: half an hour, the holiday Wednesday, Thursday 09:00.
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 10, 17), H(1)), Local(c, 2026, 3, 12, 9));
}

TEST(AddWorkingTime, OutsideHoursTheClockStartsAtTheNextWorkingMoment) {
  const WorkCalendar c = County();
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 1, 20), H(1)), Local(c, 2026, 3, 2, 9, 30));  // Sunday
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 2, 12, 15), H(0.5)), Local(c, 2026, 3, 2, 14));
  // Inside a pause: the clock starts when the pause ends.
  const std::vector<TimeSpan> pause = {{Local(c, 2026, 3, 2, 8), Local(c, 2026, 3, 2, 10)}};
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 2, 9), H(1), pause), Local(c, 2026, 3, 2, 11));
}

TEST(AddWorkingTime, ADeadlineAtTheEndOfAPeriodIsThatEndAndZeroIsTheStart) {
  const WorkCalendar c = County();
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 2, 8, 30), H(7.5)), Local(c, 2026, 3, 2, 17, 30));
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 2, 8, 30), H(3.5)), Local(c, 2026, 3, 2, 12));
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 1, 20), absl::ZeroDuration()), Local(c, 2026, 3, 1, 20));
  EXPECT_EQ(c.AddWorkingTime(Local(c, 2026, 3, 2), H(-1)).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(c.AddWorkingTime(absl::InfinitePast(), H(1)).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(AddWorkingTime, AYearLongPauseIsSkippedWhole) {
  const WorkCalendar c = PlainWeek();
  const std::vector<TimeSpan> pause = {{Local(c, 2026, 3, 2, 10), Local(c, 2036, 3, 3, 10)}};  // a Monday
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 2, 9), H(2), pause), Local(c, 2036, 3, 3, 11));
}

TEST(AddWorkingTime, FortyEightHoursAroundTheClockAgainstFortyEightWorkingHours) {
  const WorkCalendar always = *WorkCalendar::AllDay();
  WorkCalendarSpec eight_hours;
  eight_hours.weekday_hours = EightHourWeek();
  const WorkCalendar office = Build(eight_hours);
  const absl::Time monday = Local(office, 2026, 3, 2, 8);
  EXPECT_EQ(*always.AddWorkingTime(monday, H(48)), Local(office, 2026, 3, 4, 8));
  // Six working days of 8 h: Monday to Friday, then the next Monday.
  EXPECT_EQ(*office.AddWorkingTime(monday, H(48)), Local(office, 2026, 3, 9, 17));
  EXPECT_EQ(office.WorkingTimeBetween(monday, Local(office, 2026, 3, 9, 17)), H(48));
  // 24×7 with a pause: wall time minus the pause.
  const std::vector<TimeSpan> pause = {{Local(office, 2026, 3, 3, 0), Local(office, 2026, 3, 3, 6)}};
  EXPECT_EQ(always.WorkingTimeBetween(monday, Local(office, 2026, 3, 4, 8), pause), H(42));
  EXPECT_EQ(*always.AddWorkingTime(monday, H(48), pause), Local(office, 2026, 3, 4, 14));
}

TEST(AddWorkingTime, IsTheInverseOfWorkingTimeBetween) {
  const WorkCalendar c = County();
  const std::vector<TimeSpan> pauses = {{Local(c, 2026, 3, 3, 9), Local(c, 2026, 3, 3, 15)},
                                        {Local(c, 2026, 3, 3, 14), Local(c, 2026, 3, 4, 10)},
                                        {Local(c, 2026, 3, 9, 12), Local(c, 2026, 3, 10, 8)}};
  const absl::Duration durations[] = {absl::ZeroDuration(), absl::Seconds(1), absl::Minutes(17), H(3.5),
                                      H(7.5), H(40), H(200)};
  int checked = 0;
  for (absl::Time s = Local(c, 2026, 3, 1, 0, 7); s < Local(c, 2026, 3, 15); s += absl::Minutes(97)) {
    for (absl::Duration d : durations) {
      const absl::Time t = *c.AddWorkingTime(s, d, pauses);
      ASSERT_EQ(c.WorkingTimeBetween(s, t, pauses), d) << absl::FormatTime(s) << " + " << d;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 7 * 208);
}

TEST(NextWorkingInstant, InsideHoursItIsTheInstantOutsideTheNextPeriodsStart) {
  const WorkCalendar c = County();
  // Inside the hours, and at a period's very start: the instant itself.
  EXPECT_EQ(c.NextWorkingInstant(Local(c, 2026, 3, 2, 10)), Local(c, 2026, 3, 2, 10));
  EXPECT_EQ(c.NextWorkingInstant(Local(c, 2026, 3, 2, 8, 30)), Local(c, 2026, 3, 2, 8, 30));
  // Lunch: the afternoon; the end of a period belongs to the next one.
  EXPECT_EQ(c.NextWorkingInstant(Local(c, 2026, 3, 2, 12)), Local(c, 2026, 3, 2, 13, 30));
  // Tuesday evening before the Wednesday holiday: Thursday morning.
  EXPECT_EQ(c.NextWorkingInstant(Local(c, 2026, 3, 10, 17, 30)), Local(c, 2026, 3, 12, 8, 30));
  // Friday night before the make-up Saturday: Saturday morning.
  EXPECT_EQ(c.NextWorkingInstant(Local(c, 2026, 3, 6, 23)), Local(c, 2026, 3, 7, 8, 30));
  // Sunday 23:00: Monday morning.
  EXPECT_EQ(c.NextWorkingInstant(Local(c, 2026, 3, 8, 23)), Local(c, 2026, 3, 9, 8, 30));
  // Around the clock every instant works.
  const WorkCalendar all_day = *WorkCalendar::AllDay();
  EXPECT_EQ(all_day.NextWorkingInstant(Local(c, 2026, 3, 8, 23)), Local(c, 2026, 3, 8, 23));
  EXPECT_EQ(c.NextWorkingInstant(absl::InfiniteFuture()), absl::InfiniteFuture());
}

}  // namespace
}  // namespace huinong::calendar
