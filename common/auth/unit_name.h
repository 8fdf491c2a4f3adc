// The one rule both minting and verifying apply to the "unit" claim: empty, or
// an org unit resource name "units/{id}" (id non-empty, one path segment).
#pragma once

#include <string_view>

namespace huinong::auth::internal {

inline bool IsValidUnitClaim(std::string_view unit) {
  constexpr std::string_view kPrefix = "units/";
  if (unit.empty()) return true;
  if (unit.size() <= kPrefix.size() || unit.substr(0, kPrefix.size()) != kPrefix) return false;
  for (char c : unit.substr(kPrefix.size())) {
    if (c == '/' || static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  }
  return true;
}

}  // namespace huinong::auth::internal
