// Base64url (RFC 4648 §5, unpadded) as JWS compact serialization requires.
// Decoding is strict: only the url-safe alphabet, no padding, no whitespace, and
// the encoding must be canonical, so one token has exactly one spelling (no
// signature malleability through unused trailing bits).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace huinong::auth::internal {

std::string Base64UrlEncode(std::string_view bytes);

// nullopt for anything that is not the canonical unpadded encoding of some bytes.
std::optional<std::string> Base64UrlDecode(std::string_view text);

}  // namespace huinong::auth::internal
