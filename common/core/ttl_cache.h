// A bounded, thread-safe map whose entries expire `ttl` after they were
// stored: the one cache type for scopes, capabilities and anything else a
// replica may serve slightly stale.
//
// Guarantees:
// - Find never returns an entry whose load began more than `ttl` ago (by the
//   injected clock), so a change made through another replica is seen within
//   `ttl`, however long the load took;
// - a load that ran while Invalidate/InvalidateAll was called is not stored
//   (Put with the ticket taken before the load), so an old answer cannot
//   slip back in after a writer on this replica invalidated it;
// - at most `max_entries` entries: a full cache first drops its expired
//   entries, then the half that expires soonest; memory stays bounded
//   whatever keys callers ask for.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace huinong {

template <class V>
class TtlCache {
 public:
  using Clock = std::function<absl::Time()>;

  TtlCache(absl::Duration ttl, size_t max_entries, Clock clock = absl::Now)
      : ttl_(ttl), max_entries_(std::max<size_t>(max_entries, 1)), clock_(std::move(clock)) {}

  absl::Duration ttl() const { return ttl_; }

  std::optional<V> Find(const std::string& key) const {
    const absl::Time now = clock_();
    absl::MutexLock lock(&mu_);
    auto it = map_.find(key);
    if (it == map_.end() || it->second.expires <= now) return std::nullopt;
    return it->second.value;
  }

  // Taken before loading from the source of truth; passed to Put after.
  struct Ticket {
    uint64_t generation = 0;
    absl::Time taken;
  };
  Ticket Take() const {
    const absl::Time now = clock_();
    absl::MutexLock lock(&mu_);
    return {generation_, now};
  }

  // Stores `value`, expiring `ttl` after the ticket was taken, unless an
  // invalidation happened since.
  void Put(const std::string& key, V value, const Ticket& ticket) {
    const absl::Time now = clock_();
    absl::MutexLock lock(&mu_);
    if (ticket.generation != generation_) return;
    if (map_.size() >= max_entries_ && !map_.contains(key)) MakeRoom(now);
    map_.insert_or_assign(key, Entry{std::move(value), ticket.taken + ttl_});
  }

  // The cached value, or `load()`'s, stored for next time when it succeeds.
  absl::StatusOr<V> GetOrLoad(const std::string& key, const std::function<absl::StatusOr<V>()>& load) {
    if (std::optional<V> hit = Find(key)) return *std::move(hit);
    const Ticket ticket = Take();
    absl::StatusOr<V> loaded = load();
    if (loaded.ok()) Put(key, *loaded, ticket);
    return loaded;
  }

  void Invalidate(const std::string& key) {
    absl::MutexLock lock(&mu_);
    ++generation_;
    map_.erase(key);
  }

  void InvalidateAll() {
    absl::MutexLock lock(&mu_);
    ++generation_;
    map_.clear();
  }

  size_t size() const {
    absl::MutexLock lock(&mu_);
    return map_.size();
  }

 private:
  struct Entry {
    V value;
    absl::Time expires;
  };

  void MakeRoom(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    absl::erase_if(map_, [now](const auto& kv) { return kv.second.expires <= now; });
    if (map_.size() < max_entries_) return;
    std::vector<absl::Time> expiries;
    expiries.reserve(map_.size());
    for (const auto& [key, entry] : map_) expiries.push_back(entry.expires);
    auto middle = expiries.begin() + static_cast<std::ptrdiff_t>(expiries.size() / 2);
    std::nth_element(expiries.begin(), middle, expiries.end());
    const absl::Time cut = *middle;
    absl::erase_if(map_, [cut](const auto& kv) { return kv.second.expires <= cut; });
  }

  const absl::Duration ttl_;
  const size_t max_entries_;
  const Clock clock_;
  mutable absl::Mutex mu_;
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
  absl::flat_hash_map<std::string, Entry> map_ ABSL_GUARDED_BY(mu_);
};

}  // namespace huinong
