// The proto mapping carries every hashed and stored field both ways, so an
// event read back from the API hashes to what svc-audit stored.
#include "common/audit_chain/chain_mapping.h"

#include <gtest/gtest.h>

#include "common/audit_chain/tests/sample_event.h"

namespace huinong::audit {
namespace {

// An event as read back from the store: every chain field set.
Event Stored() {
  Event e = testing::SampleEvent(7);
  e.action = "org.UpdateUnit";
  e.before_json = "{\"display_name\":\"东红寺\"}";
  e.sequence = 7;
  e.prev_hash = std::string(32, '\x01');
  e.hash = std::string(32, '\x02');
  e.append_time = absl::FromUnixMicros(1714552200223456);
  return e;
}

TEST(ChainMapping, EventRoundTripKeepsEveryField) {
  const Event e = Stored();
  const v1::Event proto = ProtoEvent(e);
  EXPECT_EQ(proto.actor().roles_size(), 2);
  EXPECT_EQ(proto.sequence(), 7);
  const Event back = DomainEvent(proto);
  EXPECT_EQ(CanonicalBytes(back), CanonicalBytes(e));
  EXPECT_EQ(back.prev_hash, e.prev_hash);
  EXPECT_EQ(back.hash, e.hash);
  EXPECT_EQ(back.append_time, e.append_time);
  EXPECT_EQ(ChainHash(back.prev_hash, back), ChainHash(e.prev_hash, e));
}

TEST(ChainMapping, NoAppendTimeStaysUnset) {
  Event e = Stored();
  e.append_time = absl::Time();
  EXPECT_FALSE(ProtoEvent(e).has_append_time());
  EXPECT_EQ(DomainEvent(ProtoEvent(e)).append_time, absl::Time());
}

TEST(ChainMapping, CheckpointRoundTripAndName) {
  const Checkpoint c{1000, std::string(32, '\x03'), absl::FromUnixMicros(1714552300000001),
                     "0123456789abcdef", std::string(64, '\x04')};
  const v1::Checkpoint proto = ProtoCheckpoint(c);
  EXPECT_EQ(proto.name(), "checkpoints/1000");
  const Checkpoint back = DomainCheckpoint(proto);
  EXPECT_EQ(CheckpointBytes(back), CheckpointBytes(c));
  EXPECT_EQ(back.signature, c.signature);
}

TEST(ChainMapping, ProblemsShareNumbers) {
  EXPECT_EQ(ProtoProblem(ChainProblem::kBadSignature), v1::CHAIN_PROBLEM_BAD_SIGNATURE);
  EXPECT_EQ(DomainProblem(v1::CHAIN_PROBLEM_SEQUENCE_GAP), ChainProblem::kSequenceGap);
  EXPECT_EQ(ProtoProblem(ChainProblem::kNone), v1::CHAIN_PROBLEM_UNSPECIFIED);
}

}  // namespace
}  // namespace huinong::audit
