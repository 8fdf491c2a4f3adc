// The algorithm pin and the signature: the accepted algorithm is the
// configured key's, whatever the token header says. Covers alg=none, the
// HS256-with-public-key-as-secret confusion, RS/ES mix-ups, tampered and
// foreign signatures.
#include <string>

#include "absl/strings/str_cat.h"
#include "common/auth/tests/test_keys.h"
#include "common/auth/token.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace huinong::auth {
namespace {

using namespace ::huinong::auth::testing;  // NOLINT: test fixtures

std::unique_ptr<TokenVerifier> HsVerifier() {
  VerifierConfig config;
  config.issuer = std::string(kIssuer);
  config.audience = std::string(kAudience);
  config.hs256_secret = std::string(kSecret);
  return *TokenVerifier::Create(config);
}

std::unique_ptr<TokenVerifier> KeyVerifier(const std::string& public_pem) {
  VerifierConfig config;
  config.issuer = std::string(kIssuer);
  config.audience = std::string(kAudience);
  config.public_key_pem = public_pem;
  return *TokenVerifier::Create(config);
}

Claims SomeClaims() {
  Claims claims;
  claims.subject = "staff-0042";
  claims.roles = {"admin"};
  claims.issuer = std::string(kIssuer);
  claims.audience = std::string(kAudience);
  return claims;
}

void ExpectRejected(const TokenVerifier& verifier, const std::string& token, std::string_view reason) {
  absl::StatusOr<Principal> result = verifier.Verify(token, kNow);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(std::string(result.status().message()), std::string(reason));
}

// Changes one character in the middle of the signature to another valid one.
std::string FlipSignatureChar(std::string token) {
  const size_t sig_start = token.rfind('.') + 1;
  const size_t at = sig_start + (token.size() - sig_start) / 2;
  token[at] = token[at] == 'A' ? 'B' : 'A';
  return token;
}

TEST(AlgorithmPin, AlgNoneRejected) {
  const std::string unsigned_token = B64(R"({"alg":"none","typ":"JWT"})") + "." + B64(Payload()) + ".";
  ExpectRejected(*HsVerifier(), unsigned_token, "algorithm not allowed");
  ExpectRejected(*KeyVerifier(Rsa2048().public_pem), unsigned_token, "algorithm not allowed");
  ExpectRejected(*KeyVerifier(EcP256().public_pem), unsigned_token, "algorithm not allowed");
  // Spelling variants and a none token carrying some signature change nothing.
  ExpectRejected(*HsVerifier(), B64(R"({"alg":"None"})") + "." + B64(Payload()) + ".", "algorithm not allowed");
  ExpectRejected(*HsVerifier(), HandBuiltHs256(R"({"alg":"none"})", Payload()), "algorithm not allowed");
}

TEST(AlgorithmPin, HeaderWithoutAlgRejected) {
  ExpectRejected(*HsVerifier(), HandBuiltHs256(R"({"typ":"JWT"})", Payload()), "malformed token");
  ExpectRejected(*HsVerifier(), HandBuiltHs256(R"({"alg":256})", Payload()), "malformed token");
}

TEST(AlgorithmPin, Hs256TokenAgainstPublicKeyVerifierRejected) {
  // The classic key confusion: HMAC keyed with the (public) PEM text itself.
  const std::string rsa_confused =
      HandBuiltHs256(R"({"alg":"HS256","typ":"JWT"})", Payload(), Rsa2048().public_pem);
  ExpectRejected(*KeyVerifier(Rsa2048().public_pem), rsa_confused, "algorithm not allowed");
  const std::string ec_confused =
      HandBuiltHs256(R"({"alg":"HS256","typ":"JWT"})", Payload(), EcP256().public_pem);
  ExpectRejected(*KeyVerifier(EcP256().public_pem), ec_confused, "algorithm not allowed");
  // An ordinary development token is no better.
  ExpectRejected(*KeyVerifier(Rsa2048().public_pem), *MintHs256(SomeClaims(), kSecret, kNow),
                 "algorithm not allowed");
}

TEST(AlgorithmPin, RsAndEsNotInterchangeable) {
  const std::string rs = *MintWithPrivateKey(SomeClaims(), Rsa2048().private_pem, kNow);
  const std::string es = *MintWithPrivateKey(SomeClaims(), EcP256().private_pem, kNow);
  ExpectRejected(*KeyVerifier(EcP256().public_pem), rs, "algorithm not allowed");
  ExpectRejected(*KeyVerifier(Rsa2048().public_pem), es, "algorithm not allowed");
  ExpectRejected(*HsVerifier(), rs, "algorithm not allowed");
  ExpectRejected(*HsVerifier(), es, "algorithm not allowed");
  EXPECT_TRUE(KeyVerifier(Rsa2048().public_pem)->Verify(rs, kNow).ok());
  EXPECT_TRUE(KeyVerifier(EcP256().public_pem)->Verify(es, kNow).ok());
}

TEST(AlgorithmPin, OtherHmacStrengthsRejected) {
  ExpectRejected(*HsVerifier(), HandBuiltHs256(R"({"alg":"HS512"})", Payload()), "algorithm not allowed");
  ExpectRejected(*HsVerifier(), HandBuiltHs256(R"({"alg":"hs256"})", Payload()), "algorithm not allowed");
}

TEST(AlgorithmPin, CriticalHeaderExtensionsRejected) {
  ExpectRejected(*HsVerifier(), HandBuiltHs256(R"({"alg":"HS256","crit":["exp"],"exp":1})", Payload()),
                 "unsupported critical header");
}

TEST(Signature, FlippedSignatureCharRejected) {
  const std::string hs = *MintHs256(SomeClaims(), kSecret, kNow);
  ASSERT_TRUE(HsVerifier()->Verify(hs, kNow).ok());
  ExpectRejected(*HsVerifier(), FlipSignatureChar(hs), "bad signature");

  const std::string rs = *MintWithPrivateKey(SomeClaims(), Rsa2048().private_pem, kNow);
  ExpectRejected(*KeyVerifier(Rsa2048().public_pem), FlipSignatureChar(rs), "bad signature");

  const std::string es = *MintWithPrivateKey(SomeClaims(), EcP256().private_pem, kNow);
  ExpectRejected(*KeyVerifier(EcP256().public_pem), FlipSignatureChar(es), "bad signature");
}

TEST(Signature, TamperedPayloadRejected) {
  const std::string hs = *MintHs256(SomeClaims(), kSecret, kNow);
  const size_t dot = hs.find('.');
  const std::string forged_payload = B64(Payload(R"("roles":["admin","service"])"));
  const std::string forged = hs.substr(0, dot + 1) + forged_payload + hs.substr(hs.rfind('.'));
  ExpectRejected(*HsVerifier(), forged, "bad signature");
}

TEST(Signature, SignedWithAnotherSecretRejected) {
  const std::string other = *MintHs256(SomeClaims(), "another-secret-that-is-also-32-bytes-long", kNow);
  ExpectRejected(*HsVerifier(), other, "bad signature");
}

TEST(Signature, SignedWithAnotherKeyPairRejected) {
  const KeyPair other_ec = GenerateEc("P-256");
  const std::string es = *MintWithPrivateKey(SomeClaims(), other_ec.private_pem, kNow);
  ExpectRejected(*KeyVerifier(EcP256().public_pem), es, "bad signature");
  EXPECT_TRUE(KeyVerifier(other_ec.public_pem)->Verify(es, kNow).ok());
}

TEST(Signature, WrongLengthSignaturesRejected) {
  const std::string header = R"({"alg":"ES256","typ":"JWT"})";
  ExpectRejected(*KeyVerifier(EcP256().public_pem), HandBuilt(header, Payload(), ""), "bad signature");
  ExpectRejected(*KeyVerifier(EcP256().public_pem), HandBuilt(header, Payload(), std::string(63, '\x01')),
                 "bad signature");
  ExpectRejected(*KeyVerifier(EcP256().public_pem), HandBuilt(header, Payload(), std::string(64, '\0')),
                 "bad signature");
  ExpectRejected(*KeyVerifier(Rsa2048().public_pem),
                 HandBuilt(R"({"alg":"RS256"})", Payload(), std::string(256, '\x7f')), "bad signature");
  ExpectRejected(*HsVerifier(), HandBuilt(R"({"alg":"HS256"})", Payload(), std::string(31, 'x')),
                 "bad signature");
}

}  // namespace
}  // namespace huinong::auth
