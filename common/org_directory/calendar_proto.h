// The work calendar between its API shape (org/v1 calendars.proto's
// WorkCalendarVersion) and common/calendar's WorkCalendarSpec: one mapping
// for svc-org, which stores calendars, and for the services that read them
// from svc-org (loans' review deadlines, tickets' SLA clocks).
//
// SpecFromProto is also the request check of a version's content: it names
// every bad field under the path it is given ("calendar.version.",
// "version.") — the API's own shape (times as "HH:MM", days, weekdays,
// lengths) first, then every rule of CalendarViolations on what parsed. An
// empty time zone becomes Asia/Shanghai. SpecToProto fills the content
// fields only (not effective_from or create_time).
#pragma once

#include <string>

#include "common/calendar/work_calendar_spec.h"
#include "common/rpc/status_details.h"
#include "huinong/org/v1/calendars.pb.h"

namespace huinong::org_directory {

// `prefix` ends with a dot ("version.") or is empty.
calendar::WorkCalendarSpec SpecFromProto(const org::v1::WorkCalendarVersion& proto, const std::string& prefix,
                                         rpc::Violations& v);

void SpecToProto(const calendar::WorkCalendarSpec& spec, org::v1::WorkCalendarVersion& out);

}  // namespace huinong::org_directory
