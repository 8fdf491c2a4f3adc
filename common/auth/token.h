// JWT verification and minting for Huinong callers.
//
// Guarantees of TokenVerifier::Verify:
// - the signature algorithm is fixed by the configuration (HS256 for a secret;
//   RS256 or ES256 from the public key's type) and never taken from the token:
//   "none", HS256-against-a-public-key and RS/ES mix-ups are rejected;
// - "exp" is required; "nbf" and "iat" are checked when present; all with leeway;
// - "iss" must equal, and "aud" must equal or (as an array) contain, the
//   configured values; "sub" must be a non-empty string; "roles", if present,
//   must be an array of strings; "unit", if non-empty, must be "units/{id}";
// - every failure is UNAUTHENTICATED with a short reason that never echoes the
//   token; malformed or oversized (> 8 KiB) input is rejected, never a crash;
// - Verify is const and safe to call from many threads at once; the key is
//   parsed once, at Create.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"

namespace huinong::auth {

namespace internal {
class VerificationKey;
}  // namespace internal

// Tokens longer than this are rejected before any parsing.
inline constexpr size_t kMaxTokenBytes = 8 * 1024;
// HMAC secrets shorter than this are refused (by Create and by MintHs256).
inline constexpr size_t kMinHs256SecretBytes = 32;

struct VerifierConfig {
  std::string issuer;          // required "iss"
  std::string audience;        // required: "aud" must equal it or (array) contain it
  std::string hs256_secret;    // local development: HMAC secret (>= 32 bytes, else Create fails)
  std::string public_key_pem;  // production: RSA (RS256) or EC P-256 (ES256) public key; exactly one of the two is set
  absl::Duration leeway = absl::Seconds(30);
};

class TokenVerifier {
 public:
  // INVALID_ARGUMENT on bad config or key (empty issuer/audience, both or
  // neither key set, short secret, unreadable PEM, RSA < 2048 bits, EC curve
  // other than P-256, negative leeway).
  static absl::StatusOr<std::unique_ptr<TokenVerifier>> Create(VerifierConfig config);

  ~TokenVerifier();
  TokenVerifier(const TokenVerifier&) = delete;
  TokenVerifier& operator=(const TokenVerifier&) = delete;

  // UNAUTHENTICATED with a short reason ("token expired", "bad signature",
  // "wrong issuer", "wrong audience", "algorithm not allowed", "malformed token",
  // "missing subject", ...) — never echoing the token.
  absl::StatusOr<Principal> Verify(std::string_view token, absl::Time now) const;

 private:
  TokenVerifier(VerifierConfig config, std::unique_ptr<internal::VerificationKey> key);

  VerifierConfig config_;
  std::unique_ptr<internal::VerificationKey> key_;
};

struct Claims {
  std::string subject;
  std::vector<std::string> roles;
  std::string unit;
  std::string issuer;
  std::string audience;
  absl::Duration ttl = absl::Hours(12);
};

// Mint a token with iat=now, exp=now+ttl. INVALID_ARGUMENT when the claims
// would not verify (empty subject/issuer/audience/role, non-positive ttl,
// unit not "units/{id}") or the key is unusable.
absl::StatusOr<std::string> MintHs256(const Claims& claims, std::string_view secret, absl::Time now);
// RS256 for RSA keys, ES256 for EC P-256 keys (PEM, PKCS#8 or traditional).
absl::StatusOr<std::string> MintWithPrivateKey(const Claims& claims, std::string_view private_key_pem,
                                               absl::Time now);

// "Bearer <token>" -> token (case-insensitive scheme); UNAUTHENTICATED otherwise.
// The result points into `authorization_header`.
absl::StatusOr<std::string_view> BearerToken(std::string_view authorization_header);

}  // namespace huinong::auth
