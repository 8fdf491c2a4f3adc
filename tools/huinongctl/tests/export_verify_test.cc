// The offline check of `audit verify-export` on export files built here with
// svc-audit's own domain code: five chained events with signed checkpoints at
// 3 and 5. An untouched file verifies; each kind of tampering a holder of the
// file could attempt (an edited field, a deleted or reordered line, a forged
// or foreign signature, a wrong anchor, a cut-off end) is named at the right
// sequence.
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "common/audit_chain/chain.h"
#include "common/audit_chain/chain_mapping.h"
#include "common/audit_chain/signature.h"
#include "common/core/sha256.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/export_file.h"
#include "tools/huinongctl/src/export_verify.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::audit::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

audit::Event LoanEvent(int64_t sequence, const std::string& prev_hash) {
  audit::Event e;
  e.event_id = absl::StrCat("01HXLOANEVT", sequence);
  e.time = absl::FromCivil(absl::CivilSecond(2024, 5, 1, 8, 30, static_cast<int>(sequence)), absl::UTCTimeZone()) +
           absl::Microseconds(123456);
  e.service = "svc-loans";
  e.actor_subject = "staff/01HXCLERK";
  e.actor_unit = "units/01HXGONGCUN";
  e.actor_roles = {"loan.officer"};
  e.action = "loans.ReviewApplication";
  e.resource_type = "application";
  e.resource_id = "applications/01HXAPP";
  e.resource_unit = "units/01HXGONGCUN";
  e.request_id = absl::StrCat("01HXREQ", sequence);
  e.before_json = absl::StrCat("{\"amount_fen\":", 4000000 + sequence, "}");
  e.after_json = absl::StrCat("{\"amount_fen\":", 5000000 + sequence, "}");
  e.sequence = sequence;
  e.prev_hash = prev_hash;
  e.hash = audit::ChainHash(prev_hash, e);
  return e;
}

class ExportVerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    key_ = *audit::GenerateSigningKey();
    other_key_ = *audit::GenerateSigningKey();
    std::string prev = audit::ZeroHash();
    for (int64_t seq = 1; seq <= 5; ++seq) {
      events_.push_back(LoanEvent(seq, prev));
      prev = events_.back().hash;
    }
  }

  audit::Checkpoint SignedCheckpoint(int64_t sequence, const audit::SigningKeyPair& key) const {
    audit::Checkpoint c;
    c.sequence = sequence;
    c.head_hash = events_[static_cast<size_t>(sequence - 1)].hash;
    c.time = absl::FromCivil(absl::CivilSecond(2024, 5, 1, 9, 0, 0), absl::UTCTimeZone());
    c.key_id = key.key_id;
    c.signature = *audit::Sign(key, audit::CheckpointBytes(c));
    return c;
  }

  static std::string Line(const v1::ExportEventsResponse& message) { return *ExportLine(message); }

  // The export of sequences first..5, with checkpoints at the given sequences.
  std::vector<std::string> Lines(std::vector<int64_t> checkpoint_at = {3, 5}, int64_t first = 1) const {
    std::vector<std::string> lines;
    v1::ExportEventsResponse header;
    header.mutable_header()->set_start_sequence(first);
    header.mutable_header()->set_end_sequence(5);
    header.mutable_header()->set_anchor_prev_hash(events_[static_cast<size_t>(first - 1)].prev_hash);
    header.mutable_header()->set_format("huinong.audit.v1");
    v1::SigningKey& key = *header.mutable_header()->add_signing_keys();
    key.set_key_id(key_.key_id);
    key.set_algorithm("Ed25519");
    key.set_public_key(key_.public_key);
    lines.push_back(Line(header));
    for (int64_t seq = first; seq <= 5; ++seq) {
      v1::ExportEventsResponse event;
      *event.mutable_event() = audit::ProtoEvent(events_[static_cast<size_t>(seq - 1)]);
      lines.push_back(Line(event));
      if (std::find(checkpoint_at.begin(), checkpoint_at.end(), seq) != checkpoint_at.end()) {
        v1::ExportEventsResponse checkpoint;
        *checkpoint.mutable_checkpoint() = audit::ProtoCheckpoint(SignedCheckpoint(seq, key_));
        lines.push_back(Line(checkpoint));
      }
    }
    return lines;
  }

  static ExportVerdict Verify(const std::vector<std::string>& lines,
                              const std::optional<std::string>& pinned = std::nullopt) {
    std::istringstream in(absl::StrJoin(lines, "\n") + "\n");
    return VerifyExport(in, pinned);
  }

  // Line index of the event at `sequence` in Lines() with checkpoints at 3 and 5.
  static size_t EventLine(int64_t sequence) { return static_cast<size_t>(sequence + (sequence > 3 ? 1 : 0)); }

  audit::SigningKeyPair key_;
  audit::SigningKeyPair other_key_;
  std::vector<audit::Event> events_;
};

TEST_F(ExportVerifyTest, UntouchedExportVerifies) {
  const ExportVerdict verdict = Verify(Lines());
  ASSERT_TRUE(verdict.ok()) << verdict.Text();
  EXPECT_EQ(verdict.Text(), "export verified: 5 events, 2 checkpoints, last signed checkpoint at sequence 5");
  EXPECT_THAT(verdict.key_ids, ElementsAre(key_.key_id));
  // Without a pinned key the file vouches for its own key: say so.
  ASSERT_EQ(verdict.warnings.size(), 1u);
  EXPECT_THAT(verdict.warnings[0], HasSubstr("pass --public-key"));
}

TEST_F(ExportVerifyTest, PinnedKeyVerifiesWithoutWarnings) {
  const ExportVerdict verdict = Verify(Lines(), key_.public_key);
  ASSERT_TRUE(verdict.ok()) << verdict.Text();
  EXPECT_TRUE(verdict.key_pinned);
  EXPECT_THAT(verdict.warnings, IsEmpty());
}

TEST_F(ExportVerifyTest, AlteredAfterJsonIsAHashMismatchAtThatSequence) {
  std::vector<std::string> lines = Lines();
  std::string& line = lines[EventLine(4)];
  ASSERT_THAT(line, HasSubstr("5000004"));
  line = absl::StrReplaceAll(line, {{"5000004", "9000004"}});
  const ExportVerdict verdict = Verify(lines);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault->sequence, 4);
  EXPECT_EQ(verdict.Text(),
            "export BROKEN at sequence 4: hash mismatch (the event's content no longer hashes to its stored hash)");
  EXPECT_THAT(verdict.warnings, IsEmpty());
}

TEST_F(ExportVerifyTest, AlteredActorRolesAreCaughtToo) {
  std::vector<std::string> lines = Lines();
  std::string& line = lines[EventLine(2)];
  line = absl::StrReplaceAll(line, {{"\"loan.officer\"", "\"loan.officer\",\"admin\""}});
  const ExportVerdict verdict = Verify(lines);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault->sequence, 2);
  EXPECT_THAT(verdict.fault->problem, HasSubstr("hash mismatch"));
}

TEST_F(ExportVerifyTest, DeletedEventLineIsASequenceGap) {
  std::vector<std::string> lines = Lines();
  lines.erase(lines.begin() + static_cast<long>(EventLine(2)));
  ExportVerdict verdict = Verify(lines);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.Text(), "export BROKEN at sequence 2: sequence gap (this sequence is missing)");

  // The event a checkpoint vouches for: still the gap, not the checkpoint, is named.
  lines = Lines();
  lines.erase(lines.begin() + static_cast<long>(EventLine(3)));
  verdict = Verify(lines);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault->sequence, 3);
  EXPECT_THAT(verdict.fault->problem, HasSubstr("sequence gap"));
}

TEST_F(ExportVerifyTest, ReorderedPairIsCaughtAtTheFirstDisplacedSequence) {
  std::vector<std::string> lines = Lines();
  std::swap(lines[EventLine(1)], lines[EventLine(2)]);
  const ExportVerdict verdict = Verify(lines);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault->sequence, 1);
  EXPECT_THAT(verdict.fault->problem, HasSubstr("sequence gap"));
}

TEST_F(ExportVerifyTest, CutOffEndIsAGapAgainstTheHeader) {
  std::vector<std::string> lines = Lines();
  lines.resize(EventLine(4) + 1);  // header .. event 4; event 5 and its checkpoint gone
  const ExportVerdict verdict = Verify(lines);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault->sequence, 5);
  EXPECT_THAT(verdict.fault->problem, HasSubstr("ends after sequence 4 but its header promises events through 5"));
}

TEST_F(ExportVerifyTest, ForgedCheckpointSignatureIsABadSignature) {
  // Signed by another key while claiming the service's key id.
  std::vector<std::string> lines = Lines();
  audit::Checkpoint forged = SignedCheckpoint(3, other_key_);
  forged.key_id = key_.key_id;
  v1::ExportEventsResponse message;
  *message.mutable_checkpoint() = audit::ProtoCheckpoint(forged);
  lines[EventLine(3) + 1] = Line(message);
  const ExportVerdict verdict = Verify(lines);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.Text(),
            "export BROKEN at sequence 3: bad signature (the checkpoint's signature does not verify with its key)");
}

TEST_F(ExportVerifyTest, CheckpointOverAnotherHeadIsAMismatch) {
  std::vector<std::string> lines = Lines();
  audit::Checkpoint moved = SignedCheckpoint(5, key_);
  moved.head_hash = events_[3].hash;  // the hash of 4, honestly signed, claimed for 5
  moved.signature = *audit::Sign(key_, audit::CheckpointBytes(moved));
  v1::ExportEventsResponse message;
  *message.mutable_checkpoint() = audit::ProtoCheckpoint(moved);
  lines.back() = Line(message);
  const ExportVerdict verdict = Verify(lines);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault->sequence, 5);
  EXPECT_THAT(verdict.fault->problem, HasSubstr("checkpoint mismatch"));
}

TEST_F(ExportVerifyTest, ADifferentPublicKeyIsRefused) {
  const ExportVerdict verdict = Verify(Lines(), other_key_.public_key);
  ASSERT_FALSE(verdict.ok());
  EXPECT_THAT(verdict.Text(), HasSubstr("not by the --public-key given (key " + other_key_.key_id + "): refused"));
  EXPECT_EQ(verdict.checkpoints, 0);
}

TEST_F(ExportVerifyTest, AReSignedExportIsRefusedByThePinnedKey) {
  // Someone rewrote event 2, rebuilt the chain and re-signed with their own key,
  // listing that key in the header: it verifies on its own word, not against
  // the published key.
  events_[1].after_json = "{\"amount_fen\":1}";
  for (size_t i = 1; i < events_.size(); ++i) {
    events_[i].prev_hash = events_[i - 1].hash;
    events_[i].hash = audit::ChainHash(events_[i].prev_hash, events_[i]);
  }
  const audit::SigningKeyPair published = key_;
  key_ = other_key_;
  EXPECT_TRUE(Verify(Lines()).ok());
  const ExportVerdict pinned = Verify(Lines(), published.public_key);
  ASSERT_FALSE(pinned.ok());
  EXPECT_THAT(pinned.fault->problem, HasSubstr("refused"));
}

TEST_F(ExportVerifyTest, EventsAfterTheLastCheckpointAreReportedUnsigned) {
  ExportVerdict verdict = Verify(Lines({3}));
  ASSERT_TRUE(verdict.ok()) << verdict.Text();
  EXPECT_EQ(verdict.Text(), "export verified: 5 events, 1 checkpoints, last signed checkpoint at sequence 3");
  EXPECT_THAT(verdict.warnings[0], HasSubstr("events 4–5 come after the last signed checkpoint"));

  verdict = Verify(Lines({}));
  ASSERT_TRUE(verdict.ok());
  EXPECT_EQ(verdict.Text(), "export verified: 5 events, 0 checkpoints, no signed checkpoint");
  EXPECT_THAT(verdict.warnings[0], HasSubstr("no signed checkpoint in the export"));
}

TEST_F(ExportVerifyTest, ExportFromTheMiddleStartsAtItsAnchor) {
  EXPECT_TRUE(Verify(Lines({3, 5}, 3)).ok());
  std::vector<std::string> lines = Lines({3, 5}, 3);
  v1::ExportEventsResponse header = *ParseExportLine(lines[0]);
  header.mutable_header()->set_anchor_prev_hash(events_[0].hash);  // the hash of 1, not of 2
  lines[0] = Line(header);
  const ExportVerdict verdict = Verify(lines);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault->sequence, 3);
  EXPECT_THAT(verdict.fault->problem, HasSubstr("prev_hash mismatch"));
}

TEST_F(ExportVerifyTest, AnExportFromOneMustBeAnchoredAtZero) {
  std::vector<std::string> lines = Lines();
  v1::ExportEventsResponse header = *ParseExportLine(lines[0]);
  header.mutable_header()->set_anchor_prev_hash(std::string(32, '\x01'));
  lines[0] = Line(header);
  const ExportVerdict verdict = Verify(lines);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault->sequence, 1);
}

TEST_F(ExportVerifyTest, StructuralFaultsNameTheLine) {
  std::vector<std::string> lines = Lines();
  EXPECT_EQ(Verify({lines.begin() + 1, lines.end()}).Text(),
            "export BROKEN at line 1: the first line is not an export header");
  std::vector<std::string> garbled = lines;
  garbled[2] = "{\"event\": {\"sequence\": \"2\", \"colour\": \"red\"}}";
  const ExportVerdict verdict = Verify(garbled);
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.fault->line, 3);
  EXPECT_THAT(verdict.Text(), HasSubstr("export BROKEN at line 3: not an ExportEventsResponse"));
  EXPECT_EQ(Verify({}).Text(), "export BROKEN at line 1: no export header (the file is empty)");
  std::vector<std::string> two_headers = lines;
  two_headers.insert(two_headers.begin() + 2, lines[0]);
  EXPECT_THAT(Verify(two_headers).Text(), HasSubstr("line 3: a second export header"));
}

TEST_F(ExportVerifyTest, HeaderKeyMustMatchItsKeyId) {
  std::vector<std::string> lines = Lines();
  v1::ExportEventsResponse header = *ParseExportLine(lines[0]);
  header.mutable_header()->mutable_signing_keys(0)->set_public_key(other_key_.public_key);
  lines[0] = Line(header);
  const ExportVerdict verdict = Verify(lines);
  ASSERT_FALSE(verdict.ok());
  EXPECT_THAT(verdict.fault->problem, HasSubstr("does not match its public key"));
}

TEST(ParsePublicKeyHex, AcceptsSixtyFourHexCharactersOnly) {
  const std::string raw(32, '\xab');
  auto parsed = ParsePublicKeyHex(HexEncode(raw));
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, raw);
  EXPECT_TRUE(ParsePublicKeyHex(" " + std::string(64, 'F') + "\n").ok());
  EXPECT_FALSE(ParsePublicKeyHex(std::string(62, 'a')).ok());
  EXPECT_FALSE(ParsePublicKeyHex(std::string(63, 'a') + "g").ok());
}

}  // namespace
}  // namespace huinong::ctl
