// Minting with libjwt: development tokens from the local HS256 secret
// (`huinongctl token`, tests) and RS256/ES256 tokens from a private key. The
// claims are checked first against the same rules the verifier applies, so a
// minted token is one that verifies.
#include <jwt.h>
#include <openssl/err.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "common/auth/token.h"
#include "common/auth/unit_name.h"
#include "common/auth/verification_key.h"
#include "common/core/utf8.h"

namespace huinong::auth {
namespace {

// jansson takes C strings: an embedded NUL would silently cut a claim short.
bool HasNul(std::string_view text) { return text.find('\0') != std::string_view::npos; }
// JSON text is UTF-8; the verifier refuses anything else.
bool Unencodable(std::string_view text) { return HasNul(text) || !utf8::IsValid(text); }

absl::Status CheckClaims(const Claims& claims) {
  if (claims.subject.empty()) return absl::InvalidArgumentError("token needs a subject");
  if (claims.issuer.empty()) return absl::InvalidArgumentError("token needs an issuer");
  if (claims.audience.empty()) return absl::InvalidArgumentError("token needs an audience");
  if (claims.ttl <= absl::ZeroDuration()) return absl::InvalidArgumentError("token ttl must be positive");
  if (!internal::IsValidUnitClaim(claims.unit)) {
    return absl::InvalidArgumentError("token unit must be empty or 'units/{id}'");
  }
  bool bad = Unencodable(claims.subject) || Unencodable(claims.issuer) ||
             Unencodable(claims.audience) || Unencodable(claims.unit);
  for (const std::string& role : claims.roles) {
    if (role.empty()) return absl::InvalidArgumentError("token roles must be non-empty");
    bad = bad || Unencodable(role);
  }
  if (bad) return absl::InvalidArgumentError("token claims must be UTF-8 without NUL");
  return absl::OkStatus();
}

class JwtBuilder {
 public:
  JwtBuilder() { ok_ = jwt_new(&jwt_) == 0 && jwt_ != nullptr; }
  ~JwtBuilder() { jwt_free(jwt_); }
  JwtBuilder(const JwtBuilder&) = delete;
  JwtBuilder& operator=(const JwtBuilder&) = delete;

  void String(const char* name, const std::string& value) {
    ok_ = ok_ && jwt_add_grant(jwt_, name, value.c_str()) == 0;
  }
  void Integer(const char* name, int64_t value) {
    ok_ = ok_ && jwt_add_grant_int(jwt_, name, static_cast<long>(value)) == 0;
  }
  void Json(const std::string& object) { ok_ = ok_ && jwt_add_grants_json(jwt_, object.c_str()) == 0; }
  void Algorithm(jwt_alg_t alg, std::string_view key) {
    ok_ = ok_ && jwt_set_alg(jwt_, alg, reinterpret_cast<const unsigned char*>(key.data()),
                             static_cast<int>(key.size())) == 0;
  }

  absl::StatusOr<std::string> Encode() {
    if (!ok_) return absl::InvalidArgumentError("token claims or key rejected by the encoder");
    char* encoded = jwt_encode_str(jwt_);
    if (encoded == nullptr) return absl::InternalError("token signing failed");
    std::string token(encoded);
    std::free(encoded);
    return token;
  }

 private:
  jwt_t* jwt_ = nullptr;
  bool ok_ = false;
};

absl::StatusOr<std::string> Mint(const Claims& claims, jwt_alg_t alg, std::string_view key, absl::Time now) {
  if (absl::Status status = CheckClaims(claims); !status.ok()) return status;
  ERR_set_mark();  // libjwt's OpenSSL failures must not linger in this thread's queue
  JwtBuilder jwt;
  jwt.Algorithm(alg, key);
  jwt.String("iss", claims.issuer);
  jwt.String("aud", claims.audience);
  jwt.String("sub", claims.subject);
  if (!claims.unit.empty()) jwt.String("unit", claims.unit);
  // libjwt adds arrays only as JSON text; the roles are valid UTF-8 (checked
  // above), so dump() cannot throw.
  nlohmann::json roles = nlohmann::json::object();
  roles["roles"] = claims.roles;
  jwt.Json(roles.dump());
  jwt.Integer("iat", absl::ToUnixSeconds(now));
  jwt.Integer("exp", absl::ToUnixSeconds(now + claims.ttl));
  absl::StatusOr<std::string> token = jwt.Encode();
  ERR_pop_to_mark();
  return token;
}

}  // namespace

absl::StatusOr<std::string> MintHs256(const Claims& claims, std::string_view secret, absl::Time now) {
  if (secret.size() < kMinHs256SecretBytes) {
    return absl::InvalidArgumentError("HS256 secret must be at least 32 bytes");
  }
  return Mint(claims, JWT_ALG_HS256, secret, now);
}

absl::StatusOr<std::string> MintWithPrivateKey(const Claims& claims, std::string_view private_key_pem,
                                               absl::Time now) {
  absl::StatusOr<internal::Algorithm> algorithm = internal::PrivateKeyAlgorithm(private_key_pem);
  if (!algorithm.ok()) return algorithm.status();
  const jwt_alg_t alg = *algorithm == internal::Algorithm::kEs256 ? JWT_ALG_ES256 : JWT_ALG_RS256;
  return Mint(claims, alg, private_key_pem, now);
}

}  // namespace huinong::auth
