// The work calendar that governs a unit (its own, or the nearest one above
// it), read from svc-org's CalendarService as in force on a given day: what
// svc-loans counts the county review's working days on, and svc-tickets its
// SLA clocks.
//
// Guarantees: an answer is reused for at most `ttl`, so a new calendar
// version in svc-org is honoured within `ttl`; failures are never cached and
// keep CallOrg's mapping (org_call.h): svc-org down is UNAVAILABLE /
// ORG_UNAVAILABLE; a unit no calendar governs is FAILED_PRECONDITION /
// NO_WORK_CALENDAR (the county has to set one up: nothing is assumed); a
// stored version that no longer passes the calendar rules is INTERNAL.
// Thread-safe.
#pragma once

#include <memory>
#include <string>

#include <grpcpp/channel.h>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/calendar/work_calendar.h"
#include "common/core/ttl_cache.h"
#include "common/org_directory/org_call.h"
#include "huinong/org/v1/calendar_service.grpc.pb.h"

namespace huinong::org_directory {

struct WorkCalendarsOptions {
  absl::Duration ttl = absl::Minutes(5);
  size_t max_entries = 10'000;
  absl::Duration deadline = absl::Seconds(2);
};

class WorkCalendars {
 public:
  WorkCalendars(std::shared_ptr<grpc::Channel> org, TokenSource token, WorkCalendarsOptions options = {},
                std::function<absl::Time()> clock = absl::Now);

  // The calendar governing `unit_id` (without "units/") in force on `day`.
  absl::StatusOr<std::shared_ptr<const calendar::WorkCalendar>> For(const std::string& unit_id, absl::CivilDay day);

 private:
  std::unique_ptr<org::v1::CalendarService::Stub> stub_;
  TokenSource token_;
  WorkCalendarsOptions options_;
  TtlCache<std::shared_ptr<const calendar::WorkCalendar>> calendars_;
};

}  // namespace huinong::org_directory
