// svc-org's side of the suite's work calendars: what a stored calendar is
// (one per organisation unit, with dated versions of a WorkCalendarSpec) and
// which version a computation uses. The calendar rules themselves — the
// spec's check and the working-day arithmetic — live in common/calendar;
// this file only says how svc-org keeps and selects them. Pure.
//
// Guarantees: VersionInForce answers the version with the latest
// effective_from not after the day; VersionForArrival judges the arrival
// day in each version's own time zone, so an item is counted on the version
// its arrival day was under.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/calendar/calendar_history.h"
#include "common/calendar/work_calendar_spec.h"

namespace huinong::org {

struct CalendarVersion {
  absl::CivilDay effective_from;
  calendar::WorkCalendarSpec spec;
  absl::Time create_time;
};

struct WorkCalendarRecord {
  std::string id;
  std::string unit_id;
  std::string display_name;
  int64_t version = 1;  // the etag: raised by every new version
  absl::Time create_time;
  absl::Time update_time;
};

// A calendar with the version a read selected (none when it starts later).
struct CalendarAsOf {
  WorkCalendarRecord calendar;
  std::optional<CalendarVersion> version;
};

// The history of `versions` (oldest first), each spec checked and its zone
// loaded; INVALID_ARGUMENT if a stored spec no longer passes.
absl::StatusOr<calendar::CalendarHistory> HistoryOf(const std::vector<CalendarVersion>& versions);

// The version of `history` an item arriving at `arrival` is counted on: the
// latest whose effective_from is not after the arrival day in its zone.
// FAILED_PRECONDITION NO_VERSION_IN_FORCE when every version starts later.
absl::StatusOr<const calendar::CalendarHistory::Version*> VersionForArrival(
    const calendar::CalendarHistory& history, absl::Time arrival, const std::string& calendar_name);

}  // namespace huinong::org
