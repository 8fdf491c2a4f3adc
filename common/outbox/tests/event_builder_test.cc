// BuildEvent: identity, actor and request copied, time at whole
// microseconds, a fresh ULID each time, and the changed-field JSON in place;
// CheckEvent refuses what svc-audit would refuse forever.
#include "common/outbox/event_builder.h"

#include <gtest/gtest.h>

#include "common/core/ids.h"
#include "common/outbox/outbox.h"
#include "huinong/org/v1/units.pb.h"

namespace huinong::outbox {
namespace {

Change UnitRenamed(const org::v1::Unit* before, const org::v1::Unit* after) {
  Change c;
  c.service = "svc-org";
  c.actor.subject = "staff/01J00000000000000000000042";
  c.actor.unit = "units/01J0000000000000000000000T";
  c.actor.roles = {"org.admin", "hr"};
  c.action = "org.UpdateUnit";
  c.resource_type = "unit";
  c.resource_id = "units/01J0000000000000000000000V";
  c.resource_unit = "units/01J0000000000000000000000V";
  c.request_id = "req-7";
  c.before = before;
  c.after = after;
  return c;
}

TEST(BuildEvent, CopiesIdentityActorAndRequest) {
  org::v1::Unit before;
  before.set_display_name("东红寺村金融扶贫服务站");
  before.set_etag("3");
  org::v1::Unit after = before;
  after.set_display_name("东红寺村服务站");
  after.set_etag("4");
  const absl::Time now = absl::FromUnixNanos(1767225600123456789);  // 2026-01-01T00:00:00.123456789Z
  auto event = BuildEvent(UnitRenamed(&before, &after), now);
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_TRUE(IsUlid(event->event_id()));
  EXPECT_EQ(event->time().seconds(), 1767225600);
  EXPECT_EQ(event->time().nanos(), 123456000) << "svc-audit keeps microseconds";
  EXPECT_EQ(event->service(), "svc-org");
  EXPECT_EQ(event->actor().subject(), "staff/01J00000000000000000000042");
  EXPECT_EQ(event->actor().unit(), "units/01J0000000000000000000000T");
  ASSERT_EQ(event->actor().roles_size(), 2);
  EXPECT_EQ(event->actor().roles(0), "org.admin");
  EXPECT_EQ(event->actor().roles(1), "hr");
  EXPECT_EQ(event->action(), "org.UpdateUnit");
  EXPECT_EQ(event->resource_type(), "unit");
  EXPECT_EQ(event->resource_id(), "units/01J0000000000000000000000V");
  EXPECT_EQ(event->resource_unit(), "units/01J0000000000000000000000V");
  EXPECT_EQ(event->request_id(), "req-7");
  EXPECT_EQ(event->before_json(), R"({"display_name":"东红寺村金融扶贫服务站","etag":"3"})");
  EXPECT_EQ(event->after_json(), R"({"display_name":"东红寺村服务站","etag":"4"})");
  EXPECT_EQ(event->sequence(), 0) << "output-only fields stay unset";
  EXPECT_TRUE(CheckEvent(*event).ok()) << CheckEvent(*event);
}

TEST(BuildEvent, CreationHasEmptyBeforeAndMaskedAfter) {
  org::v1::Unit after;
  after.set_display_name("服务站 13812345678");
  auto event = BuildEvent(UnitRenamed(nullptr, &after), absl::Now());
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->before_json(), "");
  EXPECT_EQ(event->after_json(), R"({"display_name":"服务站 138****5678"})");
}

TEST(BuildEvent, EveryEventGetsItsOwnId) {
  org::v1::Unit after;
  auto a = BuildEvent(UnitRenamed(nullptr, &after), absl::Now());
  auto b = BuildEvent(UnitRenamed(nullptr, &after), absl::Now());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_LT(a->event_id(), b->event_id());
}

TEST(CheckEvent, RefusesWhatTheAuditServiceWouldRefuseForever) {
  org::v1::Unit after;
  auto built = BuildEvent(UnitRenamed(nullptr, &after), absl::Now());
  ASSERT_TRUE(built.ok());
  auto broken = [&](auto edit) {
    huinong::audit::v1::Event e = *built;
    edit(e);
    return CheckEvent(e).code();
  };
  using E = huinong::audit::v1::Event;
  EXPECT_EQ(broken([](E& e) { e.set_event_id("not-a-ulid"); }), absl::StatusCode::kInternal);
  EXPECT_EQ(broken([](E& e) { e.clear_time(); }), absl::StatusCode::kInternal);
  EXPECT_EQ(broken([](E& e) { e.set_service(""); }), absl::StatusCode::kInternal);
  EXPECT_EQ(broken([](E& e) { e.mutable_actor()->set_subject(""); }), absl::StatusCode::kInternal);
  EXPECT_EQ(broken([](E& e) { e.set_action("org CreateUnit"); }), absl::StatusCode::kInternal);
  EXPECT_EQ(broken([](E& e) { e.set_resource_type("Unit"); }), absl::StatusCode::kInternal);
  EXPECT_EQ(broken([](E& e) { e.set_resource_id(""); }), absl::StatusCode::kInternal);
  EXPECT_EQ(broken([](E& e) { e.set_after_json("[1]"); }), absl::StatusCode::kInternal);
  EXPECT_EQ(broken([](E& e) { e.set_before_json("{" + std::string(70000, ' ') + "}"); }),
            absl::StatusCode::kInternal);
  EXPECT_EQ(broken([](E&) {}), absl::StatusCode::kOk);
}

}  // namespace
}  // namespace huinong::outbox
