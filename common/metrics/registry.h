// A small Prometheus metrics registry: counters, gauges and histograms grouped
// in labelled families, rendered in the text exposition format 0.0.4.
//
// Guarantees:
//  - Updating a cell you hold a reference to (Inc/Set/Observe) is lock-free:
//    relaxed atomics only, safe from any number of threads while Render() runs.
//  - Family::WithLabels takes a reader lock to find an existing series and a
//    writer lock only to create one. Returned references live as long as the
//    registry (series are never removed), so hot paths look them up once.
//  - Render() output is deterministic: families sorted by name, series sorted
//    by label values, and clean under `promtool check metrics`.
//  - Misuse that is a programming error (invalid metric or label name, wrong
//    number of label values, re-registering a name with a different shape)
//    aborts with a message naming the metric.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace huinong::metrics {

// A monotonically increasing value (requests handled, bytes sent, ...).
class Counter {
 public:
  // Negative increments are ignored: a Prometheus counter never goes down.
  void Inc(double v = 1.0) {
    if (v > 0) value_.fetch_add(v, std::memory_order_relaxed);
  }
  double Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0.0};
};

// A value that goes up and down (queue length, open tickets, ...).
class Gauge {
 public:
  void Set(double v) { value_.store(v, std::memory_order_relaxed); }
  void Inc(double v = 1.0) { value_.fetch_add(v, std::memory_order_relaxed); }
  void Dec(double v = 1.0) { value_.fetch_sub(v, std::memory_order_relaxed); }
  double Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0.0};
};

static_assert(std::atomic<double>::is_always_lock_free);
static_assert(std::atomic<uint64_t>::is_always_lock_free);

// Observations counted into buckets with upper bounds `bounds` (strictly
// increasing, finite) plus an implicit +Inf bucket. Rendered cumulatively as
// _bucket{le=...}, with _sum and _count.
class Histogram {
 public:
  explicit Histogram(std::vector<double> bounds);
  Histogram(const Histogram&) = delete;
  Histogram& operator=(const Histogram&) = delete;

  void Observe(double v);

  uint64_t Count() const;  // total observations (equals the +Inf bucket)
  double Sum() const { return sum_.load(std::memory_order_relaxed); }
  const std::vector<double>& bounds() const { return bounds_; }
  // Per-bucket (not cumulative) counts; the last entry is the +Inf bucket.
  std::vector<uint64_t> BucketCounts() const;

 private:
  const std::vector<double> bounds_;
  std::unique_ptr<std::atomic<uint64_t>[]> buckets_;  // bounds_.size() + 1
  std::atomic<double> sum_{0.0};
};

enum class MetricType { kCounter, kGauge, kHistogram };

namespace internal {

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

// What Registry needs to know about any family, whatever its cell type.
class FamilyBase {
 public:
  FamilyBase(MetricType type, std::string name, std::string help,
             std::vector<std::string> label_names, std::vector<double> bounds);
  virtual ~FamilyBase() = default;
  FamilyBase(const FamilyBase&) = delete;
  FamilyBase& operator=(const FamilyBase&) = delete;

  MetricType type() const { return type_; }
  const std::string& name() const { return name_; }
  const std::vector<std::string>& label_names() const { return label_names_; }
  const std::vector<double>& bounds() const { return bounds_; }

  // Appends HELP, TYPE and every series; nothing if the family has no series.
  virtual void RenderTo(std::string& out) const = 0;

 protected:
  void CheckLabelCount(size_t got) const;

  const MetricType type_;
  const std::string name_;
  const std::string help_;
  const std::vector<std::string> label_names_;
  const std::vector<double> bounds_;  // histograms only
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

  void RenderTo(std::string& out) const override;

  // Families are made by Registry::Add*; constructing one alone is only useful in tests.
  using FamilyBase::FamilyBase;

 private:

  template <class Values>
  Cell& GetOrCreate(const Values& values);

  mutable absl::Mutex mu_;
  // std::map: nodes never move (references stay valid) and iteration is sorted.
  std::map<std::vector<std::string>, Cell, internal::LabelValuesLess> cells_ ABSL_GUARDED_BY(mu_);
};

using CounterFamily = Family<Counter>;
using GaugeFamily = Family<Gauge>;
using HistogramFamily = Family<Histogram>;

template <class Cell>
template <class Values>
Cell& Family<Cell>::GetOrCreate(const Values& values) {
  CheckLabelCount(values.size());
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = cells_.find(values);
    if (it != cells_.end()) return it->second;
  }
  absl::MutexLock lock(&mu_);
  std::vector<std::string> key(values.begin(), values.end());
  // try_emplace returns the existing cell if another thread created it first.
  if constexpr (std::is_same_v<Cell, Histogram>) {
    return cells_.try_emplace(std::move(key), bounds_).first->second;
  } else {
    return cells_.try_emplace(std::move(key)).first->second;
  }
}

extern template class Family<Counter>;
extern template class Family<Gauge>;
extern template class Family<Histogram>;

class Registry {
 public:
  Registry() = default;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Adding a name that exists returns the existing family if type, label names
  // and buckets match; otherwise aborts (a programming error). A family without
  // labels starts with its single series at 0, so it is exported from the start.
  CounterFamily& AddCounter(std::string name, std::string help,
                            std::vector<std::string> label_names = {});
  GaugeFamily& AddGauge(std::string name, std::string help,
                        std::vector<std::string> label_names = {});
  // Bounds must be strictly increasing; a trailing +Inf is accepted and dropped
  // (the +Inf bucket is always present).
  HistogramFamily& AddHistogram(std::string name, std::string help,
                                std::vector<std::string> label_names,
                                std::vector<double> bucket_bounds);

  // Runs before each Render(): code that computes gauges at scrape time (e.g.
  // a backlog size) registers here. Collectors run one Render at a time, never
  // concurrently with each other, and without any registry lock held (so they
  // may call WithLabels).
  void AddCollector(std::function<void()> refresh);

  std::string Render();  // Prometheus text exposition format 0.0.4

 private:
  template <class Cell>
  Family<Cell>& Add(MetricType type, std::string name, std::string help,
                    std::vector<std::string> label_names, std::vector<double> bounds);

  absl::Mutex render_mu_ ABSL_ACQUIRED_BEFORE(mu_);  // one Render at a time
  absl::Mutex mu_;
  std::map<std::string, std::unique_ptr<internal::FamilyBase>, std::less<>> families_
      ABSL_GUARDED_BY(mu_);
  std::vector<std::function<void()>> collectors_ ABSL_GUARDED_BY(mu_);
};

// Seconds; fits gRPC handlers and queries from sub-millisecond to a timeout:
// 0.0005, 0.001, 0.0025, 0.005, ... 2.5, 5, 10.
std::vector<double> LatencyBuckets();

// Defined in process_metrics.cc (declared here too so that including the
// registry is enough). See common/metrics/process_metrics.h.
void AddProcessMetrics(Registry& registry);

}  // namespace huinong::metrics
