#include "bench/bench_token.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/auth/token.h"

namespace huinong::bench {

absl::StatusOr<std::string> BearerFor(const Config& config, const std::string& subject,
                                      const std::vector<std::string>& roles, const std::string& unit) {
  const std::string secret_file = config.String("jwt_hs256_secret_file");
  if (secret_file.empty()) {
    const std::string token = config.String("token");
    if (!unit.empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "a token for ", subject, " needs HUINONG_JWT_HS256_SECRET_FILE (source .run/env)"));
    }
    if (token.empty()) {
      return absl::FailedPreconditionError(
          "no credentials: set HUINONG_JWT_HS256_SECRET_FILE or HUINONG_TOKEN (source .run/env)");
    }
    return absl::StrCat("Bearer ", token);
  }
  absl::StatusOr<std::string> secret = ReadSecretFile(secret_file);
  if (!secret.ok()) return secret.status();
  auth::Claims claims;
  claims.subject = subject;
  claims.roles = roles;
  claims.unit = unit;
  claims.issuer = config.String("jwt_issuer", "huinong-local");
  claims.audience = config.String("jwt_audience", "huinong");
  absl::StatusOr<std::string> token = auth::MintHs256(claims, *secret, absl::Now());
  if (!token.ok()) return token.status();
  return absl::StrCat("Bearer ", *token);
}

absl::StatusOr<std::string> AdminBearer(const Config& config) {
  return BearerFor(config, "bench", {"admin"});
}

}  // namespace huinong::bench
