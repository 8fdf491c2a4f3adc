// The prometheus-cpp Collectable behind a metrics::Registry: it runs the
// scrape-time collectors before each collection, then collects the
// registry's families (each one a Collectable, kept alive here for a scrape
// that outlasts the registry) and the whole-family collectables (process
// metrics), and sorts what it returns. Both Registry::Render() and the
// Exposer (common/metrics/endpoint.h) read through Collect(), so a scrape and
// a test see the same thing.
//
// Guarantees: one Collect() at a time (collectors never run concurrently);
// collectors run with no lock held that WithLabels or Registry::Add* needs,
// and a family a collector adds is in the same collection; families come out
// sorted by name and series by their labels.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace huinong::metrics::internal {

class Exposition final : public prometheus::Collectable {
 public:
  void AddCollector(std::function<void()> refresh);
  // The registry's families and whole-family collectables alike.
  void AddCollectable(std::shared_ptr<prometheus::Collectable> collectable);

  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  mutable absl::Mutex collect_mu_ ABSL_ACQUIRED_BEFORE(mu_);  // one Collect at a time
  mutable absl::Mutex mu_;
  std::vector<std::function<void()>> collectors_ ABSL_GUARDED_BY(mu_);
  std::vector<std::shared_ptr<prometheus::Collectable>> collectables_ ABSL_GUARDED_BY(mu_);
};

}  // namespace huinong::metrics::internal
