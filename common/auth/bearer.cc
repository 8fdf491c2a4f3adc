// Extracts the token from an `authorization: Bearer <token>` value (RFC 6750).
// The scheme is case-insensitive; the token must be one non-empty word.
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "common/auth/token.h"

namespace huinong::auth {
namespace {

constexpr std::string_view kScheme = "bearer";

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

}  // namespace

absl::StatusOr<std::string_view> BearerToken(std::string_view authorization_header) {
  std::string_view rest = authorization_header;
  while (!rest.empty() && IsSpace(rest.front())) rest.remove_prefix(1);
  while (!rest.empty() && IsSpace(rest.back())) rest.remove_suffix(1);

  if (rest.size() <= kScheme.size() ||
      !absl::EqualsIgnoreCase(absl::string_view(rest.data(), kScheme.size()),
                              absl::string_view(kScheme.data(), kScheme.size())) ||
      !IsSpace(rest[kScheme.size()])) {
    return absl::UnauthenticatedError("authorization must be 'Bearer <token>'");
  }
  rest.remove_prefix(kScheme.size());
  while (!rest.empty() && IsSpace(rest.front())) rest.remove_prefix(1);

  if (rest.empty()) return absl::UnauthenticatedError("missing bearer token");
  for (char c : rest) {
    if (IsSpace(c)) return absl::UnauthenticatedError("authorization must be 'Bearer <token>'");
  }
  return rest;
}

}  // namespace huinong::auth
