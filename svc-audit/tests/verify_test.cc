// VerifyChain against tampering done directly in MariaDB with the admin
// account (what a rogue DBA could do): an altered field, a deleted row, a
// swapped pair and a forged row appended behind the service's back are each
// reported at the right sequence; signed checkpoints verify with the served
// public key, and a forged signature or an altered head hash is reported.
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/audit_chain/chain_mapping.h"
#include "common/audit_chain/signature.h"
#include "common/core/sha256.h"
#include "common/rpc/proto_time.h"
#include "svc-audit/tests/audit_fixture.h"

namespace huinong::audit {
namespace {

std::string Describe(const v1::VerifyChainResponse& r) {
  return absl::StrCat("ok=", r.ok(), " first_bad=", r.first_bad_sequence(),
                      " problem=", v1::ChainProblem_Name(r.problem()),
                      " checked=", r.checked_count());
}

class AuditTampering : public AuditFixture {
 protected:
  void SetUp() override {
    AuditFixture::SetUp();
    if (HasFatalFailure()) return;
    MustAppend("ev", 100);
    ASSERT_EQ(HeadSequence(), 100);
  }

  v1::VerifyChainResponse VerifyAll() {
    v1::VerifyChainResponse resp;
    grpc::Status s = Verify(v1::VerifyChainRequest(), &resp);
    EXPECT_TRUE(s.ok()) << "VerifyChain failed: " << s.error_code() << " " << s.error_message()
                        << " (" << ReasonOf(s) << ")";
    return resp;
  }
};

TEST_F(AuditTampering, UntouchedChainVerifies) {
  v1::VerifyChainResponse r = VerifyAll();
  EXPECT_TRUE(r.ok()) << Describe(r);
  EXPECT_EQ(r.checked_count(), 100);  // the read is recorded after the check
  EXPECT_EQ(r.problem(), v1::CHAIN_PROBLEM_UNSPECIFIED);
  EXPECT_EQ(r.first_bad_sequence(), 0);
  EXPECT_NE(registry_.Render().find("huinong_audit_chain_verifications_total{result=\"intact\"} 1"),
            std::string::npos)
      << registry_.Render();
  EXPECT_NE(registry_.Render().find("huinong_audit_chain_verifications_total{result=\"broken\"} 0"),
            std::string::npos);
}

TEST_F(AuditTampering, AlteredFieldIsHashMismatchAtItsSequence) {
  db_->Exec(R"(UPDATE events SET after_json = '{"display_name":"已撤销"}' WHERE seq = 37)");
  v1::VerifyChainResponse r = VerifyAll();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), 37) << Describe(r);
  EXPECT_EQ(r.problem(), v1::CHAIN_PROBLEM_HASH_MISMATCH);
  EXPECT_EQ(r.checked_count(), 36);
  EXPECT_TRUE(r.end_hash().empty());
  // The broken verdict is counted for the alert (k8s/monitoring).
  EXPECT_NE(registry_.Render().find("huinong_audit_chain_verifications_total{result=\"broken\"} 1"),
            std::string::npos)
      << registry_.Render();

  // A range that contains it finds it; one after it verifies (the links hold).
  v1::VerifyChainRequest around;
  around.set_start_sequence(30);
  around.set_end_sequence(40);
  ASSERT_TRUE(Verify(around, &r).ok());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), 37) << Describe(r);
  EXPECT_EQ(r.checked_count(), 7);
  v1::VerifyChainRequest after;
  after.set_start_sequence(38);
  after.set_end_sequence(100);
  ASSERT_TRUE(Verify(after, &r).ok());
  EXPECT_TRUE(r.ok()) << Describe(r);
  EXPECT_EQ(r.checked_count(), 63);
}

TEST_F(AuditTampering, AlteredTimeIsHashMismatch) {
  db_->Exec("UPDATE events SET event_time = event_time + INTERVAL 1 MICROSECOND WHERE seq = 64");
  v1::VerifyChainResponse r = VerifyAll();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), 64) << Describe(r);
  EXPECT_EQ(r.problem(), v1::CHAIN_PROBLEM_HASH_MISMATCH);
}

TEST_F(AuditTampering, DeletedRowIsSequenceGapAtItsSequence) {
  db_->Exec("DELETE FROM events WHERE seq = 50");
  v1::VerifyChainResponse r = VerifyAll();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), 50) << Describe(r);
  EXPECT_EQ(r.problem(), v1::CHAIN_PROBLEM_SEQUENCE_GAP);
  EXPECT_EQ(r.checked_count(), 49);
}

TEST_F(AuditTampering, ReorderedPairIsFoundAtTheFirstOfThem) {
  // Swap every content column (hashes included) of 20 and 21, keeping seq.
  db_->Exec("UPDATE events SET seq = -20 WHERE seq = 20");
  db_->Exec("UPDATE events SET seq = 20 WHERE seq = 21");
  db_->Exec("UPDATE events SET seq = 21 WHERE seq = -20");
  ASSERT_EQ(db_->Scalar("SELECT event_id FROM events WHERE seq = 20"), "ev-20");
  ASSERT_EQ(db_->Scalar("SELECT event_id FROM events WHERE seq = 21"), "ev-19");
  v1::VerifyChainResponse r = VerifyAll();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), 20) << Describe(r);
  EXPECT_EQ(r.problem(), v1::CHAIN_PROBLEM_PREV_HASH_MISMATCH);
  EXPECT_EQ(r.checked_count(), 19);
}

TEST_F(AuditTampering, ForgedRowAfterTheHeadIsFoundAtHeadPlusOne) {
  // The forger knows the format: a well-linked event with a correct hash.
  const int64_t head = HeadSequence();
  std::vector<Event> last = StoredRows(head, head);
  ASSERT_EQ(last.size(), 1u);
  Event forged;
  forged.sequence = head + 1;
  forged.event_id = "forged-1";
  forged.time = absl::FromUnixMicros(1714600000000000);
  forged.service = "svc-loans";
  forged.actor_subject = "staff/li";
  forged.actor_unit = kV1;
  forged.actor_roles = {"loan.officer"};
  forged.action = "loans.ApproveApplication";
  forged.resource_type = "application";
  forged.resource_id = "applications/X1";
  forged.resource_unit = kV1;
  forged.after_json = R"({"status":"approved"})";
  forged.prev_hash = last[0].hash;
  forged.hash = ChainHash(forged.prev_hash, forged);
  InsertRowAsAdmin(forged);
  ASSERT_EQ(Count(), head + 1);

  v1::VerifyChainResponse r = VerifyAll();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), head + 1) << Describe(r);
}

TEST_F(AuditTampering, MaxEventsStopsEarlyAndTellsWhereToContinue) {
  v1::VerifyChainRequest req;
  req.set_max_events(40);
  v1::VerifyChainResponse r;
  ASSERT_TRUE(Verify(req, &r).ok());
  EXPECT_TRUE(r.ok()) << Describe(r);
  EXPECT_EQ(r.start_sequence(), 1);
  EXPECT_EQ(r.end_sequence(), 40);
  EXPECT_EQ(r.checked_count(), 40);
  EXPECT_EQ(r.next_start_sequence(), 41);
  EXPECT_EQ(r.end_hash(), StoredRows(40, 40).at(0).hash);

  // Continuing from there reaches a fault planted further on.
  db_->Exec("UPDATE events SET resource_id = 'units/elsewhere' WHERE seq = 77");
  req.set_start_sequence(r.next_start_sequence());
  ASSERT_TRUE(Verify(req, &r).ok());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), 77) << Describe(r);
  EXPECT_EQ(r.problem(), v1::CHAIN_PROBLEM_HASH_MISMATCH);
}

TEST_F(AuditTampering, RangeBeyondTheHeadIsRefused) {
  v1::VerifyChainRequest req;
  req.set_end_sequence(5000);
  v1::VerifyChainResponse r;
  grpc::Status s = Verify(req, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"end_sequence"});
  req.set_start_sequence(60);
  req.set_end_sequence(50);
  s = Verify(req, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"start_sequence"});
}

class AuditCheckpoints : public AuditFixture {
 protected:
  // The latest checkpoint, failing the test when there is none.
  v1::Checkpoint Latest() {
    v1::GetCheckpointRequest req;
    req.set_name("checkpoints/latest");
    v1::Checkpoint cp;
    grpc::Status s = stub_->GetCheckpoint(Ctx(As::kStaff).get(), req, &cp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return cp;
  }
};

TEST_F(AuditCheckpoints, SignedHeadVerifiesWithTheServedPublicKey) {
  v1::GetCheckpointRequest get;
  get.set_name("checkpoints/latest");
  v1::Checkpoint none;
  EXPECT_EQ(stub_->GetCheckpoint(Ctx(As::kAdmin).get(), get, &none).error_code(),
            grpc::StatusCode::NOT_FOUND);

  MustAppend("ev", 10);
  ASSERT_TRUE(checkpointer_->SignHead().ok());
  v1::Checkpoint cp = Latest();
  EXPECT_EQ(cp.name(), "checkpoints/10");
  EXPECT_EQ(cp.sequence(), HeadSequence());
  EXPECT_EQ(cp.head_hash(), HeadHash());
  EXPECT_EQ(cp.signature().size(), 64u);

  v1::SigningKey key;
  ASSERT_TRUE(stub_->GetSigningKey(Ctx(As::kStaff).get(), v1::GetSigningKeyRequest(), &key).ok());
  EXPECT_EQ(key.algorithm(), "Ed25519");
  EXPECT_EQ(key.public_key(), key_.public_key);
  EXPECT_EQ(key.key_id(), KeyId(key.public_key()));
  EXPECT_EQ(cp.key_id(), key.key_id());
  EXPECT_EQ(key.name(), "signingKeys/" + key.key_id());

  Checkpoint domain = DomainCheckpoint(cp);
  EXPECT_TRUE(VerifySignature(key.public_key(), CheckpointBytes(domain), domain.signature));
  // The signature covers the sequence: claiming it for another head fails.
  Checkpoint moved = domain;
  moved.sequence = 9;
  EXPECT_FALSE(VerifySignature(key.public_key(), CheckpointBytes(moved), domain.signature));

  // Named lookup agrees with latest.
  v1::GetCheckpointRequest by_name;
  by_name.set_name("checkpoints/10");
  v1::Checkpoint same;
  ASSERT_TRUE(stub_->GetCheckpoint(Ctx(As::kAdmin).get(), by_name, &same).ok());
  EXPECT_EQ(same.SerializeAsString(), cp.SerializeAsString());

  v1::VerifyChainResponse r = MustVerifyAll();
  EXPECT_TRUE(r.ok()) << Describe(r);
  EXPECT_EQ(r.checkpoints_checked(), 1);

  // Nothing new: no new checkpoint. After the read event: one at 11.
  ASSERT_TRUE(checkpointer_->SignHead().ok());
  ASSERT_TRUE(checkpointer_->SignHead().ok());
  v1::ListCheckpointsResponse list;
  ASSERT_TRUE(stub_->ListCheckpoints(Ctx(As::kAdmin).get(), v1::ListCheckpointsRequest(), &list).ok());
  ASSERT_EQ(list.checkpoints_size(), 2);
  EXPECT_EQ(list.checkpoints(0).sequence(), 10);
  EXPECT_EQ(list.checkpoints(1).sequence(), 11);
}

TEST_F(AuditCheckpoints, ForgedSignatureIsBadSignatureAtItsSequence) {
  MustAppend("ev", 10);
  ASSERT_TRUE(checkpointer_->SignHead().ok());
  MustAppend("more", 5);
  Checkpoint cp = DomainCheckpoint(Latest());
  ASSERT_EQ(cp.sequence, 10);
  // A forger without the private key signs the same statement with their own key.
  auto forger = GenerateSigningKey();
  ASSERT_TRUE(forger.ok());
  auto forged = Sign(*forger, CheckpointBytes(cp));
  ASSERT_TRUE(forged.ok());
  EXPECT_FALSE(VerifySignature(key_.public_key, CheckpointBytes(cp), *forged));
  db_->Exec(absl::StrCat("UPDATE checkpoints SET signature = UNHEX('", HexEncode(*forged),
                         "') WHERE seq = 10"));

  v1::VerifyChainResponse r = MustVerifyAll();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), 10) << Describe(r);
  EXPECT_EQ(r.problem(), v1::CHAIN_PROBLEM_BAD_SIGNATURE);
}

// VerifyChain reads the chain in chunks of 2 000 while it hashes the one
// before: checkpoints and faults past the first chunk are still found.
TEST_F(AuditCheckpoints, ChecksCheckpointsAndFaultsBeyondTheFirstChunk) {
  for (int i = 0; i < 5; ++i) MustAppend(absl::StrCat("c", i), 1000);
  ASSERT_EQ(HeadSequence(), 5000);
  ASSERT_TRUE(checkpointer_->SignHead().ok());
  const std::string head_hash = HeadHash();  // before the read itself is recorded
  v1::VerifyChainResponse r = MustVerifyAll();
  EXPECT_TRUE(r.ok()) << Describe(r);
  EXPECT_EQ(r.checked_count(), 5000);
  EXPECT_EQ(r.checkpoints_checked(), 1);
  EXPECT_EQ(r.end_hash(), head_hash);

  db_->Exec(R"(UPDATE events SET resource_id = 'units/forged' WHERE seq = 4321)");
  r = MustVerifyAll();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), 4321) << Describe(r);
  EXPECT_EQ(r.problem(), v1::CHAIN_PROBLEM_HASH_MISMATCH);
  EXPECT_EQ(r.checked_count(), 4320);
  EXPECT_EQ(r.checkpoints_checked(), 0);
}

TEST_F(AuditCheckpoints, AlteredCheckpointTimeBreaksItsSignature) {
  MustAppend("ev", 10);
  ASSERT_TRUE(checkpointer_->SignHead().ok());
  db_->Exec("UPDATE checkpoints SET created_at = created_at - INTERVAL 1 DAY WHERE seq = 10");
  v1::VerifyChainResponse r = MustVerifyAll();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), 10) << Describe(r);
  EXPECT_EQ(r.problem(), v1::CHAIN_PROBLEM_BAD_SIGNATURE);
}

// A forger who rewrites one event and then recomputes every later hash (and
// the chain head) leaves a self-consistent chain; only the signed checkpoint
// still remembers the old head.
TEST_F(AuditCheckpoints, ConsistentlyRewrittenHistoryIsCaughtByTheCheckpoint) {
  MustAppend("ev", 50);
  ASSERT_TRUE(checkpointer_->SignHead().ok());
  std::vector<Event> rows = StoredRows(37, 50);
  ASSERT_EQ(rows.size(), 14u);
  rows[0].after_json = R"({"display_name":"改写的历史"})";
  std::string prev = rows[0].prev_hash;
  for (Event& e : rows) {
    e.prev_hash = prev;
    e.hash = ChainHash(prev, e);
    prev = e.hash;
  }
  for (const Event& e : rows) {
    db_->Exec(absl::StrCat("UPDATE events SET after_json = '", e.after_json, "', prev_hash = UNHEX('",
                           HexEncode(e.prev_hash), "'), hash = UNHEX('", HexEncode(e.hash),
                           "') WHERE seq = ", e.sequence));
  }
  db_->Exec(absl::StrCat("UPDATE chain_head SET hash = UNHEX('", HexEncode(prev), "') WHERE id = 1"));

  v1::VerifyChainResponse r = MustVerifyAll();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), 50) << Describe(r);
  EXPECT_EQ(r.problem(), v1::CHAIN_PROBLEM_CHECKPOINT_MISMATCH);
  EXPECT_EQ(r.checked_count(), Count() - 1);  // every event's own hash is consistent (minus the read event)
}

TEST_F(AuditCheckpoints, AlteredHeadHashIsCheckpointMismatch) {
  MustAppend("ev", 10);
  ASSERT_TRUE(checkpointer_->SignHead().ok());
  MustAppend("more", 5);
  db_->Exec("UPDATE checkpoints SET head_hash = UNHEX(SHA2('rewritten history', 256)) WHERE seq = 10");
  v1::VerifyChainResponse r = MustVerifyAll();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.first_bad_sequence(), 10) << Describe(r);
  EXPECT_EQ(r.problem(), v1::CHAIN_PROBLEM_CHECKPOINT_MISMATCH);
}

}  // namespace
}  // namespace huinong::audit
