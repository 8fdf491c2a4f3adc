// Working hours are local wall-clock hours: in Europe/Berlin the day the
// clocks spring forward has 23 hours and the day they fall back has 25, and
// a period spanning the change is an hour shorter or longer.
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "common/calendar/tests/fixture_calendars.h"

namespace huinong::calendar {
namespace {

using testing::Build;
using testing::EightHourWeek;
using testing::Local;

// In 2026 Berlin springs forward on Sunday 29 March (02:00 CET → 03:00 CEST,
// 01:00 UTC) and falls back on Sunday 25 October (03:00 CEST → 02:00 CET,
// 01:00 UTC). Both Sundays are made working days, 01:00–04:00 local.
WorkCalendarSpec BerlinWeek(std::vector<MakeupDay> makeup_days) {
  WorkCalendarSpec spec;
  spec.time_zone = "Europe/Berlin";
  spec.weekday_hours = EightHourWeek();
  spec.makeup_days = std::move(makeup_days);
  return spec;
}

WorkCalendar Berlin() {
  return Build(BerlinWeek({{absl::CivilDay(2026, 3, 29), {{WallClock(1), WallClock(4)}}, "spring"},
                           {absl::CivilDay(2026, 10, 25), {{WallClock(1), WallClock(4)}}, "autumn"}}));
}

absl::Time Utc(int year, int month, int day, int hour, int minute = 0) {
  return absl::FromCivil(absl::CivilSecond(year, month, day, hour, minute, 0), absl::UTCTimeZone());
}

// The working windows of `day` as (start, end) instants.
using Windows = std::vector<std::pair<absl::Time, absl::Time>>;
Windows WindowsOf(const WorkCalendar& c, absl::CivilDay day) {
  std::vector<TimeSpan> spans;
  c.WindowsOn(day, &spans);
  Windows windows;
  for (const TimeSpan& s : spans) windows.emplace_back(s.start, s.end);
  return windows;
}

TEST(DaylightSaving, ThreeWallClockHoursOnTheSpringForwardSundayAreTwoHours) {
  const WorkCalendar c = Berlin();
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 29), Local(c, 2026, 3, 30)), absl::Hours(2));
  EXPECT_EQ(WindowsOf(c, absl::CivilDay(2026, 3, 29)), (Windows{{Utc(2026, 3, 29, 0), Utc(2026, 3, 29, 2)}}));
  // An hour and a half from 01:00 CET ends at 03:30 CEST.
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 29, 1), absl::Minutes(90)), Utc(2026, 3, 29, 1, 30));
}

TEST(DaylightSaving, ThreeWallClockHoursOnTheFallBackSundayAreFourHours) {
  const WorkCalendar c = Berlin();
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 10, 25), Local(c, 2026, 10, 26)), absl::Hours(4));
  EXPECT_EQ(WindowsOf(c, absl::CivilDay(2026, 10, 25)), (Windows{{Utc(2026, 10, 24, 23), Utc(2026, 10, 25, 3)}}));
}

TEST(DaylightSaving, AWeekendOfWorkAcrossTheChangeKeepsLocalHours) {
  const WorkCalendar c = Berlin();
  // Friday 16:00 CET + 4 h: 1 h on Friday, 2 h on Sunday, Monday 08:00–09:00 CEST.
  EXPECT_EQ(*c.AddWorkingTime(Local(c, 2026, 3, 27, 16), absl::Hours(4)), Utc(2026, 3, 30, 7));
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 30), Local(c, 2026, 3, 31)), absl::Hours(8));
  EXPECT_EQ(Local(c, 2026, 3, 30, 8), Utc(2026, 3, 30, 6));
}

TEST(DaylightSaving, APeriodTheClocksSkipIsNoWorkingTime) {
  const WorkCalendar c = Build(BerlinWeek(
      {{absl::CivilDay(2026, 3, 29), {{WallClock(2, 15), WallClock(2, 45)}, {WallClock(3), WallClock(4)}}, ""}}));
  EXPECT_EQ(WindowsOf(c, absl::CivilDay(2026, 3, 29)), (Windows{{Utc(2026, 3, 29, 1), Utc(2026, 3, 29, 2)}}));
  EXPECT_EQ(c.WorkingTimeBetween(Local(c, 2026, 3, 29), Local(c, 2026, 3, 30)), absl::Hours(1));
}

TEST(DaylightSaving, AWallClockTimeTheClocksRepeatIsItsFirstPass) {
  // 02:00–03:00 happens twice on 25 October: 00:00–01:00 UTC, then 01:00–02:00 UTC.
  const WorkCalendar c = Build(BerlinWeek(
      {{absl::CivilDay(2026, 10, 25), {{WallClock(0), WallClock(2, 30)}, {WallClock(2, 45), WallClock(3)}}, ""}}));
  EXPECT_EQ(WindowsOf(c, absl::CivilDay(2026, 10, 25)),
            (Windows{{Utc(2026, 10, 24, 22), Utc(2026, 10, 25, 0, 30)},
                     {Utc(2026, 10, 25, 0, 45), Utc(2026, 10, 25, 2)}}));
}

TEST(DaylightSaving, AroundTheClockTheDaysHave23And25Hours) {
  const WorkCalendar always = *WorkCalendar::AllDay("Europe/Berlin");
  EXPECT_EQ(always.EndOfDay(absl::CivilDay(2026, 3, 28)), Utc(2026, 3, 28, 23));
  EXPECT_EQ(always.EndOfDay(absl::CivilDay(2026, 3, 29)) - always.EndOfDay(absl::CivilDay(2026, 3, 28)),
            absl::Hours(23));
  EXPECT_EQ(always.WorkingTimeBetween(Local(always, 2026, 10, 25), Local(always, 2026, 10, 26)),
            absl::Hours(25));
  EXPECT_EQ(*always.AddWorkingTime(Local(always, 2026, 3, 28, 12), absl::Hours(24)), Utc(2026, 3, 29, 11));
}

TEST(DaylightSaving, AddWorkingTimeInvertsWorkingTimeBetweenAcrossBothChanges) {
  const WorkCalendar c = Berlin();
  const absl::Duration durations[] = {absl::Minutes(1), absl::Minutes(150), absl::Hours(9), absl::Hours(31)};
  int checked = 0;
  for (absl::CivilDay around : {absl::CivilDay(2026, 3, 26), absl::CivilDay(2026, 10, 22)}) {
    for (absl::Time s = Local(c, around.year(), around.month(), around.day());
         s < Local(c, around.year(), around.month(), around.day() + 6); s += absl::Minutes(53)) {
      for (absl::Duration d : durations) {
        const absl::Time t = *c.AddWorkingTime(s, d);
        ASSERT_EQ(c.WorkingTimeBetween(s, t), d) << absl::FormatTime(s) << " + " << d;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 4 * (162 + 165));
}

}  // namespace
}  // namespace huinong::calendar
