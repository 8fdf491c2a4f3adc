// Standard process_* metrics (the names the Go and Java clients export, so
// stock dashboards work), read from /proc/self at every collection by a
// prometheus-cpp Collectable.
#pragma once

#include <vector>

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "common/metrics/registry.h"

namespace huinong::metrics {

// Collects process_resident_memory_bytes, process_virtual_memory_bytes,
// process_cpu_seconds_total, process_open_fds and process_start_time_seconds.
// If /proc cannot be read a value keeps its last reading (0 before the
// first); a scrape never fails because of it. Safe to collect from any thread.
class ProcessMetrics final : public prometheus::Collectable {
 public:
  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  struct Reading {
    double resident_bytes = 0;
    double virtual_bytes = 0;
    double cpu_seconds = 0;
    double open_fds = 0;
    double start_time_seconds = 0;
  };
  mutable absl::Mutex mu_;
  mutable Reading last_ ABSL_GUARDED_BY(mu_);
};

// Adds a ProcessMetrics collectable to `registry`.
void AddProcessMetrics(Registry& registry);

}  // namespace huinong::metrics
