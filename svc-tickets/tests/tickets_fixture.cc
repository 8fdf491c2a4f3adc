// See tickets_fixture.h.
#include "svc-tickets/tests/tickets_fixture.h"

#include <map>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/status_details.h"
#include "common/server/tests/in_process.h"
#include "svc-tickets/src/api/tickets_services.h"
#include "svc-tickets/src/store/migrations.h"

namespace huinong::tickets {
namespace {

const std::map<std::string, std::string>& People() {
  static const auto* people = new std::map<std::string, std::string>{
      {"agent11", "v11"}, {"agent12", "v12"},   {"agent1", "town1"},        {"lead1", "town1"},
      {"head1", "town1"}, {"caller1", "town1"}, {"countylead", "county"}, {"lead2", "town2"},
  };
  return *people;
}

}  // namespace

std::string Reason(const grpc::Status& s) { return rpc::ReasonOf(rpc::FromGrpcStatus(s)); }

std::set<std::string> Fields(const grpc::Status& s) {
  std::set<std::string> fields;
  for (const rpc::FieldViolation& f : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) fields.insert(f.field);
  return fields;
}

void TicketsFixture::SetUp() {
  ASSERT_NO_FATAL_FAILURE(server::OpenTestDatabase("tickets", Migrations(), db_, pool_));
  // Monday 2026-12-07 09:00 in Asia/Shanghai.
  clock_ = BusinessClock::Settable(absl::FromCivil(absl::CivilSecond(2026, 12, 7, 1, 0, 0), absl::UTCTimeZone()),
                                   "Asia/Shanghai");
  using type::v1::LEVEL_COUNTY, type::v1::LEVEL_TOWNSHIP, type::v1::LEVEL_VILLAGE;
  org_->AddUnit("county", LEVEL_COUNTY);
  org_->AddUnit("town1", LEVEL_TOWNSHIP, "county");
  org_->AddUnit("v11", LEVEL_VILLAGE, "town1");
  org_->AddUnit("v12", LEVEL_VILLAGE, "town1");
  org_->AddUnit("town2", LEVEL_TOWNSHIP, "county");
  org_->Grant("agent11", "tickets.agent", "v11");
  org_->Grant("agent12", "tickets.agent", "v12");
  org_->Grant("agent1", "tickets.agent", "town1");
  org_->Grant("lead1", "tickets.supervisor", "town1");
  org_->Grant("lead1", "tickets.agent", "town1");
  org_->Grant("head1", "tickets.manager", "town1");
  org_->Grant("caller1", "tickets.callback", "town1");
  org_->Grant("countylead", "tickets.supervisor", "county");
  org_->Grant("lead2", "tickets.supervisor", "town2");

  kit_ = std::make_shared<TicketsKit>(*pool_, callers_.gate(), clock_, org_, registry_);
  services_ = TicketsServices(kit_);
  channel_ = server::HostInProcess(services_, registry_, callers_.gate(), host_);
  ASSERT_NE(channel_, nullptr);
  tickets_ = v1::TicketService::NewStub(channel_);
  callbacks_ = v1::CallbackHandoverService::NewStub(channel_);
  sla_ = v1::SlaPolicyService::NewStub(channel_);
  customers_ = v1::CustomerService::NewStub(channel_);
}

void TicketsFixture::TearDown() { server::StopInProcess(host_); }

std::unique_ptr<grpc::ClientContext> TicketsFixture::As(const std::string& staff_id) {
  auto it = People().find(staff_id);
  EXPECT_NE(it, People().end()) << staff_id << " is not one of the fixture's people";
  return callers_.As(absl::StrCat("staff/", staff_id), {},
                     absl::StrCat("units/", it == People().end() ? "" : it->second));
}

int64_t TicketsFixture::Count(const std::string& sql) {
  auto conn = pool_->Connect();
  EXPECT_TRUE(conn.ok()) << conn.status();
  if (!conn.ok()) return -1;
  std::unique_ptr<sql::PreparedStatement> q((*conn)->prepareStatement(sql));
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  return rs->next() ? rs->getInt64(1) : -1;
}

v1::CreateTicketRequest TicketsFixture::LoanComplaint() {
  v1::CreateTicketRequest req;
  req.set_request_id(NextRequestId());
  v1::Ticket* t = req.mutable_ticket();
  t->set_type(v1::TICKET_TYPE_COMPLAINT);
  t->set_channel(v1::TICKET_CHANNEL_VISIT);
  t->set_summary("贷款贴息迟迟未到账");
  t->mutable_contact()->set_display_name("王秀英");
  t->mutable_contact()->set_phone("13800138000");
  t->mutable_related()->set_service("loans");
  t->mutable_related()->set_name("loans/01JLOAN0000000000000000000");
  return req;
}

v1::Ticket TicketsFixture::Create(const std::string& staff, const v1::CreateTicketRequest& req) {
  v1::Ticket out;
  const grpc::Status s = tickets_->CreateTicket(As(staff).get(), req, &out);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return out;
}

v1::Ticket TicketsFixture::AssignAndStart(const v1::Ticket& t, const std::string& assignee) {
  auto assign = Named<v1::AssignTicketRequest>(t);
  assign.set_assignee("staff/" + assignee);
  v1::Ticket assigned;
  grpc::Status s = tickets_->AssignTicket(As("lead1").get(), assign, &assigned);
  EXPECT_TRUE(s.ok()) << s.error_message();
  v1::Ticket started;
  s = tickets_->StartWork(As(assignee).get(), Named<v1::StartWorkRequest>(assigned), &started);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return started;
}

google::protobuf::Timestamp TicketsFixture::In(absl::Duration d) const { return rpc::ToTimestamp(clock_->Now() + d); }

}  // namespace huinong::tickets
