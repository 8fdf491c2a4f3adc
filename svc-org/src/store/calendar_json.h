// The JSON of a work calendar version's spec (work_calendar_versions.spec_json,
// migration 0016): the domain calendar::WorkCalendarSpec, never the API
// message, so the .proto can change without the table. Periods are wall
// clock text ("08:30", "24:00"), weekdays their English names ("Monday"),
// dates ISO ("2026-10-01"). Written with nlohmann-json (keys sorted); read
// leniently like json_codec.h (a missing member reads as empty) — the spec
// is checked again when a calendar is built from it.
#pragma once

#include <string>

#include "common/calendar/work_calendar_spec.h"

namespace huinong::org::store {

std::string EncodeSpec(const calendar::WorkCalendarSpec& spec);
calendar::WorkCalendarSpec DecodeSpec(const std::string& json);

}  // namespace huinong::org::store
