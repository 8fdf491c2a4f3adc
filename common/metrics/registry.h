// Huinong's metrics registry: a thin typed facade over prometheus-cpp
// (libprometheus-cpp-core). Counters, gauges and histograms are the facade's
// own lock-free cells (common/metrics/cells.h); at scrape time each family
// hands prometheus-cpp its collected values, prometheus-cpp's TextSerializer
// writes the exposition and its Exposer (common/metrics/endpoint.h) serves it.
//
// Why a facade rather than prometheus-cpp's API in every caller:
//  - Cost per call. prometheus::Family::Add builds a std::map of labels and
//    takes the family's exclusive mutex on every lookup, and
//    prometheus::Histogram::Observe takes a per-series mutex. Family::WithLabels
//    here finds an existing series under a reader lock without allocating, and
//    every update on a cell is lock-free, so hot paths that cache the returned
//    reference pay a few atomic operations.
//  - Scrape-time collectors (AddCollector), which prometheus-cpp lacks: they
//    run before every Render() and every scrape, one scrape at a time.
//  - Deterministic output (families by name, series by labels) and misuse
//    that aborts with the metric's name instead of throwing from a handler.
//  - Callers (interceptors, db pool, outbox relay, services) keep one small
//    API: AddCounter/AddGauge/AddHistogram, WithLabels(...).Inc/Set/Observe.
//
// Guarantees:
//  - Counter, Gauge and Histogram updates on a held reference are lock-free
//    (relaxed atomics in the cell; cells.h says what a concurrent scrape
//    sees). docs/performance.md ("Metrics cost per call") has the measured
//    cost.
//  - Family::WithLabels takes a reader lock to find an existing series and a
//    writer lock only to create one. Returned references live as long as the
//    registry (series are never removed), so hot paths look them up once.
//  - Render() output is deterministic — families sorted by name, series by
//    label values — and clean under `promtool check metrics`. Label pairs are
//    written in label-name order, as prometheus-cpp's own families do. A
//    labelled family with no series yet is omitted.
//  - Misuse that is a programming error (invalid metric or label name, wrong
//    number of label values, re-registering a name with a different shape)
//    aborts with a message naming the metric.
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "common/metrics/cells.h"

namespace huinong::metrics {

enum class MetricType { kCounter, kGauge, kHistogram };

namespace internal {

class Exposition;

[[noreturn]] void Die(const std::string& message);

// Orders label-value tuples so a std::vector<std::string> key can be found
// with an initializer_list<string_view> without building a vector first.
struct LabelValuesLess {
  using is_transparent = void;
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    auto ai = a.begin();
    auto bi = b.begin();
    for (; ai != a.end() && bi != b.end(); ++ai, ++bi) {
      const int c = std::string_view(*ai).compare(std::string_view(*bi));
      if (c != 0) return c < 0;
    }
    return ai == a.end() && bi != b.end();
  }
};

// The shape of a family, which re-registration must match.
struct Shape {
  MetricType type;
  std::string name;
  std::vector<std::string> label_names;
  std::vector<double> bounds;  // histograms only

  bool operator==(const Shape&) const = default;
};

// A family is a prometheus-cpp Collectable: the registry's Exposition collects
// it with the process metrics and any other collectable.
class FamilyBase : public prometheus::Collectable {
 public:
  FamilyBase(Shape shape, std::string help) : shape_(std::move(shape)), help_(std::move(help)) {}
  FamilyBase(const FamilyBase&) = delete;
  FamilyBase& operator=(const FamilyBase&) = delete;

  const Shape& shape() const { return shape_; }

 protected:
  void CheckLabelCount(size_t got) const;

  const Shape shape_;
  const std::string help_;  // escaped for the exposition
};

}  // namespace internal

// All series of one metric name, one cell per distinct label-value tuple.
template <class Cell>
class Family final : public internal::FamilyBase {
 public:
  // Returns the cell for these label values (same order as the family's label
  // names), creating it on first use. The reference stays valid for the
  // registry's lifetime.
  Cell& WithLabels(const std::vector<std::string>& values) { return GetOrCreate(values); }
  Cell& WithLabels(std::initializer_list<std::string_view> values) { return GetOrCreate(values); }

  // Families are made by Registry::Add*; `help` is already escaped.
  Family(internal::Shape shape, std::string help) : FamilyBase(std::move(shape), std::move(help)) {}

  // One MetricFamily with every series, or nothing before the first series.
  std::vector<prometheus::MetricFamily> Collect() const override;

 private:
  template <class Values>
  Cell& GetOrCreate(const Values& values) {
    CheckLabelCount(values.size());
    {
      absl::ReaderMutexLock lock(&mu_);
      auto it = cells_.find(values);
      if (it != cells_.end()) return it->second;
    }
    return Create(std::vector<std::string>(values.begin(), values.end()));
  }
  Cell& Create(std::vector<std::string> values);

  mutable absl::Mutex mu_;
  // std::map: nodes never move (references stay valid).
  std::map<std::vector<std::string>, Cell, internal::LabelValuesLess> cells_ ABSL_GUARDED_BY(mu_);
};

using CounterFamily = Family<Counter>;
using GaugeFamily = Family<Gauge>;
using HistogramFamily = Family<Histogram>;

extern template class Family<Counter>;
extern template class Family<Gauge>;
extern template class Family<Histogram>;

class Registry {
 public:
  Registry();
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Adding a name that exists returns the existing family if type, label names
  // and buckets match; otherwise aborts (a programming error). A family without
  // labels starts with its single series at 0, so it is exported from the start.
  // Help text may hold any characters; it is escaped for the exposition.
  CounterFamily& AddCounter(std::string name, std::string help,
                            std::vector<std::string> label_names = {});
  GaugeFamily& AddGauge(std::string name, std::string help,
                        std::vector<std::string> label_names = {});
  // Bounds must be strictly increasing; a trailing +Inf is accepted and dropped
  // (the +Inf bucket is always present).
  HistogramFamily& AddHistogram(std::string name, std::string help,
                                std::vector<std::string> label_names,
                                std::vector<double> bucket_bounds);

  // Runs before each Render() and each scrape: code that computes gauges at
  // scrape time (e.g. a backlog size) registers here. Collectors run one
  // collection at a time, never concurrently with each other, and without any
  // registry lock held (so they may call WithLabels).
  void AddCollector(std::function<void()> refresh);
  // Families produced whole at collection time (e.g. process metrics). Their
  // names must not clash with the registry's families.
  void AddCollectable(std::shared_ptr<prometheus::Collectable> collectable);

  std::string Render();  // Prometheus text exposition format 0.0.4

  // What an Exposer serves: collectors run, then every family, sorted. The
  // pointer expires with the registry.
  std::weak_ptr<prometheus::Collectable> exposition() const;

 private:
  template <class Cell>
  Family<Cell>& Add(internal::Shape shape, std::string help);

  const std::shared_ptr<internal::Exposition> exposition_;
  absl::Mutex mu_;
  // Shared with the Exposition, which may be mid-scrape when the registry goes.
  std::map<std::string, std::shared_ptr<internal::FamilyBase>, std::less<>> families_
      ABSL_GUARDED_BY(mu_);
};

// Seconds; fits gRPC handlers and queries from sub-millisecond to a timeout:
// 0.0005, 0.001, 0.0025, 0.005, ... 2.5, 5, 10.
std::vector<double> LatencyBuckets();

// Defined in process_metrics.cc (declared here too so that including the
// registry is enough). See common/metrics/process_metrics.h.
void AddProcessMetrics(Registry& registry);

}  // namespace huinong::metrics
