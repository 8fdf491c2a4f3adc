// SQL for work calendars (migrations/0016): the calendar's row (unit, name,
// etag) and its dated versions, each the domain spec as JSON
// (calendar_json.h). Reads answer a calendar together with the version in
// force on a day, in one query.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "svc-org/src/domain/calendar_record.h"

namespace sql {
class Connection;
}

namespace huinong::org::store {

// The calendar `id` with its version in force on `day`.
absl::StatusOr<std::optional<CalendarAsOf>> GetCalendar(sql::Connection& conn, const std::string& id,
                                                      absl::CivilDay day, bool for_update = false);
// The calendar of the deepest of these units that has one (ids root first),
// with its version in force on `day`.
absl::StatusOr<std::optional<CalendarAsOf>> NearestCalendar(sql::Connection& conn,
                                                          const std::vector<std::string>& unit_ids,
                                                          absl::CivilDay day);
// Calendars with id > after_id, ordered by id, each with its version in force on `day`.
absl::StatusOr<std::vector<CalendarAsOf>> ListCalendars(sql::Connection& conn, absl::CivilDay day,
                                                      const std::string& after_id, int limit);
// ALREADY_EXISTS / CALENDAR_EXISTS when the unit already has a calendar.
absl::Status InsertCalendar(sql::Connection& conn, const WorkCalendarRecord& calendar, absl::Time now);
// Sets the calendar's etag and update time.
absl::Status TouchCalendar(sql::Connection& conn, const std::string& id, int64_t version, absl::Time now);

// Versions with effective_from after `after` (all when unset), oldest first.
absl::StatusOr<std::vector<CalendarVersion>> ListCalendarVersions(sql::Connection& conn, const std::string& calendar_id,
                                                        std::optional<absl::CivilDay> after, int limit);
// The version with the latest effective_from.
absl::StatusOr<std::optional<CalendarVersion>> LatestCalendarVersion(sql::Connection& conn, const std::string& calendar_id);
// Writes the version from its effective_from, replacing one from the same day.
absl::Status PutCalendarVersion(sql::Connection& conn, const std::string& calendar_id, const CalendarVersion& version);

}  // namespace huinong::org::store
