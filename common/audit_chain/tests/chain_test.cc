// The hash chain's rules: canonical bytes exactly as documented in
// audit.proto, recomputed hashes, and the verifier naming the first sequence
// that an altered field, a deleted row, a swapped pair or an inserted row
// breaks; checkpoint signatures that verify, and forged ones that do not;
// and hashes pinned to values computed from the documented format alone, so a
// faster implementation cannot change what an existing chain hashes to.
#include "common/audit_chain/chain.h"

#include <gtest/gtest.h>

#include "common/audit_chain/signature.h"
#include "common/audit_chain/tests/sample_event.h"
#include "common/core/sha256.h"

namespace huinong::audit {
namespace {

Event Sample(int64_t n) { return testing::SampleEvent(n); }

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

// Computed outside this code base from audit.proto's description of the
// canonical bytes (and equal to what the implementation before the library
// move computed): a chain stored by any earlier build must still verify.
TEST(ChainHash, PinnedHashesOfASampleChain) {
  auto chain = Chain(3);
  EXPECT_EQ(HexEncode(chain[0].hash), "e303708d0927e16d219ad86723ba94bc9e9e1ab64e6b9681f5b26b0fadb9fdf2");
  EXPECT_EQ(HexEncode(chain[1].hash), "f51fcf8a5adeb37f0c0211150c2ef6c3c678d3e3e2eaf384f7f1947ee9e2a641");
  EXPECT_EQ(HexEncode(chain[2].hash), "ada221d7eddb919543e51f81d3a69aa1aac59ea92fe800fee7add1ef375ec7b9");
  Checkpoint cp{3, chain[2].hash, absl::FromUnixMicros(1714552300000001), "0123456789abcdef", ""};
  EXPECT_EQ(HexEncode(CheckpointBytes(cp)),
            "0000001b6875696e6f6e672e61756469742e76312e636865636b706f696e7400000001330000004061646132"
            "32316437656464623931393534336535316638316433613639616131616163353965613932666538303066"
            "65653761646431656633373565633762390000001b323032342d30352d30315430383a33313a34302e3030"
            "303030315a0000001030313233343536373839616263646566");
}

// The fast formatter (common/core/utc_text.h, swept against absl there) for
// the store's range, absl's own formatting outside it.
TEST(CanonicalTime, AroundLeapDaysAndOutsideTheStoresRange) {
  for (const char* text : {"2024-02-29T23:59:59.999999Z", "2000-03-01T00:00:00.000000Z",
                           "1969-12-31T23:59:59.999999Z", "1900-02-28T12:00:00.500000Z"}) {
    absl::Time t;
    std::string err;
    ASSERT_TRUE(absl::ParseTime(absl::RFC3339_full, text, &t, &err)) << err;
    EXPECT_EQ(CanonicalTime(t), text);
  }
  EXPECT_EQ(CanonicalTime(absl::FromUnixSeconds(253402300800LL + 86400)), "10000-01-02T00:00:00.000000Z");
}

TEST(CanonicalBytes, RolesAreJoinedWithCommas) {
  Event e = Sample(1);
  for (const std::vector<std::string>& roles :
       {std::vector<std::string>{}, {"staff"}, {"org.admin", "", "staff"}}) {
    e.actor_roles = roles;
    std::string joined;
    for (size_t i = 0; i < roles.size(); ++i) joined += (i ? "," : "") + roles[i];
    const std::string field = std::string("\0\0\0", 3) + static_cast<char>(joined.size()) + joined +
                              std::string("\0\0\0\x0e", 4) + "org.CreateUnit";
    EXPECT_NE(CanonicalBytes(e).find(field), std::string::npos) << joined;
  }
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
