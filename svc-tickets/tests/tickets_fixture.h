// An in-process svc-tickets for API tests: a fresh database on the test
// MariaDB with the real migrations, the real handlers behind the real server
// bootstrap (the four services as the binary hosts them), real tokens, and
// a settable business clock standing at Monday 2026-12-07 09:00 in
// Asia/Shanghai. svc-org is a TableOrgView (working hours Monday–Friday
// 08:30–12:00, 13:30–17:30):
//
//   county (COUNTY) ─ town1 (TOWNSHIP) ─ v11, v12 (VILLAGE)
//                   └ town2 (TOWNSHIP)
//
// and these people (staff id: capability @ unit, acting for that unit):
//   agent11: tickets.agent @ v11      agent12: tickets.agent @ v12
//   agent1: tickets.agent @ town1     lead1: tickets.supervisor, tickets.agent @ town1
//   head1: tickets.manager @ town1    caller1: tickets.callback @ town1
//   countylead: tickets.supervisor @ county  lead2: tickets.supervisor @ town2
#pragma once

#include <memory>
#include <set>
#include <string>

#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "common/core/business_clock.h"
#include "common/db/tests/test_database.h"
#include "common/metrics/registry.h"
#include "common/org_directory/testing/table_org_view.h"
#include "common/server/service_host.h"
#include "common/server/service_main.h"
#include "common/server/tests/test_callers.h"
#include "huinong/tickets/v1/callback_handover_service.grpc.pb.h"
#include "huinong/tickets/v1/customer_service.grpc.pb.h"
#include "huinong/tickets/v1/sla_policy_service.grpc.pb.h"
#include "huinong/tickets/v1/ticket_service.grpc.pb.h"
#include "svc-tickets/src/api/tickets_kit.h"

namespace huinong::tickets {

// A refusal's reason (google.rpc.ErrorInfo) and the fields it names.
std::string Reason(const grpc::Status& s);
std::set<std::string> Fields(const grpc::Status& s);

class TicketsFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A context for one of the fixture's people, acting for their unit.
  std::unique_ptr<grpc::ClientContext> As(const std::string& staff_id);
  std::string NextRequestId() { return "req-" + std::to_string(++next_request_); }
  // The one number a query answers (a COUNT(*)).
  int64_t Count(const std::string& sql);

  // A complaint about a loan, taken by `staff` (a P3: complaint, SIMPLE).
  v1::CreateTicketRequest LoanComplaint();
  v1::Ticket Create(const std::string& staff, const v1::CreateTicketRequest& req);
  google::protobuf::Timestamp In(absl::Duration d) const;
  // Assigned by lead1 (the township's shift leader) to `assignee`, who
  // starts work.
  v1::Ticket AssignAndStart(const v1::Ticket& t, const std::string& assignee);
  // A request acting on `t` at its current etag, with a new request id.
  template <class Request>
  Request Named(const v1::Ticket& t) {
    Request r;
    r.set_request_id(NextRequestId());
    r.set_name(t.name());
    r.set_etag(t.etag());
    return r;
  }

  std::unique_ptr<db::TestDatabase> db_;
  std::unique_ptr<db::DbPool> pool_;
  server::TestCallers callers_;
  std::shared_ptr<BusinessClock> clock_;
  std::shared_ptr<org_directory::TableOrgView> org_ = std::make_shared<org_directory::TableOrgView>();
  metrics::Registry registry_;
  std::shared_ptr<TicketsKit> kit_;
  std::vector<server::HostedService> services_;
  std::unique_ptr<server::ServiceHost> host_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::TicketService::Stub> tickets_;
  std::unique_ptr<v1::CallbackHandoverService::Stub> callbacks_;
  std::unique_ptr<v1::SlaPolicyService::Stub> sla_;
  std::unique_ptr<v1::CustomerService::Stub> customers_;
  int next_request_ = 0;
};

}  // namespace huinong::tickets
