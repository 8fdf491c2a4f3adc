// The in-process cache behind CheckCapability, the hot path of every loan and
// ticket step: each person's grants (their assignments with their posts'
// dated terms and units) and the paths of the units asked about.
//
// Staleness bound:
// - a change made through this replica (posts, assignments, staff) is seen by
//   the next check after the change returns: the writer invalidates after its
//   commit, and a load that was running during an invalidation is not stored
//   (a generation counter), so an old answer cannot slip back in;
// - a change made through another replica, or a unit moved, is seen within
//   `ttl` (5 s in the service): nothing older than that is ever served.
// Entries judge any day, so the answer for dates past and future is as exact
// as the data. Memory is bounded by `max_entries` per map; a full map first
// drops its expired entries and then, if still full, everything.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "svc-org/src/domain/capability.h"

namespace huinong::org {

class CapabilityCache {
 public:
  using Clock = std::function<absl::Time()>;

  CapabilityCache(absl::Duration ttl, size_t max_entries, Clock clock = absl::Now);

  absl::Duration ttl() const { return ttl_; }

  // Read before loading from the database; pass to the Store call after.
  uint64_t Generation() const;

  std::shared_ptr<const StaffGrants> FindGrants(const std::string& staff_id);
  void StoreGrants(const std::string& staff_id, std::shared_ptr<const StaffGrants> grants,
                   uint64_t generation);

  std::optional<std::string> FindUnitPath(const std::string& unit_id);
  void StoreUnitPath(const std::string& unit_id, const std::string& path, uint64_t generation);

  // After a committed change to one person's assignments or status.
  void InvalidateStaff(const std::string& staff_id);
  // After a committed change to posts (their terms reach every holder).
  void InvalidateAll();

 private:
  template <class V>
  struct Entry {
    V value;
    absl::Time expires;
  };
  template <class V>
  void Put(absl::flat_hash_map<std::string, Entry<V>>& map, const std::string& key, V value,
           absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const absl::Duration ttl_;
  const size_t max_entries_;
  const Clock clock_;
  mutable absl::Mutex mu_;
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
  absl::flat_hash_map<std::string, Entry<std::shared_ptr<const StaffGrants>>> grants_
      ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, Entry<std::string>> unit_paths_ ABSL_GUARDED_BY(mu_);
};

}  // namespace huinong::org
