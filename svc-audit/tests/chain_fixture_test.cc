// A chain written before the move to nlohmann-json still verifies, and
// today's writers still produce it byte for byte.
//
// tests/fixtures/chain_before_nlohmann.json holds six events exactly as the
// hand-written JSON writers and svc-audit's chain code produced and stored
// them (changed-field JSON from common/outbox, the read-event JSON of
// svc-audit, sequence, prev_hash, hash). The first test verifies that stored
// chain as VerifyChain and huinongctl's offline verifier do; the second
// rebuilds the same events from the same inputs with today's code and
// expects the same JSON bytes and the same hashes — it fails the moment the
// canonical form changes, which would fork new events from old ones.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <google/protobuf/struct.pb.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "absl/strings/escaping.h"
#include "common/audit_chain/chain.h"
#include "common/audit_chain/chain_mapping.h"
#include "common/outbox/event_builder.h"
#include "common/outbox/tests/sample_messages.h"
#include "huinong/org/v1/units.pb.h"
#include "huinong/type/v1/types.pb.h"
#include "svc-audit/src/api/event_mapping.h"

namespace huinong::audit {
namespace {

using google::protobuf::Struct;

std::string FixturePath() {
  return std::string(HUINONG_SOURCE_DIR) + "/svc-audit/tests/fixtures/chain_before_nlohmann.json";
}

// One change as svc-org records it: BuildEvent, then the stored form.
Event Recorded(const std::string& event_id, const std::string& action, const std::string& type,
               const google::protobuf::Message* before, const google::protobuf::Message* after,
               int n) {
  outbox::Change change;
  change.service = "svc-org";
  change.actor.subject = "staff/01J00000000000000000000ZS";
  change.actor.unit = "units/01J0000000000000000000000B";
  change.actor.roles = {"org.admin", "staff"};
  change.action = action;
  change.resource_type = type;
  change.resource_id = "units/01J0000000000000000000000A";
  change.resource_unit = "units/01J0000000000000000000000B";
  change.request_id = "01J000000000000000000000R" + std::to_string(n);
  change.before = before;
  change.after = after;
  absl::StatusOr<v1::Event> built = outbox::BuildEvent(change, absl::FromUnixMicros(1796000000123456 + n));
  EXPECT_TRUE(built.ok()) << built.status();
  Event e = DomainEvent(built.ok() ? *built : v1::Event());
  e.event_id = event_id;  // BuildEvent draws a fresh ULID
  return e;
}

// The six events, built by today's code from fixed inputs, chained as the
// store chains them.
std::vector<Event> TodaysChain() {
  const org::v1::Unit station = outbox::testing::SampleStation();
  org::v1::Unit renamed = station;
  renamed.set_display_name("东红寺村服务站");
  renamed.add_functions("受理 \"客户\" 诉求\\回访 a/b");
  renamed.set_code("131025");
  renamed.set_etag("2");
  const Struct staff = outbox::testing::StructFromJson(R"({"display_name":"王小明","phone":"13812345678",
      "note":"第一行\n第二行\t\"引号\" \\ / \u0001 \u007f 😀","scores":[1,-2,0.5,1e21,9007199254740993,-0.0],
      "address":{"村":"东红寺村","门牌":"12号","Z":true,"a":false},"empty":{},"list":[],"none":null})");
  type::v1::Money before_money;
  before_money.set_fen(-5000000);
  type::v1::Money after_money;
  after_money.set_fen(9223372036854775807);

  std::vector<Event> events;
  events.push_back(Recorded("01J0000000000000000000EV01", "org.CreateUnit", "unit", nullptr, &station, 1));
  events.push_back(Recorded("01J0000000000000000000EV02", "org.UpdateUnit", "unit", &station, &renamed, 2));
  events.push_back(Recorded("01J0000000000000000000EV03", "org.CreateStaff", "staff", nullptr, &staff, 3));
  events.push_back(
      Recorded("01J0000000000000000000EV04", "org.SetQuota", "quota", &before_money, &after_money, 4));
  events.push_back(Recorded("01J0000000000000000000EV05", "org.DeleteStaff", "staff", &staff, nullptr, 5));

  // A read event as AuditApi::RecordRead writes it (filters in their order).
  Event read;
  read.event_id = "01J0000000000000000000EV06";
  read.time = absl::FromUnixMicros(1796000000123456 + 6);
  read.service = "svc-audit";
  read.actor_subject = "staff/张三";
  read.actor_unit = "units/01J0000000000000000000000B";
  read.actor_roles = {"auditor"};
  read.action = "audit.SearchEvents";
  read.resource_type = "audit_trail";
  read.resource_id = "events";
  read.resource_unit = read.actor_unit;
  read.after_json = JsonObject({{"resource_type", "unit"},
                                {"resource_id", ""},
                                {"actor_subject", "张三 \"老张\"\\"},
                                {"time_from", "2026-12-01T00:00:00Z"},
                                {"newest_first", "false"}});
  events.push_back(read);

  std::string prev = ZeroHash();
  for (size_t i = 0; i < events.size(); ++i) {
    events[i].sequence = static_cast<int64_t>(i) + 1;
    events[i].prev_hash = prev;
    events[i].hash = ChainHash(prev, events[i]);
    prev = events[i].hash;
  }
  return events;
}

std::string Unhex(const nlohmann::json& text) {
  return absl::HexStringToBytes(text.get<std::string>());
}

// The stored chain, read back from the fixture.
std::vector<Event> StoredChain() {
  std::ifstream file(FixturePath(), std::ios::binary);
  EXPECT_TRUE(file) << "cannot read " << FixturePath();
  std::stringstream text;
  text << file.rdbuf();
  const nlohmann::json fixture = nlohmann::json::parse(text.str());
  std::vector<Event> events;
  for (const nlohmann::json& row : fixture.at("events")) {
    Event e;
    e.sequence = row.at("sequence").get<int64_t>();
    e.event_id = row.at("event_id").get<std::string>();
    std::string error;
    EXPECT_TRUE(absl::ParseTime(absl::RFC3339_full, row.at("time").get<std::string>(), &e.time, &error))
        << error;
    e.service = row.at("service").get<std::string>();
    e.actor_subject = row.at("actor_subject").get<std::string>();
    e.actor_unit = row.at("actor_unit").get<std::string>();
    e.actor_roles = row.at("actor_roles").get<std::vector<std::string>>();
    e.action = row.at("action").get<std::string>();
    e.resource_type = row.at("resource_type").get<std::string>();
    e.resource_id = row.at("resource_id").get<std::string>();
    e.resource_unit = row.at("resource_unit").get<std::string>();
    e.request_id = row.at("request_id").get<std::string>();
    e.before_json = row.at("before_json").get<std::string>();
    e.after_json = row.at("after_json").get<std::string>();
    e.prev_hash = Unhex(row.at("prev_hash"));
    e.hash = Unhex(row.at("hash"));
    events.push_back(std::move(e));
  }
  return events;
}

TEST(ChainFixture, AChainWrittenBeforeTheChangeStillVerifies) {
  const std::vector<Event> stored = StoredChain();
  ASSERT_EQ(stored.size(), 6u);
  ChainVerifier verifier(1, ZeroHash());
  for (const Event& e : stored) {
    std::optional<ChainFault> fault = verifier.Feed(e);
    ASSERT_FALSE(fault.has_value()) << "sequence " << fault->sequence << " problem "
                                    << static_cast<int>(fault->problem);
  }
  EXPECT_EQ(verifier.checked(), 6);
  EXPECT_EQ(verifier.head_hash(), stored.back().hash);

  // The JSON is part of what is hashed: one byte changed breaks that event.
  std::vector<Event> altered = stored;
  altered[2].after_json.back() = ' ';
  ChainVerifier again(1, ZeroHash());
  std::optional<ChainFault> fault;
  for (const Event& e : altered) fault = again.Feed(e);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->sequence, 3);
  EXPECT_EQ(fault->problem, ChainProblem::kHashMismatch);
}

TEST(ChainFixture, TodaysWritersReproduceTheStoredChainByteForByte) {
  const std::vector<Event> stored = StoredChain();
  const std::vector<Event> today = TodaysChain();
  ASSERT_EQ(stored.size(), today.size());
  for (size_t i = 0; i < stored.size(); ++i) {
    SCOPED_TRACE("sequence " + std::to_string(stored[i].sequence));
    EXPECT_EQ(today[i].before_json, stored[i].before_json);
    EXPECT_EQ(today[i].after_json, stored[i].after_json);
    EXPECT_EQ(CanonicalBytes(today[i]), CanonicalBytes(stored[i]));
    EXPECT_EQ(absl::BytesToHexString(today[i].hash), absl::BytesToHexString(stored[i].hash));
  }
}

}  // namespace
}  // namespace huinong::audit
