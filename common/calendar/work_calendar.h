// The work-calendar arithmetic of the suite: which days are worked, the
// deadline "within N working days", and working time between two instants
// with pauses — the one implementation svc-loans (the county review
// deadline) and svc-tickets (SLA clocks) use, on the calendar svc-org owns.
//
// A WorkCalendar is a checked WorkCalendarSpec (work_calendar_spec.h) with
// its time zone loaded; it is an immutable value, cheap to share and safe
// to use from many threads. Pure: no clock, no I/O.
//
// Days. A day is a date in the calendar's zone. A make-up day works even on
// a weekend; a holiday rests even on a weekday; any other day works when its
// weekday has hours. "Within N working days of arrival" is defined once,
// here: the deadline of an item arriving on day D is the END of the N-th
// working day AFTER D — D itself never counts, even when it is a working
// day, and arriving on a holiday or a weekend changes nothing but D. The end
// of a day is 24:00 local time (the first instant of the next day), not the
// end of its working hours: the item is overdue from the next day on.
//
// Time. Working hours are local wall-clock hours, so on a day with a DST
// change a period spanning the change lasts an hour more or less: 01:00–04:00
// on the Berlin spring-forward Sunday is 2 h. A wall-clock time the change
// skips maps to the instant of the change; one it repeats maps to its first
// occurrence. Working time counts each working second inside [start, end)
// once, minus the pauses (which may overlap each other, extend outside the
// range or the hours, and be open-ended with absl::InfiniteFuture()); a pause
// whose end is not after its start is empty. AddWorkingTime answers the
// earliest instant at which the working time has elapsed: from a start
// outside working hours (or inside a pause) the clock starts at the next
// working moment, and a deadline that falls at the end of a period is that
// end, not the next morning. For every finite start and duration d ≥ 0 with a
// finite answer t: WorkingTimeBetween(start, t, pauses) == d.
//
// The all_day (24×7) calendar makes every instant working time: working time
// is wall time minus pauses, and every day is a working day.
//
// Cost: day rules are O(days spanned), time rules O(days spanned + pauses)
// (a pause is skipped whole, not walked day by day); nothing iterates per
// second or per minute.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "common/calendar/work_calendar_spec.h"

namespace huinong::calendar {

// [start, end) between two instants; empty when end <= start.
struct TimeSpan {
  absl::Time start;
  absl::Time end;
};

class WorkCalendar {
 public:
  // The calendar the spec describes, or CheckCalendarSpec's INVALID_ARGUMENT.
  static absl::StatusOr<WorkCalendar> Create(WorkCalendarSpec spec);
  // The 24×7 calendar in `time_zone` (which matters only for the day rules).
  static absl::StatusOr<WorkCalendar> AllDay(absl::string_view time_zone = kDefaultCalendarZone);

  const WorkCalendarSpec& spec() const { return spec_; }
  const absl::TimeZone& zone() const { return zone_; }
  const std::string& zone_name() const { return spec_.time_zone; }
  bool all_day() const { return spec_.all_day; }

  // ---- Days --------------------------------------------------------------

  // The date `t` falls on in the calendar's zone.
  absl::CivilDay DayOf(absl::Time t) const { return absl::ToCivilDay(t, zone_); }
  bool IsWorkingDay(absl::CivilDay day) const { return !HoursOn(day).empty(); }
  // The working periods of `day`, ordered by start; empty on a rest day.
  const std::vector<WorkPeriod>& HoursOn(absl::CivilDay day) const;
  // The first working day strictly after `day`.
  absl::CivilDay NextWorkingDay(absl::CivilDay day) const;
  // The N-th working day after `day` (`day` not counted); `day` itself for
  // N = 0. INVALID_ARGUMENT for N < 0.
  absl::StatusOr<absl::CivilDay> AddWorkingDays(absl::CivilDay day, int n) const;
  // The working days in (a, b] — so WorkingDaysBetween(d, AddWorkingDays(d, n))
  // is n — and minus the working days in (b, a] when b < a.
  int WorkingDaysBetween(absl::CivilDay a, absl::CivilDay b) const;
  // 24:00 local time of `day`: the first instant of the next day.
  absl::Time EndOfDay(absl::CivilDay day) const;
  // The deadline of an item arriving at `arrival` with `n` working days:
  // EndOfDay(AddWorkingDays(DayOf(arrival), n)).
  absl::StatusOr<absl::Time> WorkingDaysDeadline(absl::Time arrival, int n) const;

  // ---- Time --------------------------------------------------------------

  // Working time inside [start, end) minus `pauses`; zero when end <= start,
  // absl::InfiniteDuration() when the range is unbounded past its pauses.
  absl::Duration WorkingTimeBetween(absl::Time start, absl::Time end,
                                    absl::Span<const TimeSpan> pauses = {}) const;
  // The earliest instant at which `working` working time has elapsed since
  // `start`, not counting `pauses`; `start` itself for a zero duration;
  // absl::InfiniteFuture() when a pause never ends or `working` is infinite.
  // INVALID_ARGUMENT for a negative duration or an infinite start.
  absl::StatusOr<absl::Time> AddWorkingTime(absl::Time start, absl::Duration working,
                                            absl::Span<const TimeSpan> pauses = {}) const;

  // The first working instant at or after `t`: `t` itself inside working
  // hours (and always on the all_day calendar), else the start of the next
  // working period — where a clock started outside working hours starts.
  // `t` for an infinite instant.
  absl::Time NextWorkingInstant(absl::Time t) const;

  // The working periods of `day` as instants, in order, empty ones dropped
  // (a period the DST change skips whole). Appends to `out`.
  void WindowsOn(absl::CivilDay day, std::vector<TimeSpan>* out) const;

 private:
  WorkCalendar(WorkCalendarSpec spec, absl::TimeZone zone);
  // The instant a wall-clock time on `day` names (see the header comment
  // for skipped and repeated times).
  absl::Time Instant(absl::CivilDay day, absl::Duration since_midnight) const;

  WorkCalendarSpec spec_;
  absl::TimeZone zone_;
  std::array<std::vector<WorkPeriod>, 7> weekly_;  // by absl::Weekday, sorted
  absl::flat_hash_set<absl::CivilDay> holidays_;
  absl::flat_hash_map<absl::CivilDay, std::vector<WorkPeriod>> makeup_;  // sorted
};

}  // namespace huinong::calendar
