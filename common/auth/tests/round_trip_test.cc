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

// Refused as INVALID_ARGUMENT for this reason.
void ExpectInvalid(const absl::Status& status, std::string_view reason) {
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
  EXPECT_EQ(std::string(status.message()), std::string(reason));
}

TEST(AuthConfig, RejectsBadConfigurations) {
  VerifierConfig short_secret = HsConfig();
  short_secret.hs256_secret = std::string(31, 'x');
  ExpectInvalid(TokenVerifier::Create(short_secret).status(), "HS256 secret must be at least 32 bytes");

  VerifierConfig both = HsConfig();
  both.public_key_pem = EcP256().public_pem;
  ExpectInvalid(TokenVerifier::Create(both).status(), "set exactly one of hs256_secret and public_key_pem");

  VerifierConfig neither = HsConfig();
  neither.hs256_secret.clear();
  ExpectInvalid(TokenVerifier::Create(neither).status(), "set exactly one of hs256_secret and public_key_pem");

  VerifierConfig no_issuer = HsConfig();
  no_issuer.issuer.clear();
  ExpectInvalid(TokenVerifier::Create(no_issuer).status(), "verifier needs an issuer");

  VerifierConfig no_audience = HsConfig();
  no_audience.audience.clear();
  ExpectInvalid(TokenVerifier::Create(no_audience).status(), "verifier needs an audience");

  VerifierConfig negative_leeway = HsConfig();
  negative_leeway.leeway = absl::Seconds(-1);
  ExpectInvalid(TokenVerifier::Create(negative_leeway).status(), "leeway must not be negative");

  EXPECT_TRUE(TokenVerifier::Create(HsConfig()).ok());
}

TEST(AuthConfig, RejectsUnusablePublicKeys) {
  const std::string garbage = "-----BEGIN PUBLIC KEY-----\nnot base64 at all\n-----END PUBLIC KEY-----\n";
  ExpectInvalid(TokenVerifier::Create(PublicKeyConfig(garbage)).status(),
                "public key is not a PEM SubjectPublicKeyInfo ('BEGIN PUBLIC KEY')");
  // A private key where the public key belongs is a configuration mistake.
  ExpectInvalid(TokenVerifier::Create(PublicKeyConfig(EcP256().private_pem)).status(),
                "public key is not a PEM SubjectPublicKeyInfo ('BEGIN PUBLIC KEY')");
  ExpectInvalid(TokenVerifier::Create(PublicKeyConfig(GenerateRsa(1024).public_pem)).status(),
                "RSA key must have at least 2048 bits");
  ExpectInvalid(TokenVerifier::Create(PublicKeyConfig(GenerateEc("P-384").public_pem)).status(),
                "EC key must be on curve P-256 (ES256)");
  EXPECT_TRUE(TokenVerifier::Create(PublicKeyConfig(Rsa2048().public_pem)).ok());
  EXPECT_TRUE(TokenVerifier::Create(PublicKeyConfig(EcP256().public_pem)).ok());
}

TEST(AuthMint, RejectsClaimsThatCouldNotVerify) {
  ExpectInvalid(MintHs256(TellerClaims(), "too-short", kNow).status(), "HS256 secret must be at least 32 bytes");

  Claims no_subject = TellerClaims();
  no_subject.subject.clear();
  ExpectInvalid(MintHs256(no_subject, kSecret, kNow).status(), "token needs a subject");

  Claims bad_unit = TellerClaims();
  bad_unit.unit = "township-07";
  ExpectInvalid(MintHs256(bad_unit, kSecret, kNow).status(), "token unit must be empty or 'units/{id}'");

  Claims zero_ttl = TellerClaims();
  zero_ttl.ttl = absl::ZeroDuration();
  ExpectInvalid(MintHs256(zero_ttl, kSecret, kNow).status(), "token ttl must be positive");

  Claims empty_role = TellerClaims();
  empty_role.roles.push_back("");
  ExpectInvalid(MintHs256(empty_role, kSecret, kNow).status(), "token roles must be non-empty");

  Claims bad_utf8 = TellerClaims();
  bad_utf8.subject = "staff-\xC3";
  ExpectInvalid(MintHs256(bad_utf8, kSecret, kNow).status(), "token claims must be UTF-8 without NUL");

  Claims bad_utf8_role = TellerClaims();
  bad_utf8_role.roles.push_back("审\xE6");
  ExpectInvalid(MintHs256(bad_utf8_role, kSecret, kNow).status(), "token claims must be UTF-8 without NUL");
}

TEST(AuthMint, RejectsUnusablePrivateKeys) {
  ExpectInvalid(MintWithPrivateKey(TellerClaims(), GenerateEc("P-384").private_pem, kNow).status(),
                "EC key must be on curve P-256 (ES256)");
  ExpectInvalid(MintWithPrivateKey(TellerClaims(), EcP256().public_pem, kNow).status(),
                "private key is not an unencrypted PEM private key");
  ExpectInvalid(MintWithPrivateKey(TellerClaims(), "", kNow).status(),
                "private key is not an unencrypted PEM private key");
}

}  // namespace
}  // namespace huinong::auth
