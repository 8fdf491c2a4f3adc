// Resolves a caller's data scope: their roles plus the path of the unit they
// act for. Paths change only when a unit is moved, so they are cached for a
// few seconds (DESIGN: scope is decided from the org tree, cached with a
// short TTL); a replica may see a move up to `ttl` late.
#pragma once

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "common/db/pool.h"
#include "svc-org/src/domain/scope.h"

namespace huinong::org {

class CallerScopes {
 public:
  CallerScopes(db::DbPool& pool, absl::Duration ttl) : pool_(pool), ttl_(ttl) {}

  // PERMISSION_DENIED when a non-admin caller has no unit, or an unknown one.
  absl::StatusOr<CallerScope> For(const auth::Principal& caller);

 private:
  struct Entry {
    std::string path;
    absl::Time expires;
  };
  db::DbPool& pool_;
  absl::Duration ttl_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> paths_ ABSL_GUARDED_BY(mu_);
};

}  // namespace huinong::org
