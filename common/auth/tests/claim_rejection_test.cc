// Claim rules: expiry with leeway, nbf/iat, issuer, audience (string or array),
// subject, roles and unit shapes. Tokens are hand-built and correctly signed, so
// each rejection here is the claim rule's and not the signature's.
#include <string>

#include "common/auth/tests/test_keys.h"
#include "common/auth/token.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace huinong::auth {
namespace {

using namespace ::huinong::auth::testing;  // NOLINT: test fixtures

constexpr std::string_view kHeader = R"({"alg":"HS256","typ":"JWT"})";

class ClaimRules : public ::testing::Test {
 protected:
  void SetUp() override {
    VerifierConfig config;
    config.issuer = std::string(kIssuer);
    config.audience = std::string(kAudience);
    config.hs256_secret = std::string(kSecret);
    config.leeway = absl::Seconds(30);
    auto created = TokenVerifier::Create(config);
    ASSERT_TRUE(created.ok()) << created.status();
    verifier_ = *std::move(created);
  }

  absl::StatusOr<Principal> VerifyPayload(std::string_view payload, absl::Time now = kNow) {
    return verifier_->Verify(HandBuiltHs256(kHeader, payload), now);
  }

  void ExpectRejected(std::string_view payload, std::string_view reason, absl::Time now = kNow) {
    absl::StatusOr<Principal> result = VerifyPayload(payload, now);
    EXPECT_EQ(result.status().code(), absl::StatusCode::kUnauthenticated) << payload;
    EXPECT_EQ(std::string(result.status().message()), std::string(reason)) << payload;
  }

  std::unique_ptr<TokenVerifier> verifier_;
};

const int64_t kT = absl::ToUnixSeconds(kNow);

std::string Obj(std::string_view members) { return "{" + std::string(members) + "}"; }

std::string Base(std::string_view aud_json = "\"huinong-api\"") {
  return std::string(R"("iss":"https://auth.huinong.test","sub":"staff-0042","aud":)") +
         std::string(aud_json);
}

std::string Exp(int64_t at) { return ",\"exp\":" + std::to_string(at); }

TEST_F(ClaimRules, ValidPayloadIsAccepted) {
  absl::StatusOr<Principal> ok = VerifyPayload(Payload(R"("roles":["teller"],"unit":"units/v-3")"));
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->subject, "staff-0042");
  EXPECT_EQ(ok->unit, "units/v-3");
}

TEST_F(ClaimRules, ExpiredRejectedButAcceptedWithinLeeway) {
  const std::string payload = Obj(Base() + Exp(kT));
  EXPECT_TRUE(VerifyPayload(payload, kNow - absl::Seconds(1)).ok());
  EXPECT_TRUE(VerifyPayload(payload, kNow + absl::Seconds(29)).ok());  // past exp, inside 30 s leeway
  ExpectRejected(payload, "token expired", kNow + absl::Seconds(30));
  ExpectRejected(payload, "token expired", kNow + absl::Hours(1));
}

TEST_F(ClaimRules, MintedTokenExpiresAfterTtlPlusLeeway) {
  huinong::auth::Claims claims;
  claims.subject = "staff-0042";
  claims.issuer = std::string(kIssuer);
  claims.audience = std::string(kAudience);
  claims.ttl = absl::Minutes(10);
  absl::StatusOr<std::string> token = MintHs256(claims, kSecret, kNow);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_TRUE(verifier_->Verify(*token, kNow + absl::Minutes(10) + absl::Seconds(20)).ok());
  absl::StatusOr<Principal> late = verifier_->Verify(*token, kNow + absl::Minutes(11));
  EXPECT_EQ(late.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(late.status().message(), "token expired");
}

TEST_F(ClaimRules, MissingOrNonNumericExpiryRejected) {
  ExpectRejected(Obj(Base()), "missing expiry");
  ExpectRejected(Obj(Base() + R"(,"exp":"1750003600")"), "malformed token");
  ExpectRejected(Obj(Base() + R"(,"exp":null)"), "malformed token");
  ExpectRejected(Obj(Base() + R"(,"exp":1e300)"), "malformed token");
}

TEST_F(ClaimRules, NotBeforeAndIssuedAtHonourLeeway) {
  ExpectRejected(Obj(Base() + Exp(kT + 3600) + ",\"nbf\":" + std::to_string(kT + 120)),
                 "token not yet valid");
  EXPECT_TRUE(VerifyPayload(Obj(Base() + Exp(kT + 3600) + ",\"nbf\":" + std::to_string(kT + 20))).ok());
  ExpectRejected(Obj(Base() + Exp(kT + 3600) + ",\"iat\":" + std::to_string(kT + 120)),
                 "token issued in the future");
  EXPECT_TRUE(VerifyPayload(Obj(Base() + Exp(kT + 3600) + ",\"iat\":" + std::to_string(kT + 20))).ok());
  ExpectRejected(Obj(Base() + Exp(kT + 3600) + R"(,"nbf":true)"), "malformed token");
}

TEST_F(ClaimRules, WrongIssuerRejected) {
  const std::string rest = R"("sub":"staff-0042","aud":"huinong-api")" + Exp(kT + 3600);
  ExpectRejected(Obj(R"("iss":"https://evil.example",)" + rest), "wrong issuer");
  ExpectRejected(Obj(R"("iss":"https://auth.huinong.test/",)" + rest), "wrong issuer");
  ExpectRejected(Obj(R"("iss":["https://auth.huinong.test"],)" + rest), "wrong issuer");
  ExpectRejected(Obj(rest), "wrong issuer");
}

TEST_F(ClaimRules, WrongAudienceRejected) {
  ExpectRejected(Obj(Base("\"other-api\"") + Exp(kT + 3600)), "wrong audience");
  ExpectRejected(Obj(Base("\"HUINONG-API\"") + Exp(kT + 3600)), "wrong audience");
  ExpectRejected(Obj(Base(R"(["a","b"])") + Exp(kT + 3600)), "wrong audience");
  ExpectRejected(Obj(Base("[]") + Exp(kT + 3600)), "wrong audience");
  ExpectRejected(Obj(Base(R"(["huinong-api",7])") + Exp(kT + 3600)), "wrong audience");
  ExpectRejected(Obj(R"("iss":"https://auth.huinong.test","sub":"staff-0042")" + Exp(kT + 3600)),
                 "wrong audience");
}

TEST_F(ClaimRules, AudienceArrayContainingOursAccepted) {
  absl::StatusOr<Principal> ok =
      VerifyPayload(Obj(Base(R"(["svc-gateway","huinong-api","x"])") + Exp(kT + 3600)));
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->subject, "staff-0042");
}

TEST_F(ClaimRules, SubjectRequired) {
  const std::string no_sub =
      R"("iss":"https://auth.huinong.test","aud":"huinong-api")" + Exp(kT + 3600);
  ExpectRejected(Obj(no_sub), "missing subject");
  ExpectRejected(Obj(no_sub + R"(,"sub":"")"), "missing subject");
  ExpectRejected(Obj(no_sub + R"(,"sub":42)"), "missing subject");
}

TEST_F(ClaimRules, RolesMustBeArrayOfStrings) {
  ExpectRejected(Payload(R"("roles":"admin")"), "malformed roles claim");
  ExpectRejected(Payload(R"("roles":["teller",1])"), "malformed roles claim");
  ExpectRejected(Payload(R"("roles":[["admin"]])"), "malformed roles claim");
  ExpectRejected(Payload(R"("roles":{"admin":true})"), "malformed roles claim");
  absl::StatusOr<Principal> empty = VerifyPayload(Payload(R"("roles":[])"));
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_TRUE(empty->roles.empty());
  absl::StatusOr<Principal> escaped = VerifyPayload(Payload(R"("roles":["a\"b","\u5ba1\u6279","\ud83c\udf3e"])"));
  ASSERT_TRUE(escaped.ok()) << escaped.status();
  EXPECT_EQ(escaped->roles, (std::vector<std::string>{"a\"b", "审批", "\xF0\x9F\x8C\xBE"}));
}

TEST_F(ClaimRules, UnitMustBeUnitResourceName) {
  ExpectRejected(Payload(R"("unit":"township-07")"), "malformed unit claim");
  ExpectRejected(Payload(R"("unit":"units/")"), "malformed unit claim");
  ExpectRejected(Payload(R"("unit":"units/a/b")"), "malformed unit claim");
  ExpectRejected(Payload(R"("unit":7)"), "malformed unit claim");
  EXPECT_TRUE(VerifyPayload(Payload(R"("unit":"")")).ok());
  EXPECT_EQ(VerifyPayload(Payload(R"("unit":"units/01HZX")"))->unit, "units/01HZX");
}

}  // namespace
}  // namespace huinong::auth
