// What two replicas of every service behind the gateway must still guarantee
// (scripts/up.sh --replicas 2; scripts/test.sh runs the e2e label against
// such a suite): calls go to either replica and see one state, background
// jobs do their work once across replicas, and a cache is stale for no
// longer than it says. Against a suite of one replica these tests skip.
//
// - Outbox relays: every replica of a service runs one, and a round runs only
//   while holding the outbox_lease row (common/outbox/relay.h); svc-audit's
//   ingest is idempotent by event_id besides. Changes made through both
//   replicas of svc-org reach the audit chain exactly once each.
// - svc-org's capability cache (svc-org/src/domain/capability_cache.h): a
//   change made through the other replica is seen within its ttl, 5 s; one
//   made through the same replica at once.
#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "common/core/business_clock.h"
#include "huinong/audit/v1/audit.grpc.pb.h"
#include "huinong/org/v1/posts.pb.h"
#include "huinong/org/v1/queries.pb.h"
#include "huinong/org/v1/staff.pb.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"
#include "huinong/org/v1/units.pb.h"
#include "tests/e2e/ctl.h"
#include "tests/e2e/suite.h"

namespace huinong::e2e {
namespace {

const Backend* Named(const std::string& name) {
  for (const Backend& backend : Suite::Get().backends()) {
    if (backend.name == name) return &backend;
  }
  return nullptr;
}

#define REQUIRE_TWO_REPLICAS(backend)                                                      \
  ASSERT_TRUE(Suite::Get().ok());                                                          \
  ASSERT_NE(backend, nullptr);                                                             \
  if (backend->replicas.size() < 2) GTEST_SKIP() << "the suite runs one replica per service"

// The audit events of one unit.
std::vector<audit::v1::Event> UnitEvents(const std::string& unit) {
  auto audit = audit::v1::AuditService::NewStub(Suite::Get().Gateway());
  audit::v1::SearchEventsRequest req;
  req.set_resource_type("unit");
  req.set_resource_id(unit);
  audit::v1::SearchEventsResponse resp;
  grpc::Status s = audit->SearchEvents(Suite::Get().Context(Suite::Get().AdminToken()).get(), req, &resp);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return {resp.events().begin(), resp.events().end()};
}

TEST(ReplicasE2E, ChangesThroughBothReplicasReachTheAuditChainOnceEach) {
  const Backend* org = Named("org");
  REQUIRE_TWO_REPLICAS(org);
  std::vector<std::string> units;
  for (int i = 0; i < 10; ++i) {
    // Alternately through each replica, directly: both relays have rows to send.
    const std::string& addr = org->replicas[i % org->replicas.size()];
    auto stub = org::v1::UnitService::NewStub(grpc::CreateChannel(addr, grpc::InsecureChannelCredentials()));
    org::v1::CreateUnitRequest req;
    req.set_request_id("e2e-replicas-" + Unique());
    req.mutable_unit()->set_display_name("复本县金融服务中心" + Unique());
    req.mutable_unit()->set_kind(org::v1::UNIT_KIND_CENTRE);
    req.mutable_unit()->set_level(type::v1::LEVEL_COUNTY);
    org::v1::Unit unit;
    grpc::Status s = stub->CreateUnit(Suite::Get().Context(Suite::Get().AdminToken()).get(), req, &unit);
    ASSERT_TRUE(s.ok()) << addr << ": " << s.error_message();
    units.push_back(unit.name());
  }
  // Every change arrives (the relays run every second or so)...
  for (const std::string& unit : units) {
    std::vector<audit::v1::Event> events;
    for (int i = 0; i < 200 && events.empty(); ++i) {
      if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      events = UnitEvents(unit);
    }
    ASSERT_EQ(events.size(), 1u) << unit;
    EXPECT_EQ(events[0].service(), "svc-org");
  }
  // ...and no relay sends one again later.
  std::this_thread::sleep_for(std::chrono::seconds(3));
  for (const std::string& unit : units) EXPECT_EQ(UnitEvents(unit).size(), 1u) << unit;
  const Cli verify = Ctl("", {"audit", "verify"});
  EXPECT_EQ(verify.code, 0) << verify.out << verify.err;
}

TEST(ReplicasE2E, AGrantMadeThroughOneReplicaIsSeenByTheOtherWithinItsCacheTtl) {
  const Backend* org = Named("org");
  REQUIRE_TWO_REPLICAS(org);
  const std::string one = "--gateway=" + org->replicas[0];
  const std::string two = "--gateway=" + org->replicas[1];
  const absl::Duration ttl = absl::Seconds(5);  // svc-org's capability cache

  const auto villages = Json<org::v1::ListUnitsResponse>("", {"unit", "list", "--level", "village", "--all"});
  ASSERT_GT(villages.units_size(), 0);
  const std::string village = villages.units(0).name();
  // A post of its own that grants loans.intake, so no demo person changes.
  const auto post = Json<org::v1::Post>("", {one, "post", "create", "--unit", village, "--title", "复本测试岗" + Unique(),
                                             "--kind", "technical", "--capability", "loans.intake"});
  ASSERT_FALSE(post.name().empty());
  const auto staff = Json<org::v1::Staff>("", {one, "staff", "create", "--name", "复本" + Unique()});
  const auto check = [&](const std::string& replica) {
    return Json<org::v1::CheckCapabilityResponse>("", {replica, "capability", "check", staff.name(), "loans.intake",
                                                       village})
        .allowed();
  };
  // Replica 2 answers "no" and keeps that answer for up to ttl.
  ASSERT_FALSE(check(two));

  const std::string today = absl::FormatCivilTime((*BusinessClock::System(kDefaultCountyTimeZone))->Today());
  const Cli assigned = Ctl("", {one, "assign", staff.name(), post.name(), "--from", today});
  ASSERT_EQ(assigned.code, 0) << assigned.out << assigned.err;
  const absl::Time granted = absl::Now();
  EXPECT_TRUE(check(one)) << "the replica that made the change sees it at once";

  bool seen = false;
  absl::Duration took;
  while (absl::Now() - granted < ttl + absl::Seconds(3)) {
    if (check(two)) {
      seen = true;
      took = absl::Now() - granted;
      break;
    }
    absl::SleepFor(absl::Milliseconds(100));
  }
  ASSERT_TRUE(seen) << "replica 2 still refuses " << absl::FormatDuration(ttl + absl::Seconds(3)) << " later";
  // A check is a huinongctl run (~50 ms): a second of slack above the ttl.
  EXPECT_LE(took, ttl + absl::Seconds(1)) << "seen after " << absl::FormatDuration(took);
  std::cout << "replica 2 saw the grant after " << absl::FormatDuration(took) << "\n";
}

}  // namespace
}  // namespace huinong::e2e
