// Histogram collection; see cells.h.
#include "common/metrics/cells.h"

namespace huinong::metrics {

uint64_t Histogram::Count() const {
  uint64_t count = 0;
  for (size_t i = 0; i <= bounds_.size(); ++i) count += counts_[i].load(std::memory_order_relaxed);
  return count;
}

void Histogram::CollectInto(prometheus::ClientMetric& metric) const {
  prometheus::ClientMetric::Histogram& out = metric.histogram;
  out.bucket.reserve(bounds_.size() + 1);
  uint64_t cumulative = 0;
  for (size_t i = 0; i <= bounds_.size(); ++i) {
    cumulative += counts_[i].load(std::memory_order_relaxed);
    out.bucket.push_back({cumulative, i < bounds_.size() ? bounds_[i]
                                                         : std::numeric_limits<double>::infinity()});
  }
  out.sample_count = cumulative;  // equal to the +Inf bucket by construction
  out.sample_sum = Sum();
}

}  // namespace huinong::metrics
