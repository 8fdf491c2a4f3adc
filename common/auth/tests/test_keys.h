// Test fixtures for the auth tests: freshly generated key pairs (OpenSSL EVP),
// hand-built compact tokens, and a fixed clock. Keys are generated once per
// process because RSA generation is slow.
#pragma once

#include <string>
#include <string_view>

#include "absl/time/time.h"

namespace huinong::auth::testing {

struct KeyPair {
  std::string private_pem;  // PKCS#8 "BEGIN PRIVATE KEY"
  std::string public_pem;   // SubjectPublicKeyInfo "BEGIN PUBLIC KEY"
};

const KeyPair& Rsa2048();
const KeyPair& EcP256();
KeyPair GenerateRsa(int bits);
KeyPair GenerateEc(const char* curve);  // "P-256", "P-384", ...

inline constexpr std::string_view kSecret = "0123456789abcdef0123456789abcdef-dev-secret";
inline constexpr std::string_view kIssuer = "https://auth.huinong.test";
inline constexpr std::string_view kAudience = "huinong-api";
inline const absl::Time kNow = absl::FromUnixSeconds(1'750'000'000);

std::string B64(std::string_view bytes);
std::string HmacSha256(std::string_view key, std::string_view data);

// base64url(header).base64url(payload).base64url(HMAC-SHA256(secret, ...)).
std::string HandBuiltHs256(std::string_view header_json, std::string_view payload_json,
                           std::string_view secret = kSecret);
// base64url(header).base64url(payload).base64url(signature) with the given raw signature.
std::string HandBuilt(std::string_view header_json, std::string_view payload_json,
                      std::string_view signature);

// A valid claims set at kNow (exp one hour later) with `extra` members appended,
// e.g. Payload(R"("roles":["teller"])").
std::string Payload(std::string_view extra = "");

}  // namespace huinong::auth::testing
