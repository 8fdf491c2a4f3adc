// Mint then verify for each algorithm, plus the configuration and minting
// errors that must be caught before any token exists.
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_split.h"
#include "common/auth/tests/test_keys.h"
#include "common/auth/token.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace huinong::auth {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace ::huinong::auth::testing;  // NOLINT: test fixtures

Claims TellerClaims() {
  Claims claims;
  claims.subject = "staff-0042";
  claims.roles = {"teller", "township_head"};
  claims.unit = "units/township-07";
  claims.issuer = std::string(kIssuer);
  claims.audience = std::string(kAudience);
  claims.ttl = absl::Hours(8);
  return claims;
}

VerifierConfig HsConfig() {
  VerifierConfig config;
  config.issuer = std::string(kIssuer);
  config.audience = std::string(kAudience);
  config.hs256_secret = std::string(kSecret);
  return config;
}

VerifierConfig PublicKeyConfig(const std::string& pem) {
  VerifierConfig config;
  config.issuer = std::string(kIssuer);
  config.audience = std::string(kAudience);
  config.public_key_pem = pem;
  return config;
}

std::string HeaderOf(const std::string& token) {
  std::string header;
  std::vector<std::string> parts = absl::StrSplit(token, '.');
  EXPECT_EQ(parts.size(), 3u);
  EXPECT_TRUE(absl::WebSafeBase64Unescape(parts[0], &header));
  return header;
}

void ExpectTeller(const Principal& p) {
  EXPECT_EQ(p.subject, "staff-0042");
  EXPECT_THAT(p.roles, ElementsAre("teller", "township_head"));
  EXPECT_EQ(p.unit, "units/township-07");
  EXPECT_EQ(p.expires, kNow + absl::Hours(8));
}

TEST(AuthRoundTrip, Hs256MintThenVerify) {
  absl::StatusOr<std::string> token = MintHs256(TellerClaims(), kSecret, kNow);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_THAT(HeaderOf(*token), HasSubstr("\"HS256\""));
  auto verifier = TokenVerifier::Create(HsConfig());
  ASSERT_TRUE(verifier.ok()) << verifier.status();
  absl::StatusOr<Principal> principal = (*verifier)->Verify(*token, kNow + absl::Minutes(5));
  ASSERT_TRUE(principal.ok()) << principal.status();
  ExpectTeller(*principal);
}

TEST(AuthRoundTrip, Rs256MintThenVerify) {
  absl::StatusOr<std::string> token = MintWithPrivateKey(TellerClaims(), Rsa2048().private_pem, kNow);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_THAT(HeaderOf(*token), HasSubstr("\"RS256\""));
  auto verifier = TokenVerifier::Create(PublicKeyConfig(Rsa2048().public_pem));
  ASSERT_TRUE(verifier.ok()) << verifier.status();
  absl::StatusOr<Principal> principal = (*verifier)->Verify(*token, kNow);
  ASSERT_TRUE(principal.ok()) << principal.status();
  ExpectTeller(*principal);
}

TEST(AuthRoundTrip, Es256MintThenVerify) {
  absl::StatusOr<std::string> token = MintWithPrivateKey(TellerClaims(), EcP256().private_pem, kNow);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_THAT(HeaderOf(*token), HasSubstr("\"ES256\""));
  // JWS ES256 signatures are raw r||s, 64 bytes = 86 base64url characters.
  EXPECT_EQ(token->size() - token->rfind('.') - 1, 86u);
  auto verifier = TokenVerifier::Create(PublicKeyConfig(EcP256().public_pem));
  ASSERT_TRUE(verifier.ok()) << verifier.status();
  absl::StatusOr<Principal> principal = (*verifier)->Verify(*token, kNow);
  ASSERT_TRUE(principal.ok()) << principal.status();
  ExpectTeller(*principal);
}

TEST(AuthRoundTrip, RoleNamesNeedingEscapesSurvive) {
  Claims claims = TellerClaims();
  claims.roles = {"quote\"d", "back\\slash", "审批员", "tab\there", "emoji\xF0\x9F\x8C\xBE"};
  absl::StatusOr<std::string> token = MintHs256(claims, kSecret, kNow);
  ASSERT_TRUE(token.ok()) << token.status();
  absl::StatusOr<Principal> principal = (*TokenVerifier::Create(HsConfig()))->Verify(*token, kNow);
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->roles, claims.roles);
}

TEST(AuthRoundTrip, ServiceTokenWithoutUnitOrRoles) {
  Claims claims = TellerClaims();
  claims.subject = "svc-loans";
  claims.roles.clear();
  claims.unit.clear();
  absl::StatusOr<std::string> token = MintHs256(claims, kSecret, kNow);
  ASSERT_TRUE(token.ok()) << token.status();
  absl::StatusOr<Principal> principal = (*TokenVerifier::Create(HsConfig()))->Verify(*token, kNow);
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->subject, "svc-loans");
  EXPECT_THAT(principal->roles, IsEmpty());
  EXPECT_EQ(principal->unit, "");
}

TEST(AuthRoundTrip, FractionalNumericDatesAreAccepted) {
  // RFC 7519 NumericDate may carry fractions of a second.
  const std::string token = HandBuiltHs256(
      R"({"alg":"HS256","typ":"JWT"})",
      R"({"iss":"https://auth.huinong.test","aud":"huinong-api","sub":"staff-0042",)"
      R"("nbf":1749999999.5,"exp":1750003600.25})");
  absl::StatusOr<Principal> principal = (*TokenVerifier::Create(HsConfig()))->Verify(token, kNow);
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->expires, kNow + absl::Hours(1) + absl::Milliseconds(250));
}

TEST(AuthConfig, RejectsBadConfigurations) {
  VerifierConfig short_secret = HsConfig();
  short_secret.hs256_secret = std::string(31, 'x');
  EXPECT_EQ(TokenVerifier::Create(short_secret).status().code(), absl::StatusCode::kInvalidArgument);

  VerifierConfig both = HsConfig();
  both.public_key_pem = EcP256().public_pem;
  EXPECT_EQ(TokenVerifier::Create(both).status().code(), absl::StatusCode::kInvalidArgument);

  VerifierConfig neither = HsConfig();
  neither.hs256_secret.clear();
  EXPECT_EQ(TokenVerifier::Create(neither).status().code(), absl::StatusCode::kInvalidArgument);

  VerifierConfig no_issuer = HsConfig();
  no_issuer.issuer.clear();
  EXPECT_EQ(TokenVerifier::Create(no_issuer).status().code(), absl::StatusCode::kInvalidArgument);

  VerifierConfig no_audience = HsConfig();
  no_audience.audience.clear();
  EXPECT_EQ(TokenVerifier::Create(no_audience).status().code(), absl::StatusCode::kInvalidArgument);

  VerifierConfig negative_leeway = HsConfig();
  negative_leeway.leeway = absl::Seconds(-1);
  EXPECT_EQ(TokenVerifier::Create(negative_leeway).status().code(), absl::StatusCode::kInvalidArgument);

  EXPECT_TRUE(TokenVerifier::Create(HsConfig()).ok());
}

TEST(AuthConfig, RejectsUnusablePublicKeys) {
  const std::string garbage = "-----BEGIN PUBLIC KEY-----\nnot base64 at all\n-----END PUBLIC KEY-----\n";
  EXPECT_EQ(TokenVerifier::Create(PublicKeyConfig(garbage)).status().code(),
            absl::StatusCode::kInvalidArgument);
  // A private key where the public key belongs is a configuration mistake.
  EXPECT_EQ(TokenVerifier::Create(PublicKeyConfig(EcP256().private_pem)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(TokenVerifier::Create(PublicKeyConfig(GenerateRsa(1024).public_pem)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(TokenVerifier::Create(PublicKeyConfig(GenerateEc("P-384").public_pem)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(TokenVerifier::Create(PublicKeyConfig(Rsa2048().public_pem)).ok());
  EXPECT_TRUE(TokenVerifier::Create(PublicKeyConfig(EcP256().public_pem)).ok());
}

TEST(AuthMint, RejectsClaimsThatCouldNotVerify) {
  EXPECT_EQ(MintHs256(TellerClaims(), "too-short", kNow).status().code(), absl::StatusCode::kInvalidArgument);

  Claims no_subject = TellerClaims();
  no_subject.subject.clear();
  EXPECT_EQ(MintHs256(no_subject, kSecret, kNow).status().code(), absl::StatusCode::kInvalidArgument);

  Claims bad_unit = TellerClaims();
  bad_unit.unit = "township-07";
  EXPECT_EQ(MintHs256(bad_unit, kSecret, kNow).status().code(), absl::StatusCode::kInvalidArgument);

  Claims zero_ttl = TellerClaims();
  zero_ttl.ttl = absl::ZeroDuration();
  EXPECT_EQ(MintHs256(zero_ttl, kSecret, kNow).status().code(), absl::StatusCode::kInvalidArgument);

  Claims empty_role = TellerClaims();
  empty_role.roles.push_back("");
  EXPECT_EQ(MintHs256(empty_role, kSecret, kNow).status().code(), absl::StatusCode::kInvalidArgument);

  Claims bad_utf8 = TellerClaims();
  bad_utf8.subject = "staff-\xC3";
  EXPECT_EQ(MintHs256(bad_utf8, kSecret, kNow).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(AuthMint, RejectsUnusablePrivateKeys) {
  EXPECT_EQ(MintWithPrivateKey(TellerClaims(), GenerateEc("P-384").private_pem, kNow).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(MintWithPrivateKey(TellerClaims(), EcP256().public_pem, kNow).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(MintWithPrivateKey(TellerClaims(), "", kNow).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace huinong::auth
