// The dated versions of one organisation's work calendar: each version is in
// force from its effective date until the next version's, so a read "as of" a
// day answers the calendar that day was under (next year's holidays can be
// published in advance without changing this year's deadlines).
//
// A computation that spans a change of version uses one version — the one in
// force on the day its clock started (the arrival day, the day an SLA clock
// started) — so a decision can record the one version it used.
//
// Guarantees: versions are kept ordered by effective date; two versions from
// one date are refused (INVALID_ARGUMENT naming `versions[i].effective_from`);
// AsOf is NOT_FOUND before the first version; immutable and thread-safe.
#pragma once

#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/calendar/work_calendar.h"

namespace huinong::calendar {

class CalendarHistory {
 public:
  struct Version {
    absl::CivilDay effective_from;
    WorkCalendar calendar;
  };

  // The history of `versions`, in any order.
  static absl::StatusOr<CalendarHistory> Create(std::vector<Version> versions);

  // The calendar in force on `day`: the version with the latest effective
  // date not after `day`. The pointer lives as long as this history.
  absl::StatusOr<const WorkCalendar*> AsOf(absl::CivilDay day) const;

  // Ordered by effective date.
  const std::vector<Version>& versions() const { return versions_; }

 private:
  explicit CalendarHistory(std::vector<Version> versions) : versions_(std::move(versions)) {}

  std::vector<Version> versions_;
};

}  // namespace huinong::calendar
