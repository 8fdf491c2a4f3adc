// See work_calendar.h. This file: construction, wall-clock to instants, and
// the day rules; the time rules are in working_time.cc.
#include "common/calendar/work_calendar.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace huinong::calendar {
namespace {

std::vector<WorkPeriod> Sorted(std::vector<WorkPeriod> periods) {
  std::sort(periods.begin(), periods.end(),
            [](const WorkPeriod& a, const WorkPeriod& b) { return a.start < b.start; });
  return periods;
}

const std::vector<WorkPeriod>& NoPeriods() {
  static const std::vector<WorkPeriod> kNone;
  return kNone;
}

}  // namespace

absl::StatusOr<WorkCalendar> WorkCalendar::Create(WorkCalendarSpec spec) {
  if (absl::Status checked = CheckCalendarSpec(spec); !checked.ok()) return checked;
  absl::TimeZone zone;
  // Checked above; loading again is what hands us the zone.
  if (!absl::LoadTimeZone(spec.time_zone, &zone)) {
    return absl::InvalidArgumentError(absl::StrCat("time_zone: cannot load \"", spec.time_zone, "\""));
  }
  return WorkCalendar(std::move(spec), zone);
}

absl::StatusOr<WorkCalendar> WorkCalendar::AllDay(absl::string_view time_zone) {
  WorkCalendarSpec spec;
  spec.time_zone = std::string(time_zone);
  spec.all_day = true;
  return Create(std::move(spec));
}

WorkCalendar::WorkCalendar(WorkCalendarSpec spec, absl::TimeZone zone)
    : spec_(std::move(spec)), zone_(zone) {
  if (spec_.all_day) {
    // Every day is one period from midnight to midnight, so the 24×7 calendar
    // shares every rule with the others and its days add up to wall time.
    weekly_.fill({WorkPeriod{absl::ZeroDuration(), WallClock(24)}});
    return;
  }
  for (const WeekdayHours& w : spec_.weekday_hours) {
    weekly_[static_cast<int>(w.weekday)] = Sorted(w.periods);
  }
  for (const Holiday& h : spec_.holidays) holidays_.insert(h.day);
  const std::vector<WorkPeriod>& monday = weekly_[static_cast<int>(absl::Weekday::monday)];
  for (const MakeupDay& m : spec_.makeup_days) {
    makeup_[m.day] = m.periods.empty() ? monday : Sorted(m.periods);
  }
}

const std::vector<WorkPeriod>& WorkCalendar::HoursOn(absl::CivilDay day) const {
  if (auto m = makeup_.find(day); m != makeup_.end()) return m->second;
  if (holidays_.contains(day)) return NoPeriods();
  return weekly_[static_cast<int>(absl::GetWeekday(day))];
}

absl::CivilDay WorkCalendar::NextWorkingDay(absl::CivilDay day) const {
  // Ends: a checked spec has a working weekday and finitely many holidays.
  do {
    ++day;
  } while (!IsWorkingDay(day));
  return day;
}

absl::StatusOr<absl::CivilDay> WorkCalendar::AddWorkingDays(absl::CivilDay day, int n) const {
  if (n < 0) {
    return absl::InvalidArgumentError(absl::StrCat("working days must not be negative (got ", n, ")"));
  }
  for (int i = 0; i < n; ++i) day = NextWorkingDay(day);
  return day;
}

int WorkCalendar::WorkingDaysBetween(absl::CivilDay a, absl::CivilDay b) const {
  if (b < a) return -WorkingDaysBetween(b, a);
  int count = 0;
  for (absl::CivilDay d = a + 1; d <= b; ++d) count += IsWorkingDay(d) ? 1 : 0;
  return count;
}

absl::Time WorkCalendar::EndOfDay(absl::CivilDay day) const { return Instant(day + 1, absl::ZeroDuration()); }

absl::StatusOr<absl::Time> WorkCalendar::WorkingDaysDeadline(absl::Time arrival, int n) const {
  absl::StatusOr<absl::CivilDay> last = AddWorkingDays(DayOf(arrival), n);
  if (!last.ok()) return last.status();
  return EndOfDay(*last);
}

absl::Time WorkCalendar::Instant(absl::CivilDay day, absl::Duration since_midnight) const {
  const absl::TimeZone::TimeInfo info =
      zone_.At(absl::CivilSecond(day) + absl::ToInt64Seconds(since_midnight));
  // Skipped (spring forward): the moment the clock jumps. Repeated (fall
  // back): the first pass. Both keep later wall-clock times at later or
  // equal instants, so a day's periods stay ordered and disjoint.
  return info.kind == absl::TimeZone::TimeInfo::SKIPPED ? info.trans : info.pre;
}

void WorkCalendar::WindowsOn(absl::CivilDay day, std::vector<TimeSpan>* out) const {
  for (const WorkPeriod& p : HoursOn(day)) {
    const absl::Time start = Instant(day, p.start);
    const absl::Time end = Instant(day, p.end);
    if (start < end) out->push_back({start, end});
  }
}

}  // namespace huinong::calendar
