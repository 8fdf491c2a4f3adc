// The caller a verified token speaks for: who (sub), in which roles, acting for
// which org unit, and until when. Only TokenVerifier produces one from a token;
// everything downstream (role checks, data scope) reads it and trusts it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"

namespace huinong::auth {

struct Principal {
  std::string subject;             // "sub": staff id or service account name
  std::vector<std::string> roles;  // "roles": JSON array of strings
  std::string unit;                // "unit": "units/{id}" the caller acts for; may be empty for admin/service
  absl::Time expires;

  bool HasRole(std::string_view role) const;
  bool IsAdmin() const;    // HasRole("admin")
  bool IsService() const;  // HasRole("service")
};

}  // namespace huinong::auth
