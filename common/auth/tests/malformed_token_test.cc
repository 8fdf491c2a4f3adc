// Malformed input is rejected as UNAUTHENTICATED, never accepted and never a
// crash: wrong shape, bad base64url, non-JSON or non-object parts, duplicate
// claims, oversized tokens, and a seeded fuzz over mutations of a valid token.
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/auth/tests/test_keys.h"
#include "common/auth/token.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace huinong::auth {
namespace {

using ::testing::Not;
using ::testing::HasSubstr;
using namespace ::huinong::auth::testing;  // NOLINT: test fixtures

constexpr std::string_view kHeader = R"({"alg":"HS256","typ":"JWT"})";

// What a damaged token may be refused for: its shape, its header or its
// signature. A damaged token never gets as far as the claim rules, since
// its signature no longer holds.
bool IsDamageReason(std::string_view reason) {
  return reason == "malformed token" || reason == "bad signature" || reason == "algorithm not allowed" ||
         reason == "unsupported critical header";
}

class MalformedTokens : public ::testing::Test {
 protected:
  void SetUp() override {
    VerifierConfig config;
    config.issuer = std::string(kIssuer);
    config.audience = std::string(kAudience);
    config.hs256_secret = std::string(kSecret);
    verifier_ = *TokenVerifier::Create(config);
    Claims claims;
    claims.subject = "staff-0042";
    claims.roles = {"teller"};
    claims.unit = "units/t-1";
    claims.issuer = std::string(kIssuer);
    claims.audience = std::string(kAudience);
    valid_ = *MintHs256(claims, kSecret, kNow);
    ASSERT_TRUE(verifier_->Verify(valid_, kNow).ok());
  }

  void ExpectMalformed(std::string_view token) {
    absl::StatusOr<Principal> result = verifier_->Verify(token, kNow);
    EXPECT_EQ(result.status().code(), absl::StatusCode::kUnauthenticated) << token.substr(0, 80);
    EXPECT_EQ(result.status().message(), "malformed token") << token.substr(0, 80);
  }

  std::unique_ptr<TokenVerifier> verifier_;
  std::string valid_;
};

TEST_F(MalformedTokens, WrongShapeRejected) {
  ExpectMalformed("");
  ExpectMalformed("a.b");
  ExpectMalformed("a.b.c.d");
  ExpectMalformed("..");
  ExpectMalformed("not a token at all");
  ExpectMalformed(valid_ + ".");
  ExpectMalformed("." + valid_);
  ExpectMalformed(std::string(valid_).insert(5, 1, '\0'));
}

TEST_F(MalformedTokens, BadBase64Rejected) {
  const std::string payload = B64(Payload());
  ExpectMalformed("eyJ!bGciOiJIUzI1NiJ9." + payload + ".abc");
  ExpectMalformed(B64(kHeader) + "=." + payload + ".abc");           // padding is not base64url-JWS
  ExpectMalformed(B64(kHeader) + "+/." + payload + ".abc");          // standard alphabet
  ExpectMalformed(B64(kHeader) + "." + payload + "A.abc");           // length 4n+1
  ExpectMalformed(B64(kHeader) + "." + payload + ". abc");
  std::string bad_sig = valid_;
  bad_sig.back() = '*';
  ExpectMalformed(bad_sig);
}

TEST_F(MalformedTokens, NonCanonicalSignatureEncodingRejected) {
  // A 32-byte MAC is 43 characters; the last one carries 2 unused bits.
  // Setting one decodes to the same bytes, yet is a different token string.
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string twin = valid_;
  ASSERT_EQ(twin.size() - twin.rfind('.') - 1, 43u);
  twin.back() = kAlphabet[kAlphabet.find(twin.back()) ^ 1];
  ExpectMalformed(twin);
}

TEST_F(MalformedTokens, NonJsonPartsRejectedEvenWhenSigned) {
  ExpectMalformed(HandBuiltHs256(kHeader, "this is not json"));
  ExpectMalformed(HandBuiltHs256(kHeader, R"(["an","array"])"));
  ExpectMalformed(HandBuiltHs256(kHeader, "42"));
  ExpectMalformed(HandBuiltHs256(kHeader, Payload() + "trailing"));
  ExpectMalformed(HandBuiltHs256(kHeader, "{\"sub\":\"a\xff\"}"));  // invalid UTF-8
  ExpectMalformed(HandBuiltHs256("{\"alg\":\"HS256\"", Payload()));
  ExpectMalformed(HandBuiltHs256("", Payload()));
  ExpectMalformed(HandBuiltHs256(kHeader, ""));
}

TEST_F(MalformedTokens, DuplicateClaimsRejected) {
  // A parser that kept the last "sub" would let a signed token be read two ways.
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("sub":"admin")")));
}

TEST_F(MalformedTokens, DuplicateMembersRejectedAtAnyDepth) {
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("x":{"a":1,"a":2})")));
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("x":[{"a":1},{"b":1,"b":1}])")));
  ExpectMalformed(HandBuiltHs256(R"({"alg":"HS256","alg":"HS256"})", Payload()));
  // The same name in sibling objects is not a duplicate.
  absl::StatusOr<Principal> ok =
      verifier_->Verify(HandBuiltHs256(kHeader, Payload(R"("x":[{"a":1},{"a":2}],"y":{"a":{"a":0}})")), kNow);
  EXPECT_TRUE(ok.ok()) << ok.status();
}

TEST_F(MalformedTokens, TextThatIsNotStrictJsonRejected) {
  ExpectMalformed(HandBuiltHs256(kHeader, "\xEF\xBB\xBF" + Payload()));        // byte order mark
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("x":"\ud800")")));        // lone surrogate
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("x":"\udc00\ud800")")));  // reversed pair
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("x":1e400)")));           // overflows a double
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("x":01)")));              // leading zero
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("x":'a')")));
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("x":[1,])")));
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("x":1 /* comment */)")));
  ExpectMalformed(HandBuiltHs256(kHeader, Payload() + Payload()));
  ExpectMalformed(HandBuiltHs256(kHeader, "{\"sub\":\"a\tb\"}"));  // raw control character
  // Nesting: 2048 levels in all are read, one more is refused.
  const auto nested = [](int levels) {
    return Payload("\"x\":" + std::string(levels, '[') + std::string(levels, ']'));
  };
  absl::StatusOr<Principal> deep = verifier_->Verify(HandBuiltHs256(kHeader, nested(2047)), kNow);
  EXPECT_TRUE(deep.ok()) << deep.status();
  ExpectMalformed(HandBuiltHs256(kHeader, nested(2048)));
}

TEST_F(MalformedTokens, NulInsidePayloadRejected) {
  std::string payload = Payload();
  payload.insert(payload.size() - 1, std::string(",\"x\":\"a\0b\"", 11));
  ExpectMalformed(HandBuiltHs256(kHeader, payload));
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("x":"a\u0000b")")));
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("a\u0000b":1)")));
  ExpectMalformed(HandBuiltHs256(kHeader, Payload(R"("x":[["\u0000"]])")));
}

TEST_F(MalformedTokens, OversizedTokenRejectedBeforeParsing) {
  std::string roles;
  for (int i = 0; i < 700; ++i) absl::StrAppend(&roles, i == 0 ? "" : ",", "\"role-", i, "\"");
  const std::string big = HandBuiltHs256(kHeader, Payload("\"roles\":[" + roles + "]"));
  ASSERT_GT(big.size(), 9u * 1024);
  ExpectMalformed(big);

  // Just under the limit, the same shape verifies: the limit is about size alone.
  std::string fewer;
  for (int i = 0; i < 450; ++i) absl::StrAppend(&fewer, i == 0 ? "" : ",", "\"role-", i, "\"");
  const std::string under = HandBuiltHs256(kHeader, Payload("\"roles\":[" + fewer + "]"));
  ASSERT_LE(under.size(), kMaxTokenBytes);
  absl::StatusOr<Principal> ok = verifier_->Verify(under, kNow);
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->roles.size(), 450u);
}

TEST_F(MalformedTokens, FuzzedMutationsNeverVerifyNorEchoTheToken) {
  std::mt19937 rng(20240611);
  using namespace std::literals;
  // Includes NUL and a non-ASCII byte, hence the sized literal.
  static constexpr std::string_view kChars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"\\\x00\xff"sv;
  const std::string signature = valid_.substr(valid_.rfind('.') + 1);
  int rejected = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string token = valid_;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !token.empty(); ++e) {
      const size_t at = rng() % token.size();
      const char c = kChars[rng() % kChars.size()];
      switch (rng() % 4) {
        case 0: token[at] = c; break;
        case 1: token.erase(at, 1); break;
        case 2: token.insert(at, 1, c); break;
        default: token.resize(at); break;
      }
    }
    if (token == valid_) continue;
    absl::StatusOr<Principal> result = verifier_->Verify(token, kNow);
    ASSERT_FALSE(result.ok()) << "mutation verified: " << token;
    ASSERT_EQ(result.status().code(), absl::StatusCode::kUnauthenticated);
    EXPECT_TRUE(IsDamageReason(std::string(result.status().message()))) << result.status();
    EXPECT_THAT(std::string(result.status().message()), Not(HasSubstr(signature)));
    EXPECT_LT(result.status().message().size(), 40u);
    ++rejected;
  }
  EXPECT_GT(rejected, 3900);
}

TEST_F(MalformedTokens, RandomBytesRejected) {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string token(rng() % 200, '\0');
    for (char& c : token) c = static_cast<char>(rng() % 256);
    if (round % 2 == 0 && token.size() > 10) token[3] = token[7] = '.';
    const absl::Status status = verifier_->Verify(token, kNow).status();
    EXPECT_EQ(status.code(), absl::StatusCode::kUnauthenticated);
    EXPECT_TRUE(IsDamageReason(std::string(status.message()))) << status;
  }
}

}  // namespace
}  // namespace huinong::auth
