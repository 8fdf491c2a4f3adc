// Resolves a caller's data scope: their roles plus the path of the unit they
// act for. Paths change only when a unit is moved, so they are cached for a
// few seconds (DESIGN: scope is decided from the org tree, cached with a
// short TTL); a replica may see a move up to `ttl` late.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "common/core/ttl_cache.h"
#include "common/db/pool.h"
#include "svc-org/src/domain/scope.h"

namespace huinong::org {

class CallerScopes {
 public:
  CallerScopes(db::DbPool& pool, absl::Duration ttl, size_t max_entries = 100000)
      : pool_(pool), paths_(ttl, max_entries) {}

  // PERMISSION_DENIED when a non-admin caller has no unit, or an unknown one.
  absl::StatusOr<CallerScope> For(const auth::Principal& caller);

 private:
  db::DbPool& pool_;
  TtlCache<std::string> paths_;  // unit id -> path
};

}  // namespace huinong::org
