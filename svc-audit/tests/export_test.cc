// ExportEvents end to end: the stream an auditor takes away (header, events
// in order, each checkpoint right after the event it signs) verifies offline
// with nothing but ChainVerifier and the keys in the header; by default the
// range runs on to the next checkpoint, exact_range stops at its end, and a
// range starting mid-chain is anchored on the stored hash before it.
#include <gtest/gtest.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "common/audit_chain/chain_mapping.h"
#include "common/rpc/proto_time.h"
#include "svc-audit/src/api/event_mapping.h"
#include "svc-audit/tests/audit_fixture.h"

namespace huinong::audit {
namespace {

struct OfflineResult {
  std::optional<ChainFault> fault;
  int64_t events = 0;
  int64_t checkpoints = 0;
};


// What `huinongctl audit verify-export` does: only the stream, no server.
OfflineResult VerifyOffline(const ExportResult& x) {
  OfflineResult out;
  if (!x.header) return out;
  absl::flat_hash_map<std::string, std::string> keys;
  for (const auto& k : x.header->signing_keys()) keys[k.key_id()] = k.public_key();
  ChainVerifier verifier(x.header->start_sequence(), x.header->anchor_prev_hash());
  absl::flat_hash_map<int64_t, std::string> hashes;
  size_t ei = 0, ci = 0;
  for (const auto& [kind, seq] : x.order) {
    if (kind == 'E') {
      const Event e = DomainEvent(x.events[ei++]);
      if ((out.fault = verifier.Feed(e))) return out;
      hashes[e.sequence] = e.hash;
      ++out.events;
    } else if (kind == 'C') {
      const Checkpoint cp = DomainCheckpoint(x.checkpoints[ci++]);
      if ((out.fault = verifier.FeedCheckpoint(cp, hashes[cp.sequence], keys[cp.key_id]))) {
        return out;
      }
      ++out.checkpoints;
    }
  }
  return out;
}

std::vector<int64_t> Sequences(const std::vector<v1::Event>& events) {
  std::vector<int64_t> out;
  for (const auto& e : events) out.push_back(e.sequence());
  return out;
}

std::vector<int64_t> Range(int64_t from, int64_t to) {
  std::vector<int64_t> out;
  for (int64_t s = from; s <= to; ++s) out.push_back(s);
  return out;
}

class AuditExport : public AuditFixture {
 protected:
  // 25 events, checkpoints at 10 and 20; event n is n-1 seconds after the base time.
  void SetUp() override {
    AuditFixture::SetUp();
    if (HasFatalFailure()) return;
    AppendNumbered(0, 10);
    ASSERT_TRUE(checkpointer_->SignHead().ok());
    AppendNumbered(10, 10);
    ASSERT_TRUE(checkpointer_->SignHead().ok());
    AppendNumbered(20, 5);
    ASSERT_EQ(HeadSequence(), 25);
  }

  void AppendNumbered(int first, int count) {
    std::vector<v1::Event> events;
    for (int i = first; i < first + count; ++i) events.push_back(MakeEvent(absl::StrCat("x-", i), i));
    v1::AppendEventsResponse resp;
    grpc::Status s = Append(events, &resp);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
};

TEST_F(AuditExport, WholeChainStreamsHeaderEventsAndCheckpointsAndVerifiesOffline) {
  ExportResult x = Export(v1::ExportEventsRequest());
  ASSERT_TRUE(x.status.ok()) << x.status.error_message();
  ASSERT_TRUE(x.header.has_value());
  EXPECT_EQ(x.order.front().first, 'H');
  EXPECT_EQ(x.header->format(), "huinong.audit.v1");
  EXPECT_EQ(x.header->start_sequence(), 1);
  EXPECT_EQ(x.header->end_sequence(), 26);  // the export's own read event is the head
  EXPECT_EQ(x.header->anchor_prev_hash(), std::string(32, '\0'));
  ASSERT_EQ(x.header->signing_keys_size(), 1);
  v1::SigningKey served;
  ASSERT_TRUE(stub_->GetSigningKey(Ctx(As::kAdmin).get(), v1::GetSigningKeyRequest(), &served).ok());
  EXPECT_EQ(x.header->signing_keys(0).key_id(), served.key_id());
  EXPECT_EQ(x.header->signing_keys(0).public_key(), served.public_key());
  EXPECT_EQ(x.header->signing_keys(0).algorithm(), "Ed25519");

  EXPECT_EQ(Sequences(x.events), Range(1, 26));
  EXPECT_EQ(x.events.back().action(), "audit.ExportEvents");
  ASSERT_EQ(x.checkpoints.size(), 2u);
  EXPECT_EQ(x.checkpoints[0].sequence(), 10);
  EXPECT_EQ(x.checkpoints[1].sequence(), 20);
  // Each checkpoint comes right after the event at its sequence.
  for (size_t i = 1; i < x.order.size(); ++i) {
    if (x.order[i].first != 'C') continue;
    EXPECT_EQ(x.order[i - 1], std::make_pair('E', x.order[i].second)) << "item " << i;
  }

  OfflineResult offline = VerifyOffline(x);
  EXPECT_FALSE(offline.fault.has_value())
      << "fault at " << offline.fault->sequence << " problem "
      << static_cast<int>(offline.fault->problem);
  EXPECT_EQ(offline.events, 26);
  EXPECT_EQ(offline.checkpoints, 2);

  // The same offline check catches a doctored copy of the export.
  ExportResult doctored = x;
  doctored.events[14].set_after_json(R"({"display_name":"改过的"})");
  offline = VerifyOffline(doctored);
  ASSERT_TRUE(offline.fault.has_value());
  EXPECT_EQ(offline.fault->sequence, 15);
  EXPECT_EQ(offline.fault->problem, ChainProblem::kHashMismatch);
  ExportResult resigned = x;
  // A checkpoint claimed for another sequence does not match that event.
  resigned.checkpoints[1].set_sequence(19);
  for (auto& item : resigned.order) {
    if (item == std::make_pair('C', int64_t{20})) item.second = 19;
  }
  offline = VerifyOffline(resigned);
  ASSERT_TRUE(offline.fault.has_value());
  EXPECT_EQ(offline.fault->sequence, 19);
}

TEST_F(AuditExport, ByDefaultRunsOnToTheNextCheckpoint) {
  v1::ExportEventsRequest req;
  req.set_start_sequence(1);
  req.set_end_sequence(15);
  ExportResult x = Export(req);
  ASSERT_TRUE(x.status.ok()) << x.status.error_message();
  ASSERT_TRUE(x.header.has_value());
  EXPECT_EQ(x.header->start_sequence(), 1);
  EXPECT_EQ(x.header->end_sequence(), 20);
  EXPECT_EQ(Sequences(x.events), Range(1, 20));
  ASSERT_EQ(x.checkpoints.size(), 2u);
  EXPECT_EQ(x.checkpoints.back().sequence(), 20);
  OfflineResult offline = VerifyOffline(x);
  EXPECT_FALSE(offline.fault.has_value());
  EXPECT_EQ(offline.checkpoints, 2);
}

TEST_F(AuditExport, ExactRangeStopsAtItsEnd) {
  v1::ExportEventsRequest req;
  req.set_start_sequence(1);
  req.set_end_sequence(15);
  req.set_exact_range(true);
  ExportResult x = Export(req);
  ASSERT_TRUE(x.status.ok()) << x.status.error_message();
  ASSERT_TRUE(x.header.has_value());
  EXPECT_EQ(x.header->end_sequence(), 15);
  EXPECT_EQ(Sequences(x.events), Range(1, 15));
  ASSERT_EQ(x.checkpoints.size(), 1u);
  EXPECT_EQ(x.checkpoints[0].sequence(), 10);
  EXPECT_FALSE(VerifyOffline(x).fault.has_value());
}

TEST_F(AuditExport, MidChainRangeIsAnchoredOnTheStoredHashBeforeIt) {
  v1::ExportEventsRequest req;
  req.set_start_sequence(12);
  req.set_end_sequence(20);
  req.set_exact_range(true);
  ExportResult x = Export(req);
  ASSERT_TRUE(x.status.ok()) << x.status.error_message();
  ASSERT_TRUE(x.header.has_value());
  std::vector<Event> eleventh = StoredRows(11, 11);
  ASSERT_EQ(eleventh.size(), 1u);
  EXPECT_EQ(x.header->anchor_prev_hash(), eleventh[0].hash);
  EXPECT_EQ(x.header->start_sequence(), 12);
  EXPECT_EQ(Sequences(x.events), Range(12, 20));
  OfflineResult offline = VerifyOffline(x);
  EXPECT_FALSE(offline.fault.has_value());
  EXPECT_EQ(offline.events, 9);
  EXPECT_EQ(offline.checkpoints, 1);
}

TEST_F(AuditExport, TimeRangeSelectsTheSequencesInIt) {
  const absl::Time base = absl::FromUnixMicros(1714552200123456);
  v1::ExportEventsRequest req;
  *req.mutable_time_from() = rpc::ToTimestamp(base + absl::Seconds(12));
  *req.mutable_time_to() = rpc::ToTimestamp(base + absl::Seconds(15));
  req.set_exact_range(true);
  ExportResult x = Export(req);
  ASSERT_TRUE(x.status.ok()) << x.status.error_message();
  ASSERT_TRUE(x.header.has_value());
  EXPECT_EQ(x.header->start_sequence(), 13);
  EXPECT_EQ(x.header->end_sequence(), 15);
  EXPECT_EQ(Sequences(x.events), Range(13, 15));
  EXPECT_FALSE(VerifyOffline(x).fault.has_value());
}

// Either end of the time range may be left open.
TEST_F(AuditExport, HalfOpenTimeRanges) {
  const absl::Time base = absl::FromUnixMicros(1714552200123456);
  v1::ExportEventsRequest until;
  *until.mutable_time_to() = rpc::ToTimestamp(base + absl::Seconds(3));
  until.set_exact_range(true);
  ExportResult x = Export(until);
  ASSERT_TRUE(x.status.ok()) << x.status.error_message();
  ASSERT_TRUE(x.header.has_value());
  EXPECT_EQ(Sequences(x.events), Range(1, 3));
  EXPECT_EQ(x.header->end_sequence(), 3);

  v1::ExportEventsRequest since;
  *since.mutable_time_from() = rpc::ToTimestamp(base + absl::Seconds(20));
  since.set_exact_range(true);
  x = Export(since);
  ASSERT_TRUE(x.status.ok()) << x.status.error_message();
  ASSERT_TRUE(x.header.has_value());
  // 21..25, and the read events of both exports (stamped now, after the base time).
  EXPECT_EQ(x.header->start_sequence(), 21);
  EXPECT_EQ(Sequences(x.events), Range(21, 27));
  EXPECT_FALSE(VerifyOffline(x).fault.has_value());
}

TEST_F(AuditExport, RangesBeyondTheHeadOrReversedAreRefused) {
  v1::ExportEventsRequest beyond;
  beyond.set_end_sequence(1000);
  ExportResult x = Export(beyond);
  EXPECT_EQ(x.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  v1::ExportEventsRequest reversed;
  reversed.set_start_sequence(9);
  reversed.set_end_sequence(3);
  x = Export(reversed);
  EXPECT_EQ(x.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(x.events.empty());
}

}  // namespace
}  // namespace huinong::audit
