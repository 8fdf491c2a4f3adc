// CalendarService's reads: a calendar by name or by the unit it governs,
// the list, a calendar's versions, and the working-day deadline (see
// calendars_api.h). Calendars are public knowledge, so a read needs an
// authenticated caller and no scope.
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-org/src/api/calendar_mapping.h"
#include "svc-org/src/api/calendars_api.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/store/calendar_store.h"

namespace huinong::org {
namespace {

constexpr int kMaxWorkingDays = 366;
// A calendar gains a version a year or so; a deadline reads them all.
constexpr int kMaxVersionsCounted = 10000;

// The calendar governing `unit_id`: its own, or the nearest one above it.
absl::StatusOr<CalendarAsOf> Governing(sql::Connection& conn, const std::string& unit_id, absl::CivilDay day) {
  ASSIGN_OR_RETURN(Unit unit, LoadUnit(conn, unit_id));
  ASSIGN_OR_RETURN(std::optional<CalendarAsOf> found, store::NearestCalendar(conn, PathIds(unit.path), day));
  if (!found) return rpc::NotFound(absl::StrCat("a work calendar for ", UnitName(unit_id), " or a unit above it"));
  return *std::move(found);
}

}  // namespace

grpc::Status CalendarsApi::GetWorkCalendar(grpc::ServerContext* ctx, const v1::GetWorkCalendarRequest* req,
                                           v1::WorkCalendar* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseOptionalName(req->name(), "workCalendars", "name", v);
    const std::string unit_id = rpc::ParseOptionalName(req->unit(), "units", "unit", v);
    if (req->name().empty() == req->unit().empty()) v.Add("name", "exactly one of name and unit");
    const absl::CivilDay day = rpc::FromDate(req->as_of(), "as_of", v).value_or(kit_.clock().Today());
    return reader([&](sql::Connection& conn) -> absl::Status {
      if (!unit_id.empty()) {
        ASSIGN_OR_RETURN(CalendarAsOf governing, Governing(conn, unit_id, day));
        *resp = ToProto(governing);
        return absl::OkStatus();
      }
      ASSIGN_OR_RETURN(std::optional<CalendarAsOf> found, store::GetCalendar(conn, id, day));
      if (!found) return rpc::NotFound(CalendarName(id));
      *resp = ToProto(*found);
      return absl::OkStatus();
    });
  });
}

grpc::Status CalendarsApi::ListWorkCalendars(grpc::ServerContext* ctx, const v1::ListWorkCalendarsRequest* req,
                                             v1::ListWorkCalendarsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    const std::string filters = absl::StrCat("as_of=", as_of ? absl::FormatCivilTime(*as_of) : "");
    const std::string after = rpc::PageAfter(req->page_token(), filters, v);
    const absl::CivilDay day = as_of.value_or(kit_.clock().Today());
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<CalendarAsOf> rows, store::ListCalendars(conn, day, after, page_size + 1));
      resp->set_next_page_token(
          rpc::NextPageToken(rows, page_size, filters, [](const CalendarAsOf& c) { return c.calendar.id; }));
      for (const CalendarAsOf& c : rows) *resp->add_calendars() = ToProto(c);
      return absl::OkStatus();
    });
  });
}

grpc::Status CalendarsApi::ListWorkCalendarVersions(grpc::ServerContext* ctx,
                                                    const v1::ListWorkCalendarVersionsRequest* req,
                                                    v1::ListWorkCalendarVersionsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "workCalendars", "name", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::string filters = absl::StrCat("name=", req->name());
    const std::string after_text = rpc::PageAfter(req->page_token(), filters, v);
    std::optional<absl::CivilDay> after;
    if (!after_text.empty()) {
      absl::CivilDay day;
      if (!absl::ParseCivilTime(after_text, &day)) v.Add("page_token", "not a token of this list");
      after = day;
    }
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::optional<CalendarAsOf> found, store::GetCalendar(conn, id, kit_.clock().Today()));
      if (!found) return rpc::NotFound(CalendarName(id));
      ASSIGN_OR_RETURN(std::vector<CalendarVersion> rows, store::ListCalendarVersions(conn, id, after, page_size + 1));
      resp->set_next_page_token(rpc::NextPageToken(
          rows, page_size, filters, [](const CalendarVersion& c) { return absl::FormatCivilTime(c.effective_from); }));
      for (const CalendarVersion& c : rows) *resp->add_versions() = ToProto(c);
      return absl::OkStatus();
    });
  });
}

grpc::Status CalendarsApi::ComputeWorkingDeadline(grpc::ServerContext* ctx,
                                                  const v1::ComputeWorkingDeadlineRequest* req,
                                                  v1::ComputeWorkingDeadlineResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string unit_id = rpc::ParseName(req->unit(), "units", "unit", v);
    if (!req->has_arrival_time()) v.Add("arrival_time", "required");
    const absl::Time arrival = rpc::FromTimestamp(req->arrival_time());
    if (req->working_days() < 0 || req->working_days() > kMaxWorkingDays) {
      v.Add("working_days", absl::StrCat("0–", kMaxWorkingDays));
    }
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(CalendarAsOf governing, Governing(conn, unit_id, kit_.clock().DayOf(arrival)));
      const std::string name = CalendarName(governing.calendar.id);
      ASSIGN_OR_RETURN(std::vector<CalendarVersion> versions,
                       store::ListCalendarVersions(conn, governing.calendar.id, std::nullopt, kMaxVersionsCounted));
      ASSIGN_OR_RETURN(calendar::CalendarHistory history, HistoryOf(versions));
      ASSIGN_OR_RETURN(const calendar::CalendarHistory::Version* used, VersionForArrival(history, arrival, name));
      const absl::CivilDay arrival_day = used->calendar.DayOf(arrival);
      ASSIGN_OR_RETURN(absl::CivilDay due, used->calendar.AddWorkingDays(arrival_day, req->working_days()));
      *resp->mutable_deadline_time() = rpc::ToTimestamp(used->calendar.EndOfDay(due));
      *resp->mutable_due_day() = rpc::ToDate(due);
      *resp->mutable_arrival_day() = rpc::ToDate(arrival_day);
      resp->set_calendar(name);
      *resp->mutable_version_effective_from() = rpc::ToDate(used->effective_from);
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
