// CalendarService's gRPC handlers: the suite's work calendars (see
// calendar_service.proto and calendars.proto for the contract). Writes are
// here (calendars_api.cc), reads and the deadline in calendar_reads_api.cc.
//
// Guarantees: a calendar is created, and versioned, only by admin or an
// org.admin acting for its unit or a unit above it; every write checks the
// whole version (naming every bad field by its request path), is idempotent
// per (caller, request_id) and records one audit event through the outbox.
// Every authenticated caller reads every calendar. A deadline is counted on
// the version in force on the arrival day, with common/calendar's rules.
#pragma once

#include <memory>

#include <grpcpp/server_context.h>

#include "huinong/org/v1/calendar_service.grpc.pb.h"
#include "svc-org/src/api/org_kit.h"

namespace huinong::org {

class CalendarsApi final : public v1::CalendarService::Service, private OrgHandlers {
 public:
  explicit CalendarsApi(std::shared_ptr<OrgKit> org) : OrgHandlers(std::move(org)) {}

  grpc::Status CreateWorkCalendar(grpc::ServerContext* ctx, const v1::CreateWorkCalendarRequest* req,
                                  v1::WorkCalendar* resp) override;
  grpc::Status GetWorkCalendar(grpc::ServerContext* ctx, const v1::GetWorkCalendarRequest* req,
                               v1::WorkCalendar* resp) override;
  grpc::Status ListWorkCalendars(grpc::ServerContext* ctx, const v1::ListWorkCalendarsRequest* req,
                                 v1::ListWorkCalendarsResponse* resp) override;
  grpc::Status AddWorkCalendarVersion(grpc::ServerContext* ctx, const v1::AddWorkCalendarVersionRequest* req,
                                      v1::WorkCalendar* resp) override;
  grpc::Status ListWorkCalendarVersions(grpc::ServerContext* ctx, const v1::ListWorkCalendarVersionsRequest* req,
                                        v1::ListWorkCalendarVersionsResponse* resp) override;
  grpc::Status ComputeWorkingDeadline(grpc::ServerContext* ctx, const v1::ComputeWorkingDeadlineRequest* req,
                                      v1::ComputeWorkingDeadlineResponse* resp) override;
};

}  // namespace huinong::org
