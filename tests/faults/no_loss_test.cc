// Nothing is lost and nothing is duplicated when a service or svc-audit
// stops: with svc-audit down, 200 changes made through the gateway all reach
// the trail exactly once after it comes back; with svc-org SIGKILLed in the
// middle of a burst, every committed change has exactly one event and no
// event exists for a change that was not committed. Both end with the chain
// verified. The services are stopped and started again with scripts/up.sh,
// as an operator would.
#include <signal.h>

#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "absl/time/clock.h"
#include "common/rpc/proto_time.h"
#include "huinong/audit/v1/audit.grpc.pb.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"
#include "tests/e2e/suite.h"

namespace huinong::e2e {
namespace {

using org::v1::UnitService;

class NoLoss : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Suite::Get().ok());
    org_ = UnitService::NewStub(Suite::Get().Gateway());
    audit_ = audit::v1::AuditService::NewStub(Suite::Get().Gateway());
    start_ = absl::Now() - absl::Seconds(1);
  }

  void TearDown() override { EXPECT_TRUE(Suite::Get().Restart()) << "could not restart the suite"; }

  grpc::Status CreateTownship(const std::string& parent, const std::string& name, org::v1::Unit* out) {
    org::v1::CreateUnitRequest req;
    req.set_request_id("noloss-" + Unique());
    req.mutable_unit()->set_display_name(name);
    req.mutable_unit()->set_kind(org::v1::UNIT_KIND_DEPARTMENT);
    req.mutable_unit()->set_level(type::v1::LEVEL_TOWNSHIP);
    req.mutable_unit()->set_parent(parent);
    return org_->CreateUnit(Suite::Get().Context(Suite::Get().AdminToken()).get(), req, out);
  }

  org::v1::Unit County(const std::string& label) {
    org::v1::CreateUnitRequest req;
    req.set_request_id("noloss-county-" + Unique());
    req.mutable_unit()->set_display_name(label + Unique());
    req.mutable_unit()->set_kind(org::v1::UNIT_KIND_CENTRE);
    req.mutable_unit()->set_level(type::v1::LEVEL_COUNTY);
    org::v1::Unit county;
    grpc::Status s = org_->CreateUnit(Suite::Get().Context(Suite::Get().AdminToken()).get(), req, &county);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return county;
  }

  // The committed children of `parent`, read back from svc-org.
  std::set<std::string> Children(const std::string& parent) {
    std::set<std::string> names;
    org::v1::ListUnitsRequest req;
    req.set_parent(parent);
    req.set_page_size(500);
    do {
      org::v1::ListUnitsResponse resp;
      grpc::Status s = org_->ListUnits(Suite::Get().Context(Suite::Get().AdminToken()).get(), req, &resp);
      EXPECT_TRUE(s.ok()) << s.error_message();
      if (!s.ok()) break;
      for (const auto& u : resp.units()) names.insert(u.name());
      req.set_page_token(resp.next_page_token());
    } while (!req.page_token().empty());
    return names;
  }

  // How many org.CreateUnit events name each unit whose after_json puts it
  // under `parent`, waiting until `expected` distinct units have arrived.
  std::map<std::string, int> CreateEventsUnder(const std::string& parent, size_t expected) {
    std::map<std::string, int> counts;
    for (int attempt = 0; attempt < 120; ++attempt) {
      counts.clear();
      audit::v1::SearchEventsRequest req;
      req.set_action("org.CreateUnit");
      req.set_service("svc-org");
      *req.mutable_time_from() = rpc::ToTimestamp(start_);
      req.set_page_size(500);
      bool ok = true;
      do {
        audit::v1::SearchEventsResponse resp;
        grpc::Status s = audit_->SearchEvents(Suite::Get().Context(Suite::Get().AdminToken()).get(), req, &resp);
        if (!s.ok()) {
          ok = false;  // svc-audit may still be starting
          break;
        }
        for (const auto& e : resp.events()) {
          // Units created under `parent` (not `parent` itself, whose own name matches too).
          if (e.after_json().find("\"parent\":\"" + parent + "\"") != std::string::npos) {
            ++counts[e.resource_id()];
          }
        }
        req.set_page_token(resp.next_page_token());
      } while (!req.page_token().empty());
      if (ok && counts.size() >= expected) return counts;
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    return counts;
  }

  void ExpectChainIntact() {
    audit::v1::VerifyChainResponse resp;
    grpc::Status s = audit_->VerifyChain(Suite::Get().Context(Suite::Get().AdminToken()).get(),
                                         audit::v1::VerifyChainRequest(), &resp);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_TRUE(resp.ok()) << "chain broken at " << resp.first_bad_sequence() << " problem "
                           << resp.problem();
    EXPECT_GT(resp.checked_count(), 0);
  }

  std::unique_ptr<UnitService::Stub> org_;
  std::unique_ptr<audit::v1::AuditService::Stub> audit_;
  absl::Time start_;
};

TEST_F(NoLoss, TwoHundredChangesWhileTheAuditServiceIsDownAllArriveOnce) {
  org::v1::Unit county = County("审计停机县");
  ASSERT_TRUE(Suite::Get().StopService("audit", SIGTERM));

  std::set<std::string> created;
  for (int i = 0; i < 200; ++i) {
    org::v1::Unit unit;
    grpc::Status s = CreateTownship(county.name(), "停机镇" + std::to_string(i), &unit);
    ASSERT_TRUE(s.ok()) << "change " << i << ": " << s.error_message();
    created.insert(unit.name());
  }
  ASSERT_EQ(created.size(), 200u);

  ASSERT_TRUE(Suite::Get().Restart());
  std::map<std::string, int> events = CreateEventsUnder(county.name(), created.size());
  std::set<std::string> with_events;
  for (const auto& [name, count] : events) {
    EXPECT_EQ(count, 1) << name << " has " << count << " events";
    with_events.insert(name);
  }
  EXPECT_EQ(with_events, created);
  ExpectChainIntact();
}

TEST_F(NoLoss, KilledMidBurstEveryCommittedChangeHasExactlyOneEvent) {
  org::v1::Unit county = County("强杀县");
  std::atomic<int> attempted{0}, succeeded{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; !stop.load() && i < 400; ++i) {
        org::v1::Unit unit;
        ++attempted;
        if (CreateTownship(county.name(), "强杀镇" + std::to_string(w) + "-" + std::to_string(i), &unit).ok()) {
          ++succeeded;
        }
      }
    });
  }
  while (succeeded.load() < 60) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_TRUE(Suite::Get().StopService("org", SIGKILL));  // in the middle of the burst
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop = true;
  for (auto& t : writers) t.join();
  ASSERT_LT(succeeded.load(), attempted.load()) << "the kill landed after the burst";

  ASSERT_TRUE(Suite::Get().Restart());
  std::set<std::string> committed = Children(county.name());
  ASSERT_GE(committed.size(), 60u);
  std::map<std::string, int> events = CreateEventsUnder(county.name(), committed.size());
  std::set<std::string> with_events;
  for (const auto& [name, count] : events) {
    EXPECT_EQ(count, 1) << name << " has " << count << " events";
    with_events.insert(name);
  }
  // Exactly the committed changes: none missing, none for a change that rolled back.
  EXPECT_EQ(with_events, committed);
  ExpectChainIntact();
}

}  // namespace
}  // namespace huinong::e2e
