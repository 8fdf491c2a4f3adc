// The bearer token a service's outbox relay presents to svc-audit: its own
// service account, whose subject svc-audit compares with each event's
// `service` (SERVICE_MISMATCH otherwise).
//
// Guarantees: a file source re-reads its file at every call, so a rotated
// token (a re-mounted Kubernetes secret) is picked up without a restart; a
// minting source signs one token, hands it out until 5 minutes before it
// expires, then signs a new one; both are safe to call from any thread and
// never put the token or the secret in an error message.
#pragma once

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/auth/token.h"
#include "common/core/config.h"
#include "common/outbox/relay.h"

namespace huinong::outbox {

// Reads the token from `path` (one trailing newline trimmed) at each call.
TokenSource FileTokenSource(std::string path);

// Mints HS256 tokens for `claims` with `secret`, re-minting when the cached
// one has less than `refresh_before` left. `clock` is for tests.
TokenSource MintingTokenSource(auth::Claims claims, std::string secret,
                               absl::Duration refresh_before = absl::Minutes(5),
                               std::function<absl::Time()> clock = absl::Now);

// From service configuration: `service_token_file` when set; otherwise tokens
// minted with `jwt_hs256_secret_file` for subject `service_name`, role
// "service", issuer `jwt_issuer` and audience `jwt_audience` (both default
// "huinong", as the verifier's), valid 1 h. FAILED_PRECONDITION when neither
// is configured (a production deployment with public-key verification must
// mount a token file); errors reading the secret file are returned as is.
absl::StatusOr<TokenSource> ServiceTokenSource(const Config& config, const std::string& service_name);

}  // namespace huinong::outbox
