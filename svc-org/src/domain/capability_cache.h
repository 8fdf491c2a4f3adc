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
// as the data. Memory is bounded by `max_entries` per map (common/core/ttl_cache.h).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/core/ttl_cache.h"
#include "svc-org/src/domain/capability.h"

namespace huinong::org {

class CapabilityCache {
 public:
  using Clock = TtlCache<std::string>::Clock;
  // Read before loading from the database; pass to the Store calls after.
  struct Generation {
    TtlCache<std::shared_ptr<const StaffGrants>>::Ticket grants;
    TtlCache<std::string>::Ticket unit_paths;
  };

  CapabilityCache(absl::Duration ttl, size_t max_entries, Clock clock = absl::Now);

  absl::Duration ttl() const { return grants_.ttl(); }

  Generation CurrentGeneration() const { return {grants_.Take(), unit_paths_.Take()}; }

  std::shared_ptr<const StaffGrants> FindGrants(const std::string& staff_id) const;
  void StoreGrants(const std::string& staff_id, std::shared_ptr<const StaffGrants> grants, Generation generation);

  std::optional<std::string> FindUnitPath(const std::string& unit_id) const;
  void StoreUnitPath(const std::string& unit_id, const std::string& path, Generation generation);

  // After a committed change to one person's assignments or status.
  void InvalidateStaff(const std::string& staff_id) { grants_.Invalidate(staff_id); }
  // After a committed change to posts (their terms reach every holder).
  void InvalidateAll();

 private:
  TtlCache<std::shared_ptr<const StaffGrants>> grants_;
  TtlCache<std::string> unit_paths_;
};

}  // namespace huinong::org
