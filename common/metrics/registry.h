// Huinong's metrics registry: a thin typed facade over prometheus-cpp
// (libprometheus-cpp-core). Counters, gauges and histograms live in
// prometheus-cpp families; prometheus-cpp's TextSerializer writes the
// exposition and its Exposer (common/metrics/endpoint.h) serves it.
//
// Why a facade rather than prometheus-cpp's API in every caller:
//  - Cost per call. prometheus::Family::Add builds a std::map of labels and
//    takes the family's exclusive mutex on every lookup. Family::WithLabels
//    here finds an existing series under a reader lock without allocating
//    (the same cost as the hand-written registry it replaces), so callers that
//    look a series up per call (the db pool) pay no more than before; hot paths
//    that cache the returned reference pay only the update itself.
//  - Scrape-time collectors (AddCollector), which prometheus-cpp lacks: they
//    run before every Render() and every scrape, one scrape at a time.
//  - Deterministic output (families by name, series by labels) and misuse
//    that aborts with the metric's name instead of throwing from a handler.
//  - Callers (interceptors, db pool, outbox relay, services) keep one small
//    API: AddCounter/AddGauge/AddHistogram, WithLabels(...).Inc/Set/Observe.
//
// Guarantees:
//  - Counter::Inc and Gauge::* on a held reference are lock-free (an atomic
//    compare-and-swap inside prometheus-cpp). Histogram::Observe takes the
//    series' own uncontended mutex (prometheus-cpp 1.0 keeps buckets, sum and
//    count consistent that way); no registry or family lock is taken.
//    docs/performance.md ("Metrics cost per call") has the measured cost.
//  - Family::WithLabels takes a reader lock to find an existing series and a
//    writer lock only to create one. Returned references live as long as the
//    registry (series are never removed), so hot paths look them up once.
//  - Render() output is deterministic — families sorted by name, series by
//    label values — and clean under `promtool check metrics`. Label pairs are
//    written in label-name order (prometheus-cpp keeps labels in a std::map).
//  - Misuse that is a programming error (invalid metric or label name, wrong
//    number of label values, re-registering a name with a different shape)
//    aborts with a message naming the metric.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <prometheus/collectable.h>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace huinong::metrics {

// A monotonically increasing value (requests handled, bytes sent, ...).
class Counter {
 public:
  using Native = prometheus::Counter;
  explicit Counter(Native& native) : native_(&native) {}

  // Negative increments are ignored: a Prometheus counter never goes down.
  void Inc(double v = 1.0) { native_->Increment(v); }
  double Value() const { return native_->Value(); }

 private:
  Native* native_;
};

// A value that goes up and down (queue length, open tickets, ...).
class Gauge {
 public:
  using Native = prometheus::Gauge;
  explicit Gauge(Native& native) : native_(&native) {}

  void Set(double v) { native_->Set(v); }
  void Inc(double v = 1.0) { native_->Increment(v); }
  void Dec(double v = 1.0) { native_->Decrement(v); }
  double Value() const { return native_->Value(); }

 private:
  Native* native_;
};

// Observations counted into buckets with the family's upper bounds plus an
// implicit +Inf bucket, rendered cumulatively as _bucket{le=...} with _sum and
// _count.
class Histogram {
 public:
  using Native = prometheus::Histogram;
  explicit Histogram(Native& native) : native_(&native) {}

  // NaN is counted in the +Inf bucket, as the Go client does (prometheus-cpp
  // alone would count it in the lowest bucket); the sum then becomes +Inf.
  void Observe(double v) {
    native_->Observe(std::isnan(v) ? std::numeric_limits<double>::infinity() : v);
  }

  // A consistent snapshot, for tests and tools; not meant for hot paths.
  uint64_t Count() const;
  double Sum() const;

 private:
  Native* native_;
};

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

class FamilyBase {
 public:
  explicit FamilyBase(Shape shape) : shape_(std::move(shape)) {}
  virtual ~FamilyBase() = default;
  FamilyBase(const FamilyBase&) = delete;
  FamilyBase& operator=(const FamilyBase&) = delete;

  const Shape& shape() const { return shape_; }

 protected:
  void CheckLabelCount(size_t got) const;

  const Shape shape_;
};

}  // namespace internal

// All series of one metric name, one cell per distinct label-value tuple.
template <class Cell>
class Family final : public internal::FamilyBase {
 public:
  using Native = prometheus::Family<typename Cell::Native>;

  // Returns the cell for these label values (same order as the family's label
  // names), creating it on first use. The reference stays valid for the
  // registry's lifetime.
  Cell& WithLabels(const std::vector<std::string>& values) { return GetOrCreate(values); }
  Cell& WithLabels(std::initializer_list<std::string_view> values) { return GetOrCreate(values); }

  // Families are made by Registry::Add*.
  Family(internal::Shape shape, Native& native) : FamilyBase(std::move(shape)), native_(native) {}

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

  Native& native_;
  absl::Mutex mu_;
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
  std::map<std::string, std::unique_ptr<internal::FamilyBase>, std::less<>> families_
      ABSL_GUARDED_BY(mu_);
};

// Seconds; fits gRPC handlers and queries from sub-millisecond to a timeout:
// 0.0005, 0.001, 0.0025, 0.005, ... 2.5, 5, 10.
std::vector<double> LatencyBuckets();

// Defined in process_metrics.cc (declared here too so that including the
// registry is enough). See common/metrics/process_metrics.h.
void AddProcessMetrics(Registry& registry);

}  // namespace huinong::metrics
