// The series cells of common/metrics: one counter, gauge or histogram value
// for one label-value tuple. The facade keeps these itself rather than
// prometheus-cpp's metric objects so that every update is lock-free — in
// prometheus-cpp 1.0.1 Histogram::Observe takes a per-series std::mutex — and
// hands prometheus-cpp only the collected values (a ClientMetric) at scrape
// time, where its TextSerializer writes them.
//
// Guarantees:
//  - Every update (Inc, Set, Dec, Observe) is a few relaxed atomic operations
//    on the cell itself, inline in the caller: no lock, no allocation.
//  - Values read while updates run are each exact at some instant. A
//    histogram's _count is always its +Inf bucket (both come from the bucket
//    counts); an observation racing a scrape may be in its bucket before it is
//    in _sum, and is in both by the next scrape.
//  - Semantics match prometheus-cpp's: negative counter increments are
//    ignored; an observation goes in the first bucket whose bound is >= the
//    value. NaN is counted in the +Inf bucket (as the Go client does) and
//    makes the sum +Inf.
#pragma once

#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include <prometheus/client_metric.h>
#include <prometheus/metric_type.h>

namespace huinong::metrics {

// A monotonically increasing value (requests handled, bytes sent, ...).
class Counter {
 public:
  static constexpr prometheus::MetricType kType = prometheus::MetricType::Counter;

  // Negative increments are ignored: a Prometheus counter never goes down.
  void Inc(double v = 1.0) {
    if (v < 0) return;
    value_.fetch_add(v, std::memory_order_relaxed);
  }
  double Value() const { return value_.load(std::memory_order_relaxed); }

  void CollectInto(prometheus::ClientMetric& metric) const { metric.counter.value = Value(); }

 private:
  std::atomic<double> value_{0.0};
};

// A value that goes up and down (queue length, open tickets, ...).
class Gauge {
 public:
  static constexpr prometheus::MetricType kType = prometheus::MetricType::Gauge;

  void Set(double v) { value_.store(v, std::memory_order_relaxed); }
  void Inc(double v = 1.0) { value_.fetch_add(v, std::memory_order_relaxed); }
  void Dec(double v = 1.0) { value_.fetch_sub(v, std::memory_order_relaxed); }
  double Value() const { return value_.load(std::memory_order_relaxed); }

  void CollectInto(prometheus::ClientMetric& metric) const { metric.gauge.value = Value(); }

 private:
  std::atomic<double> value_{0.0};
};

// Observations counted into buckets with the family's upper bounds plus an
// implicit +Inf bucket, rendered cumulatively as _bucket{le=...} with _sum and
// _count.
class Histogram {
 public:
  static constexpr prometheus::MetricType kType = prometheus::MetricType::Histogram;

  // `bounds` (finite, strictly increasing) must outlive the cell; the family
  // owns them.
  explicit Histogram(std::span<const double> bounds)
      : bounds_(bounds), counts_(std::make_unique<std::atomic<uint64_t>[]>(bounds.size() + 1)) {}

  void Observe(double v) {
    if (std::isnan(v)) v = std::numeric_limits<double>::infinity();
    // Linear: latencies land in the first few of a dozen bounds, and the scan
    // is what prometheus-cpp does too.
    size_t i = 0;
    while (i < bounds_.size() && v > bounds_[i]) ++i;
    counts_[i].fetch_add(1, std::memory_order_relaxed);
    sum_.fetch_add(v, std::memory_order_relaxed);
  }

  // For tests and tools; not meant for hot paths.
  uint64_t Count() const;
  double Sum() const { return sum_.load(std::memory_order_relaxed); }

  void CollectInto(prometheus::ClientMetric& metric) const;

 private:
  const std::span<const double> bounds_;
  // Per bucket, not cumulative; the last one is +Inf.
  const std::unique_ptr<std::atomic<uint64_t>[]> counts_;
  std::atomic<double> sum_{0.0};
};

}  // namespace huinong::metrics
