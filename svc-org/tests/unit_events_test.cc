// The unit registry's audit events, through the real gRPC server and a real
// MariaDB: each successful change writes exactly one outbox event in its own
// transaction (actor from the token, request id, changed fields only,
// personal data masked); a retried request and a refused change write none;
// and the relay carries them to (a fake) svc-audit as service svc-org.
#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "absl/time/clock.h"
#include "common/outbox/relay.h"
#include "common/server/service_main.h"
#include "common/outbox/tests/fake_audit.h"
#include "svc-org/src/app/org_identity.h"
#include "svc-org/tests/org_fixture.h"

namespace huinong::org {
namespace {

using huinong::audit::v1::Event;
using type::v1::LEVEL_COUNTY;
using type::v1::LEVEL_TOWNSHIP;
using type::v1::LEVEL_VILLAGE;

google::protobuf::Struct Json(const std::string& json) {
  google::protobuf::Struct s;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &s).ok()) << json;
  return s;
}

class UnitEvents : public OrgFixture {
 protected:
  void SetUp() override {
    OrgFixture::SetUp();
    county_ = MustCreate("固安县金融扶贫服务中心", v1::UNIT_KIND_CENTRE, LEVEL_COUNTY, "");
    township_ = MustCreate("柳泉镇金融服务部", v1::UNIT_KIND_DEPARTMENT, LEVEL_TOWNSHIP, county_.name());
    other_township_ = MustCreate("牛驼镇金融服务站", v1::UNIT_KIND_STATION, LEVEL_TOWNSHIP, county_.name());
  }

  // Every outbox event, in seq order.
  std::vector<Event> OutboxEvents() const {
    std::vector<Event> out;
    auto conn = db_->Admin();
    std::unique_ptr<sql::Statement> st(conn->createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT payload FROM outbox ORDER BY seq"));
    while (rs->next()) {
      Event e;
      EXPECT_TRUE(e.ParseFromString(rs->getString(1)));
      out.push_back(std::move(e));
    }
    return out;
  }

  // A county staff member acting for the county, as the actor of the events.
  std::unique_ptr<grpc::ClientContext> CountyAdmin() {
    return As("staff/01J0000000000000000000CAD", {"admin", "hr"}, county_.name());
  }

  v1::CreateUnitRequest Village(const std::string& request_id, const std::string& display_name) {
    v1::CreateUnitRequest req;
    req.set_request_id(request_id);
    req.mutable_unit()->set_display_name(display_name);
    req.mutable_unit()->set_kind(v1::UNIT_KIND_STATION);
    req.mutable_unit()->set_level(LEVEL_VILLAGE);
    req.mutable_unit()->set_parent(township_.name());
    return req;
  }

  v1::Unit county_, township_, other_township_;
};

TEST(UnitEventService, IsTheNameSvcOrgRunsAndAuthenticatesAs) {
  // The relay's token subject is the ServiceSpec name; svc-audit refuses
  // events whose `service` differs (SERVICE_MISMATCH).
  EXPECT_EQ(server::StandardSpec("org", 1).name, kServiceName);
}

TEST_F(UnitEvents, EveryFixtureCreationRecordedOneEvent) {
  std::vector<Event> events = OutboxEvents();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].resource_id(), county_.name());
  EXPECT_EQ(events[1].resource_id(), township_.name());
  EXPECT_EQ(events[2].resource_id(), other_township_.name());
}

TEST_F(UnitEvents, CreateUnitRecordsWhoWhatAndTheNewUnit) {
  v1::Unit created;
  ASSERT_TRUE(units_->CreateUnit(CountyAdmin().get(), Village("create-east", "东红寺村金融扶贫服务站"),
                                &created).ok());
  std::vector<Event> events = OutboxEvents();
  ASSERT_EQ(events.size(), 4u);
  const Event& e = events.back();
  EXPECT_EQ(e.service(), kServiceName);
  EXPECT_EQ(e.action(), "org.CreateUnit");
  EXPECT_EQ(e.actor().subject(), "staff/01J0000000000000000000CAD");
  EXPECT_EQ(e.actor().unit(), county_.name());
  ASSERT_EQ(e.actor().roles_size(), 2);
  EXPECT_EQ(e.actor().roles(0), "admin");
  EXPECT_EQ(e.actor().roles(1), "hr");
  EXPECT_EQ(e.request_id(), "create-east");
  EXPECT_EQ(e.resource_type(), "unit");
  EXPECT_EQ(e.resource_id(), created.name());
  EXPECT_EQ(e.resource_unit(), created.name());
  EXPECT_EQ(e.before_json(), "");
  google::protobuf::Struct after = Json(e.after_json());
  EXPECT_EQ(after.fields().at("display_name").string_value(), "东红寺村金融扶贫服务站");
  EXPECT_EQ(after.fields().at("parent").string_value(), township_.name());
  EXPECT_EQ(after.fields().at("etag").string_value(), created.etag());
}

TEST_F(UnitEvents, TheSameRequestIdAgainRecordsNothing) {
  v1::Unit first, second;
  ASSERT_TRUE(units_->CreateUnit(CountyAdmin().get(), Village("create-once", "西小屯村服务站"), &first).ok());
  const size_t after_first = OutboxEvents().size();
  ASSERT_TRUE(units_->CreateUnit(CountyAdmin().get(), Village("create-once", "西小屯村服务站"), &second).ok());
  EXPECT_EQ(second.name(), first.name()) << "the retry replays the first response";
  EXPECT_EQ(OutboxEvents().size(), after_first);
}

TEST_F(UnitEvents, UpdateUnitRecordsOnlyTheChangedFields) {
  v1::UpdateUnitRequest req;
  req.set_request_id("rename-liuquan");
  *req.mutable_unit() = township_;
  req.mutable_unit()->set_display_name("柳泉镇金融扶贫服务部");
  req.mutable_update_mask()->add_paths("display_name");
  v1::Unit updated;
  ASSERT_TRUE(units_->UpdateUnit(CountyAdmin().get(), req, &updated).ok());
  std::vector<Event> events = OutboxEvents();
  ASSERT_EQ(events.size(), 4u);
  const Event& e = events.back();
  EXPECT_EQ(e.action(), "org.UpdateUnit");
  EXPECT_EQ(e.request_id(), "rename-liuquan");
  google::protobuf::Struct before = Json(e.before_json());
  google::protobuf::Struct after = Json(e.after_json());
  EXPECT_EQ(before.fields().at("display_name").string_value(), "柳泉镇金融服务部");
  EXPECT_EQ(after.fields().at("display_name").string_value(), "柳泉镇金融扶贫服务部");
  EXPECT_EQ(before.fields().at("etag").string_value(), township_.etag());
  EXPECT_EQ(after.fields().at("etag").string_value(), updated.etag());
  for (const auto* side : {&before, &after}) {
    EXPECT_EQ(side->fields().count("level"), 0u) << "level did not change";
    EXPECT_EQ(side->fields().count("parent"), 0u);
    EXPECT_EQ(side->fields().count("create_time"), 0u);
    for (const auto& [field, value] : side->fields()) {
      EXPECT_TRUE(field == "display_name" || field == "etag" || field == "update_time") << field;
    }
  }
}

TEST_F(UnitEvents, PersonalDataInANameIsMaskedInTheEvent) {
  v1::Unit created;
  ASSERT_TRUE(units_->CreateUnit(CountyAdmin().get(), Village("create-phone", "服务站 13812345678"),
                                &created).ok());
  const Event e = OutboxEvents().back();
  EXPECT_EQ(e.after_json().find("13812345678"), std::string::npos) << e.after_json();
  EXPECT_EQ(Json(e.after_json()).fields().at("display_name").string_value(), "服务站 138****5678");
}

TEST_F(UnitEvents, ARefusedChangeRecordsNothing) {
  const size_t before = OutboxEvents().size();
  v1::UpdateUnitRequest update;
  update.set_request_id("stale-rename");
  *update.mutable_unit() = township_;
  update.mutable_unit()->set_etag("999");
  update.mutable_unit()->set_display_name("不会生效");
  update.mutable_update_mask()->add_paths("display_name");
  v1::Unit out;
  EXPECT_EQ(units_->UpdateUnit(CountyAdmin().get(), update, &out).error_code(), grpc::StatusCode::ABORTED);
  v1::MoveUnitRequest move;
  move.set_request_id("stale-move");
  move.set_name(township_.name());
  move.set_new_parent(other_township_.name());  // a township under a township: refused
  move.set_etag(township_.etag());
  EXPECT_FALSE(units_->MoveUnit(CountyAdmin().get(), move, &out).ok());
  EXPECT_EQ(OutboxEvents().size(), before);
}

TEST_F(UnitEvents, MoveUnitRecordsTheOldAndNewParent) {
  v1::Unit village;
  ASSERT_TRUE(units_->CreateUnit(CountyAdmin().get(), Village("create-mover", "王家村服务站"), &village).ok());
  v1::MoveUnitRequest move;
  move.set_request_id("move-wang");
  move.set_name(village.name());
  move.set_new_parent(other_township_.name());
  move.set_etag(village.etag());
  v1::Unit moved;
  ASSERT_TRUE(units_->MoveUnit(CountyAdmin().get(), move, &moved).ok());
  const Event e = OutboxEvents().back();
  EXPECT_EQ(e.action(), "org.MoveUnit");
  EXPECT_EQ(e.request_id(), "move-wang");
  EXPECT_EQ(e.resource_id(), village.name());
  EXPECT_EQ(Json(e.before_json()).fields().at("parent").string_value(), township_.name());
  EXPECT_EQ(Json(e.after_json()).fields().at("parent").string_value(), other_township_.name());
  EXPECT_EQ(Json(e.after_json()).fields().count("display_name"), 0u);
}

TEST_F(UnitEvents, TheRelayCarriesThemToTheAuditServiceAsSvcOrg) {
  outbox::testing::FakeAudit audit;
  outbox::RelayOptions options;
  options.audit_address = audit.address();
  options.idle_poll = absl::Milliseconds(20);
  outbox::OutboxRelay relay(*pool_, options, [] { return absl::StatusOr<std::string>("token"); },
                            &registry_);
  relay.Start();
  v1::Unit created;
  ASSERT_TRUE(units_->CreateUnit(CountyAdmin().get(), Village("create-relayed", "李家村服务站"), &created).ok());
  relay.Stop(absl::Seconds(10));
  std::vector<Event> chain = audit.Chain();
  ASSERT_EQ(chain.size(), 4u);
  for (const auto& e : chain) EXPECT_EQ(e.service(), "svc-org");
  EXPECT_EQ(chain.back().resource_id(), created.name());
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"), "0");
}

}  // namespace
}  // namespace huinong::org
