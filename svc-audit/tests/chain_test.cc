// The hash chain's rules: canonical bytes exactly as documented in
// audit.proto, recomputed hashes, and the verifier naming the first sequence
// that an altered field, a deleted row, a swapped pair or an inserted row
// breaks; checkpoint signatures that verify, and forged ones that do not.
#include "svc-audit/src/domain/chain.h"

#include <gtest/gtest.h>

#include "common/core/sha256.h"
#include "svc-audit/src/domain/signature.h"

namespace huinong::audit {
namespace {

Event Sample(int64_t n) {
  Event e;
  e.event_id = "01HEVENT" + std::to_string(n);
  e.time = absl::FromUnixMicros(1714552200123456 + n);
  e.service = "svc-org";
  e.actor_subject = "staff/wang";
  e.actor_unit = "units/T1";
  e.actor_roles = {"org.admin", "staff"};
  e.action = "org.CreateUnit";
  e.resource_type = "unit";
  e.resource_id = "units/V" + std::to_string(n);
  e.resource_unit = e.resource_id;
  e.request_id = "req-" + std::to_string(n);
  e.after_json = "{\"display_name\":\"东红寺村\"}";
  return e;
}

// Builds a valid chain of `n` events, as the store would.
std::vector<Event> Chain(int n) {
  std::vector<Event> chain;
  std::string prev = ZeroHash();
  for (int i = 1; i <= n; ++i) {
    Event e = Sample(i);
    e.sequence = i;
    e.prev_hash = prev;
    e.hash = ChainHash(prev, e);
    prev = e.hash;
    chain.push_back(e);
  }
  return chain;
}

std::optional<ChainFault> Verify(const std::vector<Event>& events) {
  ChainVerifier v(1, ZeroHash());
  for (const auto& e : events) {
    if (auto fault = v.Feed(e)) return fault;
  }
  return std::nullopt;
}

TEST(CanonicalBytes, LengthPrefixedFieldsInTheDocumentedOrder) {
  Event e = Sample(1);
  e.sequence = 42;
  std::string bytes = CanonicalBytes(e);
  // The tag first: 4-byte big-endian length 22, then "huinong.audit.v1.event".
  EXPECT_EQ(bytes.substr(0, 4), std::string("\0\0\0\x16", 4));
  EXPECT_EQ(bytes.substr(4, 22), "huinong.audit.v1.event");
  EXPECT_EQ(bytes.substr(26, 6), std::string("\0\0\0\x02", 4) + "42");
  EXPECT_NE(bytes.find(std::string("\0\0\0\x1b", 4) + "2024-05-01T08:30:00.123457Z"),
            std::string::npos);
  EXPECT_NE(bytes.find(std::string("\0\0\0\x0f", 4) + "org.admin,staff"), std::string::npos);
  // Chinese text is hashed as its UTF-8 bytes: the length counts bytes (4
  // characters are 12 bytes, so the JSON is 31 bytes), and it comes last.
  ASSERT_EQ(e.after_json.size(), 31u);
  EXPECT_EQ(bytes.substr(bytes.size() - 35), std::string("\0\0\0\x1f", 4) + e.after_json);
}

TEST(CanonicalTime, SixFractionalDigitsUtc) {
  EXPECT_EQ(CanonicalTime(absl::FromUnixMicros(1714552200000000)), "2024-05-01T08:30:00.000000Z");
  EXPECT_EQ(CanonicalTime(absl::FromUnixNanos(1714552200123456789)), "2024-05-01T08:30:00.123456Z");
}

TEST(ChainHash, IsSha256OfPrevHashAndCanonicalBytes) {
  Event e = Sample(1);
  e.sequence = 1;
  EXPECT_EQ(ChainHash(ZeroHash(), e), Sha256(ZeroHash() + CanonicalBytes(e)));
  Event other = e;
  other.resource_unit = "units/T2";
  EXPECT_NE(ChainHash(ZeroHash(), e), ChainHash(ZeroHash(), other));
}

TEST(ChainVerifier, AnIntactChainVerifies) {
  auto chain = Chain(10);
  ChainVerifier v(1, ZeroHash());
  for (const auto& e : chain) EXPECT_FALSE(v.Feed(e).has_value());
  EXPECT_EQ(v.checked(), 10);
  EXPECT_EQ(v.head_hash(), chain.back().hash);
}

TEST(ChainVerifier, AnAlteredFieldIsFoundAtItsSequence) {
  auto chain = Chain(10);
  chain[6].after_json = "{\"display_name\":\"西红寺村\"}";  // sequence 7
  auto fault = Verify(chain);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->sequence, 7);
  EXPECT_EQ(fault->problem, ChainProblem::kHashMismatch);
}

TEST(ChainVerifier, ARehashedAlterationBreaksTheNextLink) {
  auto chain = Chain(10);
  chain[6].actor_subject = "staff/li";
  chain[6].hash = ChainHash(chain[6].prev_hash, chain[6]);  // forger recomputes one hash
  auto fault = Verify(chain);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->sequence, 8);
  EXPECT_EQ(fault->problem, ChainProblem::kPrevHashMismatch);
}

TEST(ChainVerifier, ADeletedRowIsASequenceGap) {
  auto chain = Chain(10);
  chain.erase(chain.begin() + 3);  // sequence 4
  auto fault = Verify(chain);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->sequence, 4);
  EXPECT_EQ(fault->problem, ChainProblem::kSequenceGap);
}

TEST(ChainVerifier, AReorderedPairIsFoundAtTheFirstOfThem) {
  auto chain = Chain(10);
  // Swap the contents of sequences 5 and 6 but keep the sequence numbers.
  std::swap(chain[4], chain[5]);
  std::swap(chain[4].sequence, chain[5].sequence);
  auto fault = Verify(chain);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->sequence, 5);
}

TEST(ChainVerifier, AnInsertedRowIsFoundWhereItWasInserted) {
  auto chain = Chain(10);
  Event forged = Sample(99);
  forged.sequence = 4;
  forged.prev_hash = chain[2].hash;
  forged.hash = ChainHash(forged.prev_hash, forged);
  chain.insert(chain.begin() + 3, forged);
  for (size_t i = 4; i < chain.size(); ++i) chain[i].sequence += 1;  // renumbered after it
  auto fault = Verify(chain);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->sequence, 5);  // the original 4th event no longer links to its predecessor
  EXPECT_NE(fault->problem, ChainProblem::kNone);
}

TEST(ChainVerifier, StartsMidChainFromAStoredPrevHash) {
  auto chain = Chain(10);
  ChainVerifier v(6, chain[4].hash);
  for (size_t i = 5; i < chain.size(); ++i) EXPECT_FALSE(v.Feed(chain[i]).has_value());
  EXPECT_EQ(v.checked(), 5);
}

TEST(Checkpoints, SignatureVerifiesAndForgeriesDoNot) {
  auto key = GenerateSigningKey();
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->key_id, KeyId(key->public_key));
  EXPECT_EQ(key->key_id.size(), 16u);
  auto chain = Chain(5);
  Checkpoint cp{5, chain[4].hash, absl::FromUnixSeconds(1714552300), key->key_id, ""};
  auto sig = Sign(*key, CheckpointBytes(cp));
  ASSERT_TRUE(sig.ok());
  cp.signature = *sig;
  EXPECT_TRUE(VerifySignature(key->public_key, CheckpointBytes(cp), cp.signature));

  ChainVerifier good(1, ZeroHash());
  for (const auto& e : chain) good.Feed(e);
  EXPECT_FALSE(good.FeedCheckpoint(cp, chain[4].hash, key->public_key).has_value());

  Checkpoint forged = cp;
  forged.signature[10] ^= 1;
  ChainVerifier bad_sig(1, ZeroHash());
  for (const auto& e : chain) bad_sig.Feed(e);
  auto fault = bad_sig.FeedCheckpoint(forged, chain[4].hash, key->public_key);
  ASSERT_TRUE(fault.has_value());
  EXPECT_EQ(fault->problem, ChainProblem::kBadSignature);

  auto other = GenerateSigningKey();
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(VerifySignature(other->public_key, CheckpointBytes(cp), cp.signature));

  ChainVerifier moved(1, ZeroHash());
  for (const auto& e : chain) moved.Feed(e);
  auto mismatch = moved.FeedCheckpoint(cp, chain[3].hash, key->public_key);
  ASSERT_TRUE(mismatch.has_value());
  EXPECT_EQ(mismatch->problem, ChainProblem::kCheckpointMismatch);
}

TEST(Checkpoints, KeyFromOpensslPem) {
  const char* pem =
      "-----BEGIN PRIVATE KEY-----\n"
      "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
      "-----END PRIVATE KEY-----\n";
  auto key = SigningKeyFromPem(pem);
  ASSERT_TRUE(key.ok()) << key.status();
  // RFC 8032, section 7.1, test 1: this secret key has this public key.
  EXPECT_EQ(HexEncode(key->public_key),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  EXPECT_FALSE(SigningKeyFromPem("not a key").ok());
}

}  // namespace
}  // namespace huinong::audit
