// Collection for a metrics::Registry; see exposition.h.
#include "common/metrics/exposition.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace huinong::metrics::internal {

void Exposition::AddCollector(std::function<void()> refresh) {
  absl::MutexLock lock(&mu_);
  collectors_.push_back(std::move(refresh));
}

void Exposition::AddCollectable(std::shared_ptr<prometheus::Collectable> collectable) {
  absl::MutexLock lock(&mu_);
  collectables_.push_back(std::move(collectable));
}

std::vector<prometheus::MetricFamily> Exposition::Collect() const {
  absl::MutexLock collect_lock(&collect_mu_);
  std::vector<std::function<void()>> collectors;
  {
    absl::MutexLock lock(&mu_);
    collectors = collectors_;
  }
  // Outside mu_: a collector may look up or even add families.
  for (const auto& refresh : collectors) refresh();
  // After the collectors, so that families they added are collected too.
  std::vector<std::shared_ptr<prometheus::Collectable>> collectables;
  {
    absl::MutexLock lock(&mu_);
    collectables = collectables_;
  }

  std::vector<prometheus::MetricFamily> out;
  for (const auto& collectable : collectables) {
    std::vector<prometheus::MetricFamily> more = collectable->Collect();
    std::move(more.begin(), more.end(), std::back_inserter(out));
  }
  std::sort(out.begin(), out.end(),
            [](const prometheus::MetricFamily& a, const prometheus::MetricFamily& b) {
              return a.name < b.name;
            });
  for (prometheus::MetricFamily& family : out) {
    // Label is ordered by (name, value); every series of a family has
    // the same names, so this orders series by their label values.
    std::sort(family.metric.begin(), family.metric.end(),
              [](const prometheus::ClientMetric& a, const prometheus::ClientMetric& b) {
                return a.label < b.label;
              });
  }
  return out;
}

}  // namespace huinong::metrics::internal
