// The fake svc-org's CalendarService (see fake_suite.h): calendars kept in
// memory with what the client relies on — request-id replay, one calendar
// per unit (CALENDAR_EXISTS), etags raised by each version, the version
// in force on as_of, versions paged one at a time so paging is exercised.
// Calendar rules are not checked (that is svc-org's job, tested there), and
// the deadline is whatever the test set, with the request kept.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/synchronization/mutex.h"
#include "huinong/org/v1/calendar_service.grpc.pb.h"

namespace huinong::ctl::testing {

class FakeCalendars final : public org::v1::CalendarService::Service {
 public:
  grpc::Status CreateWorkCalendar(grpc::ServerContext* ctx, const org::v1::CreateWorkCalendarRequest* req,
                                  org::v1::WorkCalendar* resp) override;
  // By name, or the calendar whose unit is exactly `unit` (no tree here).
  grpc::Status GetWorkCalendar(grpc::ServerContext* ctx, const org::v1::GetWorkCalendarRequest* req,
                               org::v1::WorkCalendar* resp) override;
  grpc::Status AddWorkCalendarVersion(grpc::ServerContext* ctx, const org::v1::AddWorkCalendarVersionRequest* req,
                                      org::v1::WorkCalendar* resp) override;
  grpc::Status ListWorkCalendarVersions(grpc::ServerContext* ctx,
                                        const org::v1::ListWorkCalendarVersionsRequest* req,
                                        org::v1::ListWorkCalendarVersionsResponse* resp) override;
  grpc::Status ComputeWorkingDeadline(grpc::ServerContext* ctx, const org::v1::ComputeWorkingDeadlineRequest* req,
                                      org::v1::ComputeWorkingDeadlineResponse* resp) override;

  void SetDeadline(const org::v1::ComputeWorkingDeadlineResponse& answer);
  org::v1::ComputeWorkingDeadlineRequest last_deadline_request() const;
  org::v1::GetWorkCalendarRequest last_get() const;
  std::string last_add_etag() const;
  // Every calendar with its versions, oldest first.
  std::vector<std::pair<org::v1::WorkCalendar, std::vector<org::v1::WorkCalendarVersion>>> Calendars() const;

 private:
  struct Stored {
    org::v1::WorkCalendar calendar;  // without a version
    std::vector<org::v1::WorkCalendarVersion> versions;
  };
  Stored* Find(const std::string& name);  // requires mu_
  org::v1::WorkCalendar Shown(const Stored& stored, const org::v1::WorkCalendarVersion* version) const;

  mutable absl::Mutex mu_;
  std::vector<Stored> calendars_;
  std::map<std::string, std::string> replayed_;  // request id -> serialized response
  org::v1::ComputeWorkingDeadlineResponse deadline_;
  org::v1::ComputeWorkingDeadlineRequest last_deadline_request_;
  org::v1::GetWorkCalendarRequest last_get_;
  std::string last_add_etag_;
};

}  // namespace huinong::ctl::testing
