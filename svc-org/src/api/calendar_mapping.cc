// See calendar_mapping.h.
#include "svc-org/src/api/calendar_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/org_directory/calendar_proto.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-org/src/api/unit_mapping.h"

namespace huinong::org {

std::string CalendarName(const std::string& id) { return rpc::FormatName("workCalendars", id); }

CalendarVersion VersionFromProto(const v1::WorkCalendarVersion& p, const std::string& field, rpc::Violations& v) {
  CalendarVersion out;
  const std::string f = field + ".";
  if (p.effective_from().year() == 0 && p.effective_from().month() == 0 && p.effective_from().day() == 0) {
    v.Add(f + "effective_from", "required");
    out.effective_from = absl::CivilDay(1970, 1, 1);
  } else {
    out.effective_from = rpc::FromDate(p.effective_from(), f + "effective_from", v).value_or(absl::CivilDay(1970, 1, 1));
  }
  out.spec = org_directory::SpecFromProto(p, f, v);
  return out;
}

v1::WorkCalendarVersion ToProto(const CalendarVersion& version) {
  v1::WorkCalendarVersion p;
  *p.mutable_effective_from() = rpc::ToDate(version.effective_from);
  org_directory::SpecToProto(version.spec, p);
  *p.mutable_create_time() = rpc::ToTimestamp(version.create_time);
  return p;
}

v1::WorkCalendar ToProto(const CalendarAsOf& c) {
  v1::WorkCalendar p;
  p.set_name(CalendarName(c.calendar.id));
  p.set_unit(UnitName(c.calendar.unit_id));
  p.set_display_name(c.calendar.display_name);
  if (c.version) *p.mutable_version() = ToProto(*c.version);
  *p.mutable_create_time() = rpc::ToTimestamp(c.calendar.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(c.calendar.update_time);
  p.set_etag(absl::StrCat(c.calendar.version));
  return p;
}

}  // namespace huinong::org
