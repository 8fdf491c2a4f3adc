// Real tokens for the load generator: minted with the suite's HS256 secret
// (jwt_hs256_secret_file, from .run/env) with a fixed subject, so setup steps
// with fixed request ids replay identically from run to run; or, without the
// secret, the token given in HUINONG_TOKEN (--token).
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/core/config.h"

namespace huinong::bench {

// "Bearer ..." for `subject` with `roles`, acting for `unit` ("units/{id}",
// or empty for none), valid for 12 hours. A unit needs the secret: the
// fallback HUINONG_TOKEN acts for no unit.
absl::StatusOr<std::string> BearerFor(const Config& config, const std::string& subject,
                                      const std::vector<std::string>& roles, const std::string& unit = "");

// The administrator the scenarios act as (subject "bench", role admin).
absl::StatusOr<std::string> AdminBearer(const Config& config);

}  // namespace huinong::bench
