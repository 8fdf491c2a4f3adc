// CalendarService's writes: a calendar with its first version, and a new
// version from a date (see calendars_api.h).
#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-org/src/api/calendar_mapping.h"
#include "svc-org/src/api/calendars_api.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/domain/version_step.h"
#include "svc-org/src/store/calendar_store.h"

namespace huinong::org {
namespace {

// The calendar as it stands with `version` (the one just written).
v1::WorkCalendar Shown(const WorkCalendarRecord& calendar, const CalendarVersion& version) {
  return ToProto(CalendarAsOf{calendar, version});
}

}  // namespace

grpc::Status CalendarsApi::CreateWorkCalendar(grpc::ServerContext* ctx, const v1::CreateWorkCalendarRequest* req,
                                              v1::WorkCalendar* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateWorkCalendar",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::WorkCalendar> {
    rpc::Violations v;
    const v1::WorkCalendar& in = req->calendar();
    if (!req->has_calendar()) v.Add("calendar", "required");
    const std::string unit_id = rpc::ParseName(in.unit(), "units", "calendar.unit", v);
    rpc::CheckText(in.display_name(), "calendar.display_name", 1, 100, v);
    if (!in.has_version()) v.Add("calendar.version", "required: the first version");
    const CalendarVersion first = VersionFromProto(in.version(), "calendar.version", v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=](server::Mutation& m) -> absl::StatusOr<v1::WorkCalendar> {
      sql::Connection& conn = m.tx();
      ASSIGN_OR_RETURN(Unit unit, LockChangeableUnit(conn, scope, unit_id));
      RETURN_IF_ERROR(CheckUnitOpen(unit));
      WorkCalendarRecord calendar{.id = NewUlid(), .unit_id = unit.id, .display_name = in.display_name(),
                                  .version = 1, .create_time = m.now(), .update_time = m.now()};
      CalendarVersion version = first;
      version.create_time = m.now();
      RETURN_IF_ERROR(store::InsertCalendar(conn, calendar, m.now()));
      RETURN_IF_ERROR(store::PutCalendarVersion(conn, calendar.id, version));
      const v1::WorkCalendar out = Shown(calendar, version);
      RETURN_IF_ERROR(m.Record({"work_calendar", out.name(), out.unit(), nullptr, &out}));
      return out;
    };
  });
}

grpc::Status CalendarsApi::AddWorkCalendarVersion(grpc::ServerContext* ctx,
                                                  const v1::AddWorkCalendarVersionRequest* req,
                                                  v1::WorkCalendar* resp) {
  return kit_.Mutate(*ctx, *req, resp, "AddWorkCalendarVersion",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::WorkCalendar> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "workCalendars", "name", v);
    if (req->etag().empty()) v.Add("etag", "required");
    if (!req->has_version()) v.Add("version", "required");
    const CalendarVersion added = VersionFromProto(req->version(), "version", v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=](server::Mutation& m) -> absl::StatusOr<v1::WorkCalendar> {
      sql::Connection& conn = m.tx();
      const std::string name = CalendarName(id);
      ASSIGN_OR_RETURN(std::optional<CalendarAsOf> peek, store::GetCalendar(conn, id, m.today()));
      if (!peek) return rpc::NotFound(name);
      // Authorization (and the unit's lock) before the calendar's lock.
      RETURN_IF_ERROR(LockChangeableUnit(conn, scope, peek->calendar.unit_id).status());
      ASSIGN_OR_RETURN(std::optional<CalendarAsOf> locked, store::GetCalendar(conn, id, m.today(), true));
      if (!locked) return rpc::NotFound(name);
      WorkCalendarRecord calendar = locked->calendar;
      RETURN_IF_ERROR(rpc::CheckEtag(req->etag(), calendar.version, name));
      if (added.effective_from < m.today()) {
        return rpc::FailedPrecondition(
            "EFFECTIVE_DATE_PASSED",
            absl::StrCat("a version from ", absl::FormatCivilTime(added.effective_from),
                         " would change deadlines already counted; versions start today or later"));
      }
      ASSIGN_OR_RETURN(std::optional<CalendarVersion> latest, store::LatestCalendarVersion(conn, id));
      if (!latest) return absl::InternalError(absl::StrCat(name, " has no version"));
      // Same day: replaces the latest; later: ends it there; earlier: refused.
      RETURN_IF_ERROR(NextVersionStep(latest->effective_from, added.effective_from).status());
      const v1::WorkCalendar before = Shown(calendar, *latest);
      CalendarVersion version = added;
      version.create_time = m.now();
      RETURN_IF_ERROR(store::PutCalendarVersion(conn, id, version));
      calendar.version += 1;
      calendar.update_time = m.now();
      RETURN_IF_ERROR(store::TouchCalendar(conn, id, calendar.version, m.now()));
      const v1::WorkCalendar out = Shown(calendar, version);
      RETURN_IF_ERROR(m.Record({"work_calendar", out.name(), out.unit(), &before, &out}));
      return out;
    };
  });
}

}  // namespace huinong::org
