// The audit trail end to end: a change made through the gateway reaches
// svc-audit through the outbox relay with its actor, before/after and request
// id; the CLI shows a resource's history and verifies the chain; reading the
// trail needs the auditor role.
#include <chrono>
#include <cstdio>
#include <thread>

#include <gtest/gtest.h>

#include "huinong/audit/v1/audit.grpc.pb.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"
#include "tests/e2e/suite.h"

namespace huinong::e2e {
namespace {

std::string Cli(const std::string& args, int* code) {
  FILE* p = popen((Suite::Get().bin_dir() + "/huinongctl " + args + " 2>&1").c_str(), "r");
  std::string out;
  char buf[1024];
  while (p && fgets(buf, sizeof buf, p)) out += buf;
  const int status = p ? pclose(p) : -1;
  *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// The events of one resource, waiting up to 20 s for the relay to deliver.
std::vector<audit::v1::Event> History(const std::string& name, size_t at_least) {
  auto audit = audit::v1::AuditService::NewStub(Suite::Get().Gateway());
  std::vector<audit::v1::Event> events;
  for (int i = 0; i < 200 && events.size() < at_least; ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    audit::v1::SearchEventsRequest req;
    req.set_resource_type("unit");
    req.set_resource_id(name);
    audit::v1::SearchEventsResponse resp;
    grpc::Status s = audit->SearchEvents(Suite::Get().Context(Suite::Get().AdminToken()).get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    events.assign(resp.events().begin(), resp.events().end());
  }
  return events;
}

TEST(AuditE2E, AChangeThroughTheGatewayIsInTheTrailWithActorAndRequestId) {
  ASSERT_TRUE(Suite::Get().ok());
  auto org = org::v1::UnitService::NewStub(Suite::Get().Gateway());
  org::v1::CreateUnitRequest req;
  req.set_request_id("e2e-audit-" + Unique());
  req.mutable_unit()->set_display_name("审计县金融扶贫服务中心" + Unique());
  req.mutable_unit()->set_kind(org::v1::UNIT_KIND_CENTRE);
  req.mutable_unit()->set_level(type::v1::LEVEL_COUNTY);
  org::v1::Unit unit;
  ASSERT_TRUE(org->CreateUnit(Suite::Get().Context(Suite::Get().AdminToken()).get(), req, &unit).ok());

  auto events = History(unit.name(), 1);
  ASSERT_EQ(events.size(), 1u);
  const auto& e = events[0];
  EXPECT_EQ(e.service(), "svc-org");
  EXPECT_EQ(e.action(), "org.CreateUnit");
  EXPECT_EQ(e.actor().subject(), "admin");
  EXPECT_EQ(e.request_id(), req.request_id());
  EXPECT_EQ(e.before_json(), "");
  EXPECT_NE(e.after_json().find(unit.display_name()), std::string::npos) << e.after_json();
  EXPECT_GT(e.sequence(), 0);
  EXPECT_EQ(e.hash().size(), 32u);

  int code = 0;
  std::string history = Cli("audit history " + unit.name(), &code);
  EXPECT_EQ(code, 0) << history;
  EXPECT_NE(history.find("org.CreateUnit"), std::string::npos) << history;
  EXPECT_NE(history.find(req.request_id()), std::string::npos) << history;
  EXPECT_NE(history.find("admin"), std::string::npos) << history;
}

TEST(AuditE2E, TheCliReportsTheChainIntact) {
  ASSERT_TRUE(Suite::Get().ok());
  int code = 0;
  std::string out = Cli("audit verify", &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("chain intact"), std::string::npos) << out;
}

TEST(AuditE2E, ExportVerifiesOffline) {
  ASSERT_TRUE(Suite::Get().ok());
  const std::string file = testing::TempDir() + "/export-" + Unique() + ".jsonl";
  int code = 0;
  std::string out = Cli("audit export -o " + file, &code);
  ASSERT_EQ(code, 0) << out;
  out = Cli("audit verify-export " + file, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("export verified"), std::string::npos) << out;
}

TEST(AuditE2E, ReadingTheTrailNeedsTheAuditorRole) {
  ASSERT_TRUE(Suite::Get().ok());
  auto audit = audit::v1::AuditService::NewStub(Suite::Get().Gateway());
  audit::v1::SearchEventsResponse resp;
  const std::string staff = Suite::Get().Token("staff/e2e", {"staff"}, "");
  EXPECT_EQ(audit->SearchEvents(Suite::Get().Context(staff).get(), audit::v1::SearchEventsRequest(), &resp)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  audit::v1::AppendEventsResponse appended;
  audit::v1::AppendEventsRequest append;
  append.add_events()->set_event_id("forged");
  EXPECT_EQ(audit->AppendEvents(Suite::Get().Context(Suite::Get().AdminToken()).get(), append, &appended)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace
}  // namespace huinong::e2e
