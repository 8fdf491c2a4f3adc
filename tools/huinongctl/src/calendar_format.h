// Work calendars as huinongctl reads and shows them: the calendar file that
// `calendar create --spec FILE`, `calendar add-version --spec FILE` and the
// demo's 2026 calendar (tools/huinongctl/data/demo_calendar_2026.json) are
// written in, and the text a person sees. Pure, so tested without a server.
//
// The file is one WorkCalendarVersion in proto JSON (calendars.proto), with
// three conveniences for people writing it by hand: dates may be
// "YYYY-MM-DD" text (effective_from, holidays[].day, makeup_days[].day),
// weekdays may be "Monday"/"MONDAY" as well as DAY_OF_WEEK_MONDAY, and a
// top-level "about" (any JSON: who drew the list up, what it assumes) is
// ignored. Everything else is checked by the protobuf parser; the rules of a
// calendar are the server's to check.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "huinong/org/v1/calendars.pb.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

absl::StatusOr<org::v1::WorkCalendarVersion> ParseCalendarFile(std::string_view json);

// "固安县…工作日历  units/U1  workCalendars/C1" and the version shown: its
// first day, zone, weekly hours ("Mon–Fri 08:30–12:00, 13:30–17:30" style,
// one line per distinct set of hours), holidays and make-up days.
std::string CalendarDetail(const org::v1::WorkCalendar& calendar);
// FROM, ZONE, HOURS, HOLIDAYS, MAKEUP DAYS: one row per version, oldest first.
Table CalendarVersionsTable(const std::vector<org::v1::WorkCalendarVersion>& versions);
// The deadline in UTC and in the calendar's words (due day, arrival day,
// the calendar and version used).
std::string DeadlineText(const org::v1::ComputeWorkingDeadlineResponse& deadline);

}  // namespace huinong::ctl
