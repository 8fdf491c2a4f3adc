// See capability_cache.h.
#include "svc-org/src/domain/capability_cache.h"

#include <utility>

namespace huinong::org {

CapabilityCache::CapabilityCache(absl::Duration ttl, size_t max_entries, Clock clock)
    : grants_(ttl, max_entries, clock), unit_paths_(ttl, max_entries, clock) {}

std::shared_ptr<const StaffGrants> CapabilityCache::FindGrants(const std::string& staff_id) const {
  return grants_.Find(staff_id).value_or(nullptr);
}

void CapabilityCache::StoreGrants(const std::string& staff_id, std::shared_ptr<const StaffGrants> grants,
                                  Generation generation) {
  grants_.Put(staff_id, std::move(grants), generation.grants);
}

std::optional<std::string> CapabilityCache::FindUnitPath(const std::string& unit_id) const {
  return unit_paths_.Find(unit_id);
}

void CapabilityCache::StoreUnitPath(const std::string& unit_id, const std::string& path, Generation generation) {
  unit_paths_.Put(unit_id, path, generation.unit_paths);
}

void CapabilityCache::InvalidateAll() {
  grants_.InvalidateAll();
  unit_paths_.InvalidateAll();
}

}  // namespace huinong::org
