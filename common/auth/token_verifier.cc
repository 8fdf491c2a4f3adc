// TokenVerifier: compact JWS parsing, the algorithm pin, and the claim rules
// (see token.h). Order matters: the header alg is checked against the
// configured key before any signature work, and the claims are parsed only
// after the signature holds, so unauthenticated bytes never reach claim logic.
#include <openssl/crypto.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "common/auth/base64url.h"
#include "common/auth/json_object.h"
#include "common/auth/token.h"
#include "common/auth/unit_name.h"
#include "common/auth/verification_key.h"

namespace huinong::auth {
namespace {

using internal::JsonObject;

absl::Status Reject(std::string_view reason) {
  return absl::UnauthenticatedError(absl::string_view(reason.data(), reason.size()));
}

struct CompactToken {
  std::string_view header;
  std::string_view payload;
  std::string_view signature;
  std::string_view signing_input;  // "header.payload", what the signature covers
};

std::optional<CompactToken> SplitCompact(std::string_view token) {
  const size_t first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  CompactToken parts;
  parts.header = token.substr(0, first);
  parts.payload = token.substr(first + 1, second - first - 1);
  parts.signature = token.substr(second + 1);
  parts.signing_input = token.substr(0, second);
  if (parts.header.empty() || parts.payload.empty()) return std::nullopt;
  return parts;
}

bool AudienceMatches(const JsonObject& claims, const std::string& audience) {
  if (std::optional<std::string> single = claims.String("aud")) return *single == audience;
  std::optional<std::vector<std::string>> many = claims.StringArray("aud");
  return many && std::find(many->begin(), many->end(), audience) != many->end();
}

}  // namespace

TokenVerifier::TokenVerifier(VerifierConfig config, std::unique_ptr<internal::VerificationKey> key)
    : config_(std::move(config)), key_(std::move(key)) {}

TokenVerifier::~TokenVerifier() = default;

absl::StatusOr<std::unique_ptr<TokenVerifier>> TokenVerifier::Create(VerifierConfig config) {
  if (config.issuer.empty()) return absl::InvalidArgumentError("verifier needs an issuer");
  if (config.audience.empty()) return absl::InvalidArgumentError("verifier needs an audience");
  if (config.leeway < absl::ZeroDuration()) return absl::InvalidArgumentError("leeway must not be negative");
  const bool has_secret = !config.hs256_secret.empty();
  const bool has_public_key = !config.public_key_pem.empty();
  if (has_secret == has_public_key) {
    return absl::InvalidArgumentError("set exactly one of hs256_secret and public_key_pem");
  }
  absl::StatusOr<std::unique_ptr<internal::VerificationKey>> key =
      has_secret ? internal::VerificationKey::FromSecret(config.hs256_secret)
                 : internal::VerificationKey::FromPublicKeyPem(config.public_key_pem);
  if (!key.ok()) return key.status();
  // The key holds its own copy; keep no second copy of the secret around.
  OPENSSL_cleanse(config.hs256_secret.data(), config.hs256_secret.size());
  config.hs256_secret.clear();
  return std::unique_ptr<TokenVerifier>(new TokenVerifier(std::move(config), *std::move(key)));
}

absl::StatusOr<Principal> TokenVerifier::Verify(std::string_view token, absl::Time now) const {
  if (token.empty() || token.size() > kMaxTokenBytes) return Reject("malformed token");
  std::optional<CompactToken> parts = SplitCompact(token);
  if (!parts) return Reject("malformed token");

  // Encoding first: every segment must be canonical base64url before any
  // crypto runs. The claims JSON is parsed only once the signature holds.
  std::optional<std::string> header_json = internal::Base64UrlDecode(parts->header);
  std::optional<std::string> claims_json = internal::Base64UrlDecode(parts->payload);
  std::optional<std::string> signature = internal::Base64UrlDecode(parts->signature);
  if (!header_json || !claims_json || !signature) return Reject("malformed token");

  // The algorithm is the configured key's; the header may only agree with it.
  std::unique_ptr<JsonObject> header = JsonObject::Parse(*header_json);
  if (header == nullptr) return Reject("malformed token");
  std::optional<std::string> alg = header->String("alg");
  if (!alg) return Reject("malformed token");
  if (*alg != internal::AlgorithmName(key_->algorithm())) return Reject("algorithm not allowed");
  // RFC 7515 §4.1.11: extensions we do not implement must not be ignored.
  if (header->Has("crit")) return Reject("unsupported critical header");

  if (!key_->Verify(parts->signing_input, *signature)) return Reject("bad signature");

  std::unique_ptr<JsonObject> claims = JsonObject::Parse(*claims_json);
  if (claims == nullptr) return Reject("malformed token");

  if (claims->String("iss") != config_.issuer) return Reject("wrong issuer");
  if (!AudienceMatches(*claims, config_.audience)) return Reject("wrong audience");

  if (!claims->Has("exp")) return Reject("missing expiry");
  std::optional<absl::Time> expires = claims->NumericDate("exp");
  if (!expires) return Reject("malformed token");
  if (now >= *expires + config_.leeway) return Reject("token expired");
  if (claims->Has("nbf")) {
    std::optional<absl::Time> not_before = claims->NumericDate("nbf");
    if (!not_before) return Reject("malformed token");
    if (now + config_.leeway < *not_before) return Reject("token not yet valid");
  }
  if (claims->Has("iat")) {
    std::optional<absl::Time> issued_at = claims->NumericDate("iat");
    if (!issued_at) return Reject("malformed token");
    if (*issued_at > now + config_.leeway) return Reject("token issued in the future");
  }

  Principal principal;
  std::optional<std::string> subject = claims->String("sub");
  if (!subject || subject->empty()) return Reject("missing subject");
  principal.subject = *std::move(subject);
  if (claims->Has("roles")) {
    std::optional<std::vector<std::string>> roles = claims->StringArray("roles");
    if (!roles) return Reject("malformed roles claim");
    principal.roles = *std::move(roles);
  }
  if (claims->Has("unit")) {
    std::optional<std::string> unit = claims->String("unit");
    if (!unit || !internal::IsValidUnitClaim(*unit)) return Reject("malformed unit claim");
    principal.unit = *std::move(unit);
  }
  principal.expires = *expires;
  return principal;
}

}  // namespace huinong::auth
