// Explicit fixture calendars for the calendar tests — invented dates, not the
// national schedule — each built to show one case, and a shorthand for a
// local wall-clock instant in a calendar's zone.
#pragma once

#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/calendar/work_calendar.h"

namespace huinong::calendar::testing {

// Mon–Fri 08:30–12:00 and 13:30–17:30: 7.5 working hours a day.
inline std::vector<WeekdayHours> OfficeWeek() {
  std::vector<WeekdayHours> week;
  for (absl::Weekday d : {absl::Weekday::monday, absl::Weekday::tuesday, absl::Weekday::wednesday,
                          absl::Weekday::thursday, absl::Weekday::friday}) {
    week.push_back({d, {{WallClock(8, 30), WallClock(12)}, {WallClock(13, 30), WallClock(17, 30)}}});
  }
  return week;
}

// Mon–Fri 08:00–12:00 and 13:00–17:00: 8 working hours a day.
inline std::vector<WeekdayHours> EightHourWeek() {
  std::vector<WeekdayHours> week;
  for (absl::Weekday d : {absl::Weekday::monday, absl::Weekday::tuesday, absl::Weekday::wednesday,
                          absl::Weekday::thursday, absl::Weekday::friday}) {
    week.push_back({d, {{WallClock(8), WallClock(12)}, {WallClock(13), WallClock(17)}}});
  }
  return week;
}

// Aborts on a bad fixture: that is a bug in the test, not a case under test.
inline WorkCalendar Build(WorkCalendarSpec spec) { return *WorkCalendar::Create(std::move(spec)); }

// The office week in Shanghai; Wednesday 2026-03-11 a holiday; Saturday
// 2026-03-07 a make-up day on Monday's hours.
inline WorkCalendar County() {
  WorkCalendarSpec spec;
  spec.weekday_hours = OfficeWeek();
  spec.holidays = {{absl::CivilDay(2026, 3, 11), "Fixture Day"}};
  spec.makeup_days = {{absl::CivilDay(2026, 3, 7), {}, "for Fixture Day"}};
  return Build(std::move(spec));
}

// The office week in Shanghai, no holidays and no make-up days.
inline WorkCalendar PlainWeek() {
  WorkCalendarSpec spec;
  spec.weekday_hours = OfficeWeek();
  return Build(std::move(spec));
}

// 2026-03-06 14:00 as wall-clock time in the calendar's zone.
inline absl::Time Local(const WorkCalendar& calendar, int year, int month, int day, int hour = 0,
                        int minute = 0) {
  return absl::FromCivil(absl::CivilSecond(year, month, day, hour, minute, 0), calendar.zone());
}

}  // namespace huinong::calendar::testing
