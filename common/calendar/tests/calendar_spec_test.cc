// The spec check: every problem named by the API field it sits in.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/calendar/tests/fixture_calendars.h"
#include "common/calendar/work_calendar_spec.h"

namespace huinong::calendar {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using testing::OfficeWeek;

WorkCalendarSpec Office() {
  WorkCalendarSpec spec;
  spec.weekday_hours = OfficeWeek();
  return spec;
}

std::vector<std::string> FieldsOf(const WorkCalendarSpec& spec) {
  std::vector<std::string> fields;
  for (const CalendarViolation& v : CalendarViolations(spec)) fields.push_back(v.field);
  return fields;
}

// Each violation as "field: description", in the order they are listed.
std::vector<std::string> Listed(const WorkCalendarSpec& spec) {
  std::vector<std::string> lines;
  for (const CalendarViolation& v : CalendarViolations(spec)) lines.push_back(v.field + ": " + v.description);
  return lines;
}

TEST(CalendarSpec, TheOfficeWeekInTheDefaultZoneIsValid) {
  WorkCalendarSpec spec = Office();
  EXPECT_EQ(spec.time_zone, "Asia/Shanghai");
  EXPECT_TRUE(CheckCalendarSpec(spec).ok());
  EXPECT_TRUE(WorkCalendar::Create(spec).ok());
}

TEST(CalendarSpec, AnUnknownOrEmptyZoneIsNamed) {
  WorkCalendarSpec spec = Office();
  spec.time_zone = "Asia/Shanghia";
  EXPECT_THAT(CalendarViolations(spec),
              ElementsAre(Field(&CalendarViolation::description,
                                "unknown time zone \"Asia/Shanghia\" (an IANA name such as Asia/Shanghai)")));
  EXPECT_THAT(FieldsOf(spec), ElementsAre("time_zone"));
  spec.time_zone = "";
  EXPECT_THAT(FieldsOf(spec), ElementsAre("time_zone"));
}

TEST(CalendarSpec, InvertedOutOfDayAndFractionalPeriodsAreNamedByIndex) {
  WorkCalendarSpec spec = Office();
  spec.weekday_hours[0].periods[1] = {WallClock(17, 30), WallClock(13, 30)};
  spec.weekday_hours[1].periods[0] = {WallClock(8), WallClock(25)};
  spec.weekday_hours[2].periods[0] = {WallClock(8) + absl::Milliseconds(500), WallClock(12)};
  spec.weekday_hours[3].periods[0] = {WallClock(9), WallClock(9)};
  EXPECT_THAT(Listed(spec),
              ElementsAre("weekday_hours[0].periods[1]: 17:30–13:30 ends before it starts (or is empty)",
                          "weekday_hours[1].periods[0]: 08:00–25:00 is not within 00:00–24:00",
                          "weekday_hours[2].periods[0]: start and end must be whole seconds",
                          "weekday_hours[3].periods[0]: 09:00–09:00 ends before it starts (or is empty)"));
}

TEST(CalendarSpec, OverlappingPeriodsNameBothWhateverTheirOrder) {
  WorkCalendarSpec spec = Office();
  spec.weekday_hours[4].periods = {{WallClock(13), WallClock(17)}, {WallClock(8), WallClock(13, 30)}};
  EXPECT_THAT(Listed(spec), ElementsAre("weekday_hours[4].periods[0]: 13:00–17:00 overlaps "
                                        "weekday_hours[4].periods[1] (08:00–13:30)"));
  // Touching periods do not overlap.
  spec.weekday_hours[4].periods = {{WallClock(13), WallClock(17)}, {WallClock(8), WallClock(13)}};
  EXPECT_TRUE(CalendarViolations(spec).empty());
}

TEST(CalendarSpec, AWeekdayListedTwiceAndAWeekWithoutWorkAreRefused) {
  WorkCalendarSpec spec = Office();
  spec.weekday_hours.push_back({absl::Weekday::tuesday, {{WallClock(9), WallClock(10)}}});
  EXPECT_THAT(Listed(spec), ElementsAre("weekday_hours[5].weekday: Tuesday is already weekday_hours[1]"));

  WorkCalendarSpec idle;
  idle.weekday_hours = {{absl::Weekday::monday, {}}};
  EXPECT_THAT(FieldsOf(idle), ElementsAre("weekday_hours"));
}

TEST(CalendarSpec, HolidaysNeedADistinctDateAndAName) {
  WorkCalendarSpec spec = Office();
  spec.holidays = {{absl::CivilDay(2026, 10, 1), "National Day"},
                   {absl::CivilDay(2026, 10, 2), ""},
                   {absl::CivilDay(2026, 10, 1), "again"}};
  EXPECT_THAT(Listed(spec), ElementsAre("holidays[1].name: a holiday needs a name",
                                        "holidays[2].day: 2026-10-01 is already holidays[0]"));
}

TEST(CalendarSpec, AMakeupDayMustBeARestDayThatIsNotAlsoAHoliday) {
  WorkCalendarSpec spec = Office();
  spec.holidays = {{absl::CivilDay(2026, 10, 10), "Fixture Day"}};
  spec.makeup_days = {{absl::CivilDay(2026, 10, 10), {}, ""},   // a Saturday, but a holiday
                      {absl::CivilDay(2026, 3, 4), {}, ""},     // a Wednesday
                      {absl::CivilDay(2026, 3, 7), {}, "ok"},   // a Saturday
                      {absl::CivilDay(2026, 3, 7), {}, "twice"}};
  EXPECT_THAT(Listed(spec),
              ElementsAre("makeup_days[0].day: 2026-10-10 is also holidays[0]; a date either rests or is made up",
                          "makeup_days[1].day: 2026-03-04 is a Wednesday, already a working day",
                          "makeup_days[3].day: 2026-03-07 is already makeup_days[2]"));
}

TEST(CalendarSpec, AMakeupDayWithoutHoursNeedsAWorkingMonday) {
  WorkCalendarSpec spec;
  spec.weekday_hours = {{absl::Weekday::tuesday, {{WallClock(9), WallClock(17)}}}};
  spec.makeup_days = {{absl::CivilDay(2026, 3, 7), {}, ""},
                      {absl::CivilDay(2026, 3, 8), {{WallClock(10), WallClock(9)}}, ""}};
  EXPECT_THAT(FieldsOf(spec), ElementsAre("makeup_days[0].periods", "makeup_days[1].periods[0]"));
}

TEST(CalendarSpec, AnAllDayCalendarListsNoHoursHolidaysOrMakeupDays) {
  WorkCalendarSpec spec = Office();
  spec.all_day = true;
  spec.holidays = {{absl::CivilDay(2026, 10, 1), "National Day"}};
  spec.makeup_days = {{absl::CivilDay(2026, 3, 7), {}, ""}};
  EXPECT_THAT(FieldsOf(spec), ElementsAre("weekday_hours", "holidays", "makeup_days"));
  WorkCalendarSpec bare;
  bare.all_day = true;
  EXPECT_TRUE(CalendarViolations(bare).empty());
}

TEST(CalendarSpec, CreateRefusesWithInvalidArgumentNamingEveryField) {
  WorkCalendarSpec spec = Office();
  spec.time_zone = "Mars/Olympus";
  spec.holidays = {{absl::CivilDay(2026, 10, 1), ""}};
  absl::StatusOr<WorkCalendar> calendar = WorkCalendar::Create(spec);
  ASSERT_FALSE(calendar.ok());
  EXPECT_EQ(calendar.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(calendar.status().message(),
            "invalid work calendar: time_zone: unknown time zone \"Mars/Olympus\" (an IANA name such as "
            "Asia/Shanghai); holidays[0].name: a holiday needs a name");
  EXPECT_EQ(calendar.status(), CheckCalendarSpec(spec));
}

TEST(CalendarSpec, ClockTextShowsSecondsOnlyWhenSet) {
  EXPECT_EQ(ClockText(WallClock(8, 30)), "08:30");
  EXPECT_EQ(ClockText(WallClock(24)), "24:00");
  EXPECT_EQ(ClockText(WallClock(7, 5, 9)), "07:05:09");
}

TEST(CalendarSpec, ParseClockTextReadsWhatClockTextWritesAndNothingElse) {
  EXPECT_EQ(ParseClockText("08:30"), WallClock(8, 30));
  EXPECT_EQ(ParseClockText("07:05:09"), WallClock(7, 5, 9));
  EXPECT_EQ(ParseClockText("24:00"), WallClock(24));
  EXPECT_EQ(ParseClockText("00:00"), absl::ZeroDuration());
  for (absl::Duration d : {WallClock(8, 30), WallClock(13, 30), WallClock(23, 59, 59), WallClock(24)}) {
    EXPECT_EQ(ParseClockText(ClockText(d)), d) << ClockText(d);
  }
  for (const char* bad : {"", "8:30", "08:3", "08-30", "24:01", "24:00:01", "25:00", "08:60", "08:30:60",
                          "08:30:", "0830", "ab:cd", "08:30:1x", " 08:30"}) {
    EXPECT_EQ(ParseClockText(bad), std::nullopt) << '"' << bad << '"';
  }
}

}  // namespace
}  // namespace huinong::calendar
