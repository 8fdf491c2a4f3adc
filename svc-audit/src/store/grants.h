// The runtime account's privileges, which make the chain append-only at the
// database: SELECT and INSERT on `events` (no UPDATE, no DELETE), UPDATE only
// on the one-row chain head. The schema is created by a separate migrator
// account (scripts/up.sh; a Kubernetes migration Job) before these grants are
// applied; `svc-audit --print-grants` prints them so that setup and tests use
// the very same statements.
#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace huinong::audit {

// One GRANT per table and host ('localhost' and '127.0.0.1').
std::vector<std::string> RuntimeGrants(absl::string_view database, absl::string_view user);

}  // namespace huinong::audit
