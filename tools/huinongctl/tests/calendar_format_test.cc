// The calendar file (its conveniences and its errors), the demo's 2026
// calendar as embedded, and how a calendar, its versions and a deadline
// look to a person.
#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/calendar_format.h"
#include "tools/huinongctl/src/demo_plan.h"
#include "tools/huinongctl/src/org_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;
using ::testing::HasSubstr;

TEST(CalendarFile, ReadsDatesAsTextWeekdayNamesAndIgnoresAbout) {
  absl::StatusOr<v1::WorkCalendarVersion> v = ParseCalendarFile(R"({
      "about": {"source": "test"},
      "effective_from": "2026-01-01",
      "weekday_hours": [{"weekday": "Monday", "periods": [{"start": "08:30", "end": "12:00"}]},
                        {"weekday": "DAY_OF_WEEK_TUESDAY", "periods": []},
                        {"weekday": "wednesday"}],
      "holidays": [{"day": "2026-10-01", "name": "国庆节"}],
      "makeupDays": [{"day": {"year": 2026, "month": 10, "day": 10}}]
    })");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(DateText(v->effective_from()), "2026-01-01");
  ASSERT_EQ(v->weekday_hours_size(), 3);
  EXPECT_EQ(v->weekday_hours(0).weekday(), v1::DAY_OF_WEEK_MONDAY);
  EXPECT_EQ(v->weekday_hours(0).periods(0).end(), "12:00");
  EXPECT_EQ(v->weekday_hours(1).weekday(), v1::DAY_OF_WEEK_TUESDAY);
  EXPECT_EQ(v->weekday_hours(2).weekday(), v1::DAY_OF_WEEK_WEDNESDAY);
  EXPECT_EQ(DateText(v->holidays(0).day()), "2026-10-01");
  EXPECT_EQ(DateText(v->makeup_days(0).day()), "2026-10-10");
  EXPECT_TRUE(v->time_zone().empty());  // the server fills in Asia/Shanghai
}

TEST(CalendarFile, RefusesWhatIsNotACalendarVersion) {
  EXPECT_FALSE(ParseCalendarFile("[]").ok());
  EXPECT_FALSE(ParseCalendarFile("{").ok());
  EXPECT_FALSE(ParseCalendarFile(R"({"holiday": []})").ok());                         // unknown field
  EXPECT_FALSE(ParseCalendarFile(R"({"effective_from": "2026-02-30"})").ok());         // no such day
  EXPECT_FALSE(ParseCalendarFile(R"({"weekday_hours": [{"weekday": "Funday"}]})").ok());
}

TEST(CalendarFile, TheDemoCalendarIsTheStateCouncils2026ScheduleOnWeekdayHours) {
  absl::StatusOr<v1::WorkCalendarVersion> v = ParseCalendarFile(DemoCalendarJson());
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(DateText(v->effective_from()), "2026-01-01");
  EXPECT_EQ(v->time_zone(), "Asia/Shanghai");
  ASSERT_EQ(v->weekday_hours_size(), 5);
  for (const v1::WeekdayHours& w : v->weekday_hours()) {
    ASSERT_EQ(w.periods_size(), 2);
    EXPECT_EQ(w.periods(0).start() + "-" + w.periods(0).end() + " " + w.periods(1).start() + "-" + w.periods(1).end(),
              "08:30-12:00 13:30-17:30");
  }
  std::set<std::string> holidays;
  for (const v1::Holiday& h : v->holidays()) holidays.insert(DateText(h.day()) + " " + h.name());
  EXPECT_EQ(holidays.size(), 33u);
  for (const char* day : {"2026-01-03 元旦", "2026-02-15 春节", "2026-02-23 春节", "2026-04-06 清明节",
                          "2026-05-05 劳动节", "2026-06-19 端午节", "2026-09-27 中秋节", "2026-10-07 国庆节"}) {
    EXPECT_TRUE(holidays.contains(day)) << day;
  }
  std::vector<std::string> makeup;
  for (const v1::MakeupDay& m : v->makeup_days()) makeup.push_back(DateText(m.day()));
  EXPECT_THAT(makeup, ::testing::ElementsAre("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                                             "2026-10-10"));
}

TEST(CalendarText, ShowsTheVersionWithGroupedWeekdaysHolidaysAndMakeupDays) {
  v1::WorkCalendar c;
  c.set_name("workCalendars/C001");
  c.set_unit("units/U001");
  c.set_display_name("县中心工作日历");
  c.set_etag("2");
  *c.mutable_version() = *ParseCalendarFile(R"({
      "effective_from": "2026-01-01", "time_zone": "Asia/Shanghai",
      "weekday_hours": [
        {"weekday": "Tuesday", "periods": [{"start": "08:30", "end": "12:00"}]},
        {"weekday": "Monday", "periods": [{"start": "08:30", "end": "12:00"}]},
        {"weekday": "Saturday", "periods": [{"start": "09:00", "end": "11:00"}]}],
      "holidays": [{"day": "2026-10-01", "name": "国庆节"}],
      "makeup_days": [{"day": "2026-10-10", "name": "调休上班"},
                      {"day": "2026-10-11", "periods": [{"start": "09:00", "end": "12:00"}]}]})");
  EXPECT_EQ(CalendarDetail(c),
            "calendar     县中心工作日历  workCalendars/C001\n"
            "unit         units/U001\n"
            "etag         2\n"
            "from         2026-01-01\n"
            "time zone    Asia/Shanghai\n"
            "hours        Mon–Tue 08:30–12:00; Sat 09:00–11:00\n"
            "holiday      2026-10-01  国庆节\n"
            "make-up day  2026-10-10  Monday's hours  调休上班\n"
            "make-up day  2026-10-11  09:00–12:00\n");
  c.clear_version();
  EXPECT_THAT(CalendarDetail(c), HasSubstr("version   none in force on that day\n"));

  v1::WorkCalendarVersion all_day;
  *all_day.mutable_effective_from() = *ParseDate("2027-01-01");
  all_day.set_time_zone("Asia/Shanghai");
  all_day.set_all_day(true);
  EXPECT_EQ(CalendarVersionsTable({all_day}).Render(),
            "FROM        ZONE           HOURS  HOLIDAYS  MAKEUP DAYS\n"
            "2027-01-01  Asia/Shanghai  24×7   0         0\n");
}

TEST(CalendarText, ShowsTheDeadlineInUtcWithTheDaysAndTheVersionUsed) {
  v1::ComputeWorkingDeadlineResponse d;
  d.mutable_deadline_time()->set_seconds(1771948800);  // 2026-02-24T16:00:00Z
  *d.mutable_due_day() = *ParseDate("2026-02-24");
  *d.mutable_arrival_day() = *ParseDate("2026-02-13");
  d.set_calendar("workCalendars/C001");
  *d.mutable_version_effective_from() = *ParseDate("2026-01-01");
  EXPECT_EQ(DeadlineText(d),
            "deadline  2026-02-24T16:00:00Z\n"
            "due by    the end of 2026-02-24\n"
            "arrived   2026-02-13\n"
            "calendar  workCalendars/C001\n"
            "version   from 2026-01-01\n");
}

}  // namespace
}  // namespace huinong::ctl
