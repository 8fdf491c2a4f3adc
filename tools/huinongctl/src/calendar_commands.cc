// `huinongctl calendar ...`: svc-org's work calendars from the shell —
// create one from a calendar file, show it (by name, or the one governing a
// unit) as of a day, list its versions, add a version from a file, and ask
// for a working-day deadline. Writes carry a request id (given or a new
// ULID, printed, also on failure); add-version fetches the calendar's
// current etag when none is given.
#include <iostream>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "huinong/org/v1/calendar_service.grpc.pb.h"
#include "tools/huinongctl/src/calendar_format.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/org_client.h"
#include "tools/huinongctl/src/subcommands.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;

// The version in --spec FILE (- for stdin).
absl::StatusOr<v1::WorkCalendarVersion> SpecFile(const Invocation& inv) {
  ASSIGN_OR_RETURN(const std::string path, RequiredFlag(inv, "spec"));
  ASSIGN_OR_RETURN(const std::string text, ReadInputFile(path));
  absl::StatusOr<v1::WorkCalendarVersion> version = ParseCalendarFile(text);
  if (!version.ok()) return UsageError(absl::StrCat("--spec ", path, ": ", version.status().message()));
  return version;
}

absl::StatusOr<v1::WorkCalendar> GetCalendar(const OrgClient& org, const v1::GetWorkCalendarRequest& request) {
  return org.Call<v1::WorkCalendar>(&v1::CalendarService::Stub::GetWorkCalendar, request);
}

// "workCalendars/ID" from the first word.
absl::StatusOr<std::string> CalendarArg(const Invocation& inv) {
  ASSIGN_OR_RETURN(const std::string name, Arg(inv, 0, "calendar (workCalendars/ID)"));
  return ResourceName("workCalendars", name);
}

absl::Status PrintCalendar(const Invocation& inv, const absl::StatusOr<v1::WorkCalendar>& calendar,
                           const std::string& verb, const std::string& request_id) {
  if (!calendar.ok()) return request_id.empty() ? calendar.status() : WithRequestId(calendar.status(), request_id);
  if (inv.json) return PrintProtoJson(*calendar);
  if (!verb.empty()) std::cout << verb << " " << calendar->name() << "\n";
  std::cout << CalendarDetail(*calendar);
  if (!request_id.empty()) std::cout << "request_id  " << request_id << "\n";
  return absl::OkStatus();
}

absl::Status CalendarCreate(const Invocation& inv, const OrgClient& org) {
  v1::CreateWorkCalendarRequest request;
  request.set_request_id(RequestIdOf(inv));
  v1::WorkCalendar& calendar = *request.mutable_calendar();
  ASSIGN_OR_RETURN(const std::string unit, RequiredFlag(inv, "unit"));
  calendar.set_unit(ResourceName("units", unit));
  ASSIGN_OR_RETURN(*calendar.mutable_display_name(), RequiredFlag(inv, "name"));
  ASSIGN_OR_RETURN(*calendar.mutable_version(), SpecFile(inv));
  return PrintCalendar(inv, org.Call<v1::WorkCalendar>(&v1::CalendarService::Stub::CreateWorkCalendar, request),
                       "created", request.request_id());
}

absl::Status CalendarGet(const Invocation& inv, const OrgClient& org) {
  v1::GetWorkCalendarRequest request;
  if (inv.config.Has("unit")) {
    if (!inv.args.empty()) return UsageError("give a calendar or --unit, not both");
    request.set_unit(ResourceName("units", inv.config.String("unit")));
  } else {
    ASSIGN_OR_RETURN(*request.mutable_name(), CalendarArg(inv));
  }
  bool set = false;
  RETURN_IF_ERROR(DateFlag(inv, "as_of", request.mutable_as_of(), &set));
  return PrintCalendar(inv, GetCalendar(org, request), "", "");
}

absl::Status CalendarVersions(const Invocation& inv, const OrgClient& org) {
  v1::ListWorkCalendarVersionsRequest request;
  ASSIGN_OR_RETURN(*request.mutable_name(), CalendarArg(inv));
  request.set_page_size(kFullPage);
  v1::ListWorkCalendarVersionsResponse all;
  while (true) {
    ASSIGN_OR_RETURN(v1::ListWorkCalendarVersionsResponse page,
                     org.Call<v1::ListWorkCalendarVersionsResponse>(
                         &v1::CalendarService::Stub::ListWorkCalendarVersions, request));
    all.mutable_versions()->MergeFrom(page.versions());
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  if (inv.json) return PrintProtoJson(all);
  std::cout << CalendarVersionsTable({all.versions().begin(), all.versions().end()}).Render();
  return absl::OkStatus();
}

absl::Status CalendarAddVersion(const Invocation& inv, const OrgClient& org) {
  v1::AddWorkCalendarVersionRequest request;
  request.set_request_id(RequestIdOf(inv));
  ASSIGN_OR_RETURN(*request.mutable_name(), CalendarArg(inv));
  ASSIGN_OR_RETURN(*request.mutable_version(), SpecFile(inv));
  request.set_etag(inv.config.String("etag"));
  if (request.etag().empty()) {
    v1::GetWorkCalendarRequest get;
    get.set_name(request.name());
    ASSIGN_OR_RETURN(const v1::WorkCalendar current, GetCalendar(org, get));
    request.set_etag(current.etag());
  }
  return PrintCalendar(inv, org.Call<v1::WorkCalendar>(&v1::CalendarService::Stub::AddWorkCalendarVersion, request),
                       "added a version to", request.request_id());
}

absl::Status CalendarDeadline(const Invocation& inv, const OrgClient& org) {
  v1::ComputeWorkingDeadlineRequest request;
  ASSIGN_OR_RETURN(const std::string unit, RequiredFlag(inv, "unit"));
  request.set_unit(ResourceName("units", unit));
  ASSIGN_OR_RETURN(const std::string arrival_text, RequiredFlag(inv, "arrival"));
  absl::Time arrival;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, arrival_text, &arrival, &error)) {
    return UsageError(absl::StrCat("--arrival: \"", arrival_text, "\" is not RFC 3339 (2026-02-13T10:00:00+08:00)"));
  }
  *request.mutable_arrival_time() = rpc::ToTimestamp(arrival);
  ASSIGN_OR_RETURN(const int days, CountFlag(inv, "days", -1));
  if (days < 0) return UsageError("--days N (working days) is required");
  request.set_working_days(days);
  ASSIGN_OR_RETURN(const v1::ComputeWorkingDeadlineResponse deadline,
                   org.Call<v1::ComputeWorkingDeadlineResponse>(&v1::CalendarService::Stub::ComputeWorkingDeadline,
                                                                request));
  if (inv.json) return PrintProtoJson(deadline);
  std::cout << DeadlineText(deadline);
  return absl::OkStatus();
}

const OrgSubcommands& Subcommands() {
  static const auto* table = new OrgSubcommands{
      {"calendar create", {&CalendarCreate, {"unit", "name", "spec", "request_id"}, 0}},
      {"calendar get", {&CalendarGet, {"unit", "as_of"}, 1}},
      {"calendar versions", {&CalendarVersions, {}, 1}},
      {"calendar add-version", {&CalendarAddVersion, {"spec", "etag", "request_id"}, 1}},
      {"calendar deadline", {&CalendarDeadline, {"unit", "arrival", "days"}, 0}},
  };
  return *table;
}

}  // namespace

absl::Status RunCalendar(const Invocation& inv) { return RunOrgSubcommand(inv, Subcommands()); }

}  // namespace huinong::ctl
