// What a work calendar is made of — as svc-org stores it and the API sends
// it — and the one check that it makes sense.
//
// A calendar says, for one organisation (the county), which days are worked
// and during which wall-clock hours: working hours per weekday, public
// holidays (a weekday that rests), make-up working days (调休: a rest day of
// the week that is worked in exchange for a holiday), all in one IANA time
// zone (default Asia/Shanghai). A calendar flagged `all_day` is the 24×7
// calendar: every instant is working time and it lists no hours, holidays or
// make-up days. The arithmetic on a calendar is WorkCalendar
// (work_calendar.h); this file is only the data and its rules.
//
// The fields carry the API's names (`time_zone`, `all_day`, `weekday_hours`,
// `holidays`, `makeup_days`) so a violation names the field the caller sent,
// e.g. "weekday_hours[1].periods[0]" or "makeup_days[2].day".
//
// Guarantees: CalendarViolations lists every problem at once, in field order;
// CheckCalendarSpec is OK exactly when that list is empty and otherwise
// INVALID_ARGUMENT whose message names every offending field. A spec that
// passes has at least one working weekday (so "the next working day" always
// exists), periods inside [00:00, 24:00] in whole seconds that neither invert
// nor overlap, no date listed twice, and no date both a holiday and a
// make-up day.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace huinong::calendar {

inline constexpr absl::string_view kDefaultCalendarZone = "Asia/Shanghai";

// Wall-clock time of day as an offset from local midnight: WallClock(8, 30)
// is 08:30, WallClock(24) the end of the day.
inline absl::Duration WallClock(int hour, int minute = 0, int second = 0) {
  return absl::Hours(hour) + absl::Minutes(minute) + absl::Seconds(second);
}

// [start, end) in local wall-clock time; 00:00 <= start < end <= 24:00.
struct WorkPeriod {
  absl::Duration start;
  absl::Duration end;
};

// The working periods of one day of the week; a weekday not listed, or
// listed with no periods, is a rest day.
struct WeekdayHours {
  absl::Weekday weekday = absl::Weekday::monday;
  std::vector<WorkPeriod> periods;
};

// A date that rests whatever its weekday.
struct Holiday {
  absl::CivilDay day;
  std::string name;  // required, e.g. "National Day"
};

// A rest day of the week that is worked (调休).
struct MakeupDay {
  absl::CivilDay day;
  std::vector<WorkPeriod> periods;  // empty: the hours of a normal Monday
  std::string name;                 // optional, e.g. "for National Day"
};

struct WorkCalendarSpec {
  std::string time_zone = std::string(kDefaultCalendarZone);
  bool all_day = false;
  std::vector<WeekdayHours> weekday_hours;
  std::vector<Holiday> holidays;
  std::vector<MakeupDay> makeup_days;
};

// One problem with a spec: the field path and what is wrong, for a person.
// The API edge turns these into google.rpc.BadRequest field violations.
struct CalendarViolation {
  std::string field;
  std::string description;
};

std::vector<CalendarViolation> CalendarViolations(const WorkCalendarSpec& spec);
absl::Status CheckCalendarSpec(const WorkCalendarSpec& spec);

// "08:30", or "08:30:15" when seconds are set; "24:00" for the end of day.
std::string ClockText(absl::Duration since_midnight);
// The inverse of ClockText: "HH:MM" or "HH:MM:SS" with two digits each,
// hours 00–24 (24 only as "24:00" or "24:00:00"), minutes and seconds 00–59;
// nullopt for anything else.
std::optional<absl::Duration> ParseClockText(absl::string_view text);
// "Monday" … "Sunday".
absl::string_view WeekdayName(absl::Weekday weekday);

}  // namespace huinong::calendar
