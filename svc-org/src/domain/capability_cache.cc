// See capability_cache.h.
#include "svc-org/src/domain/capability_cache.h"

#include <utility>

namespace huinong::org {

CapabilityCache::CapabilityCache(absl::Duration ttl, size_t max_entries, Clock clock)
    : ttl_(ttl), max_entries_(max_entries), clock_(std::move(clock)) {}

uint64_t CapabilityCache::Generation() const {
  absl::MutexLock lock(&mu_);
  return generation_;
}

template <class V>
void CapabilityCache::Put(absl::flat_hash_map<std::string, Entry<V>>& map, const std::string& key,
                          V value, absl::Time now) {
  if (map.size() >= max_entries_ && !map.contains(key)) {
    absl::erase_if(map, [&](const auto& kv) { return kv.second.expires <= now; });
    if (map.size() >= max_entries_) map.clear();
  }
  map[key] = Entry<V>{std::move(value), now + ttl_};
}

std::shared_ptr<const StaffGrants> CapabilityCache::FindGrants(const std::string& staff_id) {
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  auto it = grants_.find(staff_id);
  if (it == grants_.end() || it->second.expires <= now) return nullptr;
  return it->second.value;
}

void CapabilityCache::StoreGrants(const std::string& staff_id,
                                  std::shared_ptr<const StaffGrants> grants, uint64_t generation) {
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  if (generation != generation_) return;  // invalidated while it was loading
  Put(grants_, staff_id, std::move(grants), now);
}

std::optional<std::string> CapabilityCache::FindUnitPath(const std::string& unit_id) {
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  auto it = unit_paths_.find(unit_id);
  if (it == unit_paths_.end() || it->second.expires <= now) return std::nullopt;
  return it->second.value;
}

void CapabilityCache::StoreUnitPath(const std::string& unit_id, const std::string& path,
                                    uint64_t generation) {
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  if (generation != generation_) return;
  Put(unit_paths_, unit_id, path, now);
}

void CapabilityCache::InvalidateStaff(const std::string& staff_id) {
  absl::MutexLock lock(&mu_);
  ++generation_;
  grants_.erase(staff_id);
}

void CapabilityCache::InvalidateAll() {
  absl::MutexLock lock(&mu_);
  ++generation_;
  grants_.clear();
  unit_paths_.clear();
}

}  // namespace huinong::org
