// Role checks on a verified caller. Role names compare exactly (case matters),
// so "Admin" in a token grants nothing.
#include "common/auth/principal.h"

#include <algorithm>

namespace huinong::auth {

bool Principal::HasRole(std::string_view role) const {
  return std::any_of(roles.begin(), roles.end(),
                     [role](const std::string& held) { return held == role; });
}

bool Principal::IsAdmin() const { return HasRole("admin"); }

bool Principal::IsService() const { return HasRole("service"); }

}  // namespace huinong::auth
