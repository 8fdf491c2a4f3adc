// `huinongctl token`: mints a development HS256 token from the local secret,
// with the same issuer/audience defaults as the services, so what it prints
// verifies against a suite started by scripts/up.sh. Prints only the token,
// so `export HUINONG_TOKEN=$(huinongctl token ...)` works. `demo load` mints
// the demo people's tokens the same way.
#include <iostream>

#include "absl/strings/str_cat.h"
#include "common/auth/token.h"
#include "common/core/config.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/args.h"
#include "tools/huinongctl/src/commands.h"

namespace huinong::ctl {

absl::StatusOr<std::string> MintFor(const Config& config, auth::Claims claims, absl::Time now) {
  claims.issuer = config.String("jwt_issuer", "huinong-local");
  claims.audience = config.String("jwt_audience", "huinong");
  const std::string secret_file = config.String("jwt_hs256_secret_file");
  if (secret_file.empty()) {
    return UsageError(
        "no signing secret: set HUINONG_JWT_HS256_SECRET_FILE (source .run/env) or pass "
        "--jwt-hs256-secret-file");
  }
  ASSIGN_OR_RETURN(const std::string secret, ReadSecretFile(secret_file));
  return auth::MintHs256(claims, secret, now);
}

absl::StatusOr<std::string> MintToken(const Invocation& inv, absl::Time now) {
  RETURN_IF_ERROR(CheckUsage(inv, {"sub", "roles", "unit", "ttl", "jwt_hs256_secret_file", "jwt_issuer", "jwt_audience"}, 0));
  auth::Claims claims;
  ASSIGN_OR_RETURN(claims.subject, RequiredFlag(inv, "sub"));
  ASSIGN_OR_RETURN(const std::string roles, RequiredFlag(inv, "roles"));
  claims.roles = SplitList(roles);
  if (claims.roles.empty()) return UsageError("--roles needs at least one role");
  claims.unit = inv.config.String("unit");
  absl::StatusOr<absl::Duration> ttl = inv.config.Duration("ttl", absl::Hours(12));
  if (!ttl.ok()) return AsUsageError(ttl.status());
  claims.ttl = *ttl;
  return MintFor(inv.config, std::move(claims), now);
}

absl::Status RunToken(const Invocation& inv) {
  ASSIGN_OR_RETURN(const std::string token, MintToken(inv, absl::Now()));
  std::cout << token << "\n";
  return absl::OkStatus();
}

}  // namespace huinong::ctl
