// See service_token.h.
#include "common/outbox/service_token.h"

#include <memory>

#include "absl/strings/ascii.h"
#include "absl/synchronization/mutex.h"
#include "common/core/status_macros.h"

namespace huinong::outbox {
namespace {

struct MintedCache {
  auth::Claims claims;
  std::string secret;
  absl::Duration refresh_before;
  std::function<absl::Time()> clock;
  absl::Mutex mu;
  std::string token ABSL_GUARDED_BY(mu);
  absl::Time expires ABSL_GUARDED_BY(mu) = absl::InfinitePast();

  absl::StatusOr<std::string> Get() {
    absl::MutexLock lock(&mu);
    const absl::Time now = clock();
    if (token.empty() || now >= expires - refresh_before) {
      ASSIGN_OR_RETURN(std::string fresh, auth::MintHs256(claims, secret, now));
      token = std::move(fresh);
      expires = now + claims.ttl;
    }
    return token;
  }
};

}  // namespace

TokenSource FileTokenSource(std::string path) {
  return [path = std::move(path)]() -> absl::StatusOr<std::string> {
    ASSIGN_OR_RETURN(std::string token, ReadSecretFile(path));
    absl::StripAsciiWhitespace(&token);
    if (token.empty()) return absl::FailedPreconditionError("audit token file " + path + " is empty");
    return token;
  };
}

TokenSource MintingTokenSource(auth::Claims claims, std::string secret, absl::Duration refresh_before,
                               std::function<absl::Time()> clock) {
  auto cache = std::make_shared<MintedCache>();
  cache->claims = std::move(claims);
  cache->secret = std::move(secret);
  cache->refresh_before = refresh_before;
  cache->clock = std::move(clock);
  return [cache] { return cache->Get(); };
}

absl::StatusOr<TokenSource> ServiceTokenSource(const Config& config, const std::string& service_name) {
  const std::string token_file = config.String("service_token_file");
  if (!token_file.empty()) return FileTokenSource(token_file);
  const std::string secret_file = config.String("jwt_hs256_secret_file");
  if (secret_file.empty()) {
    return absl::FailedPreconditionError(
        "the outbox relay needs a service token: set service_token_file (or jwt_hs256_secret_file "
        "in development)");
  }
  ASSIGN_OR_RETURN(std::string secret, ReadSecretFile(secret_file));
  auth::Claims claims;
  claims.subject = service_name;
  claims.roles = {"service"};
  claims.issuer = config.String("jwt_issuer", "huinong-local");
  claims.audience = config.String("jwt_audience", "huinong");
  claims.ttl = absl::Hours(1);
  // Mint once now, so a bad secret fails the start-up rather than every batch.
  TokenSource source = MintingTokenSource(std::move(claims), std::move(secret));
  RETURN_IF_ERROR(source().status());
  return source;
}

}  // namespace huinong::outbox
