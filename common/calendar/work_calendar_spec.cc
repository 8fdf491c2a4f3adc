// See work_calendar_spec.h.
#include "common/calendar/work_calendar_spec.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace huinong::calendar {
namespace {

std::string DayText(absl::CivilDay day) { return absl::FormatCivilTime(day); }

std::string PeriodText(const WorkPeriod& p) {
  return absl::StrCat(ClockText(p.start), "–", ClockText(p.end));
}

// The periods of one day (a weekday's or a make-up day's) under `field`:
// each inside the day, in whole seconds, not inverted, none overlapping.
void CheckPeriods(const std::vector<WorkPeriod>& periods, const std::string& field,
                  std::vector<CalendarViolation>* out) {
  std::vector<size_t> sound;  // indexes of periods fit for the overlap check
  for (size_t i = 0; i < periods.size(); ++i) {
    const WorkPeriod& p = periods[i];
    const std::string at = absl::StrCat(field, "[", i, "]");
    if (p.start < absl::ZeroDuration() || p.end > WallClock(24)) {
      out->push_back({at, absl::StrCat(PeriodText(p), " is not within 00:00–24:00")});
    } else if (p.end <= p.start) {
      out->push_back({at, absl::StrCat(PeriodText(p), " ends before it starts (or is empty)")});
    } else if (p.start % absl::Seconds(1) != absl::ZeroDuration() ||
               p.end % absl::Seconds(1) != absl::ZeroDuration()) {
      out->push_back({at, "start and end must be whole seconds"});
    } else {
      sound.push_back(i);
    }
  }
  std::sort(sound.begin(), sound.end(),
            [&](size_t a, size_t b) { return periods[a].start < periods[b].start; });
  for (size_t k = 1; k < sound.size(); ++k) {
    const WorkPeriod& before = periods[sound[k - 1]];
    const WorkPeriod& after = periods[sound[k]];
    if (after.start < before.end) {
      out->push_back({absl::StrCat(field, "[", sound[k], "]"),
                      absl::StrCat(PeriodText(after), " overlaps ", field, "[", sound[k - 1],
                                   "] (", PeriodText(before), ")")});
    }
  }
}

// Weekday hours: each weekday at most once, periods sound. Sets `worked` for
// the weekdays that have periods.
void CheckWeekdayHours(const WorkCalendarSpec& spec, std::array<bool, 7>* worked,
                       std::vector<CalendarViolation>* out) {
  std::array<std::optional<size_t>, 7> seen;
  for (size_t i = 0; i < spec.weekday_hours.size(); ++i) {
    const WeekdayHours& w = spec.weekday_hours[i];
    const int d = static_cast<int>(w.weekday);
    const std::string at = absl::StrCat("weekday_hours[", i, "]");
    if (seen[d]) {
      out->push_back({absl::StrCat(at, ".weekday"),
                      absl::StrCat(WeekdayName(w.weekday), " is already weekday_hours[", *seen[d], "]")});
      continue;
    }
    seen[d] = i;
    CheckPeriods(w.periods, absl::StrCat(at, ".periods"), out);
    (*worked)[d] = !w.periods.empty();
  }
  if (std::none_of(worked->begin(), worked->end(), [](bool b) { return b; })) {
    out->push_back({"weekday_hours", "no weekday has working hours, so no day would ever be worked"});
  }
}

void CheckHolidays(const WorkCalendarSpec& spec, absl::flat_hash_map<absl::CivilDay, size_t>* index,
                   std::vector<CalendarViolation>* out) {
  for (size_t i = 0; i < spec.holidays.size(); ++i) {
    const Holiday& h = spec.holidays[i];
    const std::string at = absl::StrCat("holidays[", i, "]");
    auto [it, inserted] = index->try_emplace(h.day, i);
    if (!inserted) {
      out->push_back({absl::StrCat(at, ".day"),
                      absl::StrCat(DayText(h.day), " is already holidays[", it->second, "]")});
    }
    if (h.name.empty()) out->push_back({absl::StrCat(at, ".name"), "a holiday needs a name"});
  }
}

void CheckMakeupDays(const WorkCalendarSpec& spec, const std::array<bool, 7>& worked,
                     const absl::flat_hash_map<absl::CivilDay, size_t>& holidays,
                     std::vector<CalendarViolation>* out) {
  absl::flat_hash_map<absl::CivilDay, size_t> seen;
  const bool monday_worked = worked[static_cast<int>(absl::Weekday::monday)];
  for (size_t i = 0; i < spec.makeup_days.size(); ++i) {
    const MakeupDay& m = spec.makeup_days[i];
    const std::string at = absl::StrCat("makeup_days[", i, "]");
    const absl::Weekday weekday = absl::GetWeekday(m.day);
    auto [it, inserted] = seen.try_emplace(m.day, i);
    if (!inserted) {
      out->push_back({absl::StrCat(at, ".day"),
                      absl::StrCat(DayText(m.day), " is already makeup_days[", it->second, "]")});
    } else if (auto h = holidays.find(m.day); h != holidays.end()) {
      out->push_back({absl::StrCat(at, ".day"),
                      absl::StrCat(DayText(m.day), " is also holidays[", h->second,
                                   "]; a date either rests or is made up")});
    } else if (worked[static_cast<int>(weekday)]) {
      out->push_back({absl::StrCat(at, ".day"),
                      absl::StrCat(DayText(m.day), " is a ", WeekdayName(weekday),
                                   ", already a working day")});
    }
    if (m.periods.empty() && !monday_worked) {
      out->push_back({absl::StrCat(at, ".periods"),
                      "empty means a Monday's hours, but Monday has none; list the hours"});
    }
    CheckPeriods(m.periods, absl::StrCat(at, ".periods"), out);
  }
}

}  // namespace

std::vector<CalendarViolation> CalendarViolations(const WorkCalendarSpec& spec) {
  std::vector<CalendarViolation> out;
  absl::TimeZone zone;
  if (spec.time_zone.empty() || !absl::LoadTimeZone(spec.time_zone, &zone)) {
    out.push_back({"time_zone", absl::StrCat("unknown time zone \"", spec.time_zone,
                                             "\" (an IANA name such as Asia/Shanghai)")});
  }
  if (spec.all_day) {
    // 24×7: every instant works, so listing hours, holidays or make-up days
    // would say something the calendar ignores.
    if (!spec.weekday_hours.empty()) out.push_back({"weekday_hours", "an all_day calendar has no hours"});
    if (!spec.holidays.empty()) out.push_back({"holidays", "an all_day calendar has no holidays"});
    if (!spec.makeup_days.empty()) out.push_back({"makeup_days", "an all_day calendar has no make-up days"});
    return out;
  }
  std::array<bool, 7> worked{};
  CheckWeekdayHours(spec, &worked, &out);
  absl::flat_hash_map<absl::CivilDay, size_t> holidays;
  CheckHolidays(spec, &holidays, &out);
  CheckMakeupDays(spec, worked, holidays, &out);
  return out;
}

absl::Status CheckCalendarSpec(const WorkCalendarSpec& spec) {
  std::vector<CalendarViolation> violations = CalendarViolations(spec);
  if (violations.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "invalid work calendar: ",
      absl::StrJoin(violations, "; ", [](std::string* s, const CalendarViolation& v) {
        absl::StrAppend(s, v.field, ": ", v.description);
      })));
}

std::string ClockText(absl::Duration since_midnight) {
  const int64_t seconds = absl::ToInt64Seconds(since_midnight);
  const int64_t h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
  if (s != 0) return absl::StrFormat("%02d:%02d:%02d", h, m, s);
  return absl::StrFormat("%02d:%02d", h, m);
}

std::optional<absl::Duration> ParseClockText(absl::string_view text) {
  if (text.size() != 5 && text.size() != 8) return std::nullopt;
  int parts[3] = {0, 0, 0};
  for (size_t i = 0, k = 0; i < text.size(); i += 3, ++k) {
    if (i + 2 < text.size() && text[i + 2] != ':') return std::nullopt;
    if (!absl::ascii_isdigit(text[i]) || !absl::ascii_isdigit(text[i + 1])) return std::nullopt;
    parts[k] = (text[i] - '0') * 10 + (text[i + 1] - '0');
  }
  const int h = parts[0], m = parts[1], s = parts[2];
  if (h > 24 || m > 59 || s > 59 || (h == 24 && (m != 0 || s != 0))) return std::nullopt;
  return WallClock(h, m, s);
}

absl::string_view WeekdayName(absl::Weekday weekday) {
  static constexpr std::array<absl::string_view, 7> kNames = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return kNames[static_cast<int>(weekday)];
}

}  // namespace huinong::calendar
