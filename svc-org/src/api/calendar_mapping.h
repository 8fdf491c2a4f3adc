// Proto <-> domain for work calendars (calendars.proto <->
// domain/calendar_record.h and common/calendar's WorkCalendarSpec).
//
// VersionFromProto is also the request check of a version: it names every
// bad field under the request path it is given ("calendar.version",
// "version") — the API's own shape (times as "HH:MM", dates, weekdays,
// lengths) first, then every rule of CalendarViolations on what parsed, so
// `calendar.version.weekday_hours[1].periods[0]` and
// `calendar.version.makeup_days[2].day` come back in one INVALID_ARGUMENT.
// An empty time zone is filled in with Asia/Shanghai before the check, and
// stored that way.
#pragma once

#include <string>

#include "common/rpc/status_details.h"
#include "huinong/org/v1/calendars.pb.h"
#include "svc-org/src/domain/calendar_record.h"

namespace huinong::org {

std::string CalendarName(const std::string& id);  // "workCalendars/{id}"

// The version `proto` describes (create_time unset); violations go to `v`.
CalendarVersion VersionFromProto(const v1::WorkCalendarVersion& proto, const std::string& field,
                                 rpc::Violations& v);

v1::WorkCalendarVersion ToProto(const CalendarVersion& version);
v1::WorkCalendar ToProto(const CalendarAsOf& calendar);

}  // namespace huinong::org
