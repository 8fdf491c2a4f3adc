// See work_calendars.h.
#include "common/org_directory/work_calendars.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/org_directory/calendar_proto.h"
#include "common/rpc/status_details.h"
#include "common/rpc/proto_time.h"

namespace huinong::org_directory {

WorkCalendars::WorkCalendars(std::shared_ptr<grpc::Channel> org, TokenSource token, WorkCalendarsOptions options,
                             std::function<absl::Time()> clock)
    : stub_(org::v1::CalendarService::NewStub(std::move(org))),
      token_(std::move(token)),
      options_(options),
      calendars_(options.ttl, options.max_entries, std::move(clock)) {}

absl::StatusOr<std::shared_ptr<const calendar::WorkCalendar>> WorkCalendars::For(const std::string& unit_id,
                                                                                 absl::CivilDay day) {
  const std::string key = absl::StrCat(unit_id, "|", absl::FormatCivilTime(day));
  if (auto cached = calendars_.Find(key)) return *cached;
  const auto ticket = calendars_.Take();

  org::v1::GetWorkCalendarRequest request;
  request.set_unit(absl::StrCat("units/", unit_id));
  *request.mutable_as_of() = rpc::ToDate(day);
  org::v1::WorkCalendar found;
  const absl::Status status =
      CallOrg(token_, options_.deadline, absl::StrCat("which work calendar governs units/", unit_id),
              [&](grpc::ClientContext& ctx) { return stub_->GetWorkCalendar(&ctx, request, &found); });
  if (absl::IsNotFound(status) || (status.ok() && !found.has_version())) {
    return rpc::FailedPrecondition(
        "NO_WORK_CALENDAR",
        absl::StrCat("no work calendar in force on ", absl::FormatCivilTime(day), " governs units/", unit_id,
                     ": the county sets one up in svc-org (CalendarService)"));
  }
  RETURN_IF_ERROR(status);
  rpc::Violations v;
  calendar::WorkCalendarSpec spec = SpecFromProto(found.version(), "version.", v);
  if (!v.empty()) {
    return absl::InternalError(absl::StrCat("svc-org's calendar ", found.name(), " does not pass the rules: ",
                                            v.ToStatus().message()));
  }
  absl::StatusOr<calendar::WorkCalendar> made = calendar::WorkCalendar::Create(std::move(spec));
  if (!made.ok()) {
    return absl::InternalError(absl::StrCat("svc-org's calendar ", found.name(), ": ", made.status().message()));
  }
  auto shared = std::make_shared<const calendar::WorkCalendar>(*std::move(made));
  calendars_.Put(key, shared, ticket);
  return shared;
}

}  // namespace huinong::org_directory
