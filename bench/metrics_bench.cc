// metrics_bench: the cost per call of updating a metric through
// common/metrics, next to a raw std::atomic baseline measured in the same run
// (docs/performance.md, "Metrics cost per call", explains the figures).
//
// Each case is what a hot path does: a cell looked up once and then updated
// (the interceptors, the outbox relay), or a cell looked up by its label values
// on every call (the db pool's per-transaction histogram). The threaded runs
// update one shared cell from every thread, the worst case for contention.
// Run: build/bin/metrics_bench [--benchmark_repetitions=5 ...]
#include <benchmark/benchmark.h>

#include <atomic>
#include <string>

#include "common/metrics/registry.h"

namespace huinong::metrics {
namespace {

// One process-wide registry, so threaded runs share the cells.
Registry& Shared() {
  static Registry* registry = [] {
    auto* r = new Registry;
    r->AddCounter("bench_calls_total", "Calls.", {"grpc_service", "grpc_method", "grpc_code"});
    r->AddHistogram("bench_seconds", "Latency.", {"kind", "outcome"}, LatencyBuckets());
    return r;
  }();
  return *registry;
}

std::atomic<double> raw_double{0.0};
std::atomic<uint64_t> raw_uint{0};

void BM_RawAtomicDoubleAdd(benchmark::State& state) {
  for (auto _ : state) raw_double.fetch_add(1.0, std::memory_order_relaxed);
}
BENCHMARK(BM_RawAtomicDoubleAdd)->ThreadRange(1, 2)->UseRealTime();

void BM_RawAtomicUintAdd(benchmark::State& state) {
  for (auto _ : state) raw_uint.fetch_add(1, std::memory_order_relaxed);
}
BENCHMARK(BM_RawAtomicUintAdd)->ThreadRange(1, 2)->UseRealTime();

void BM_CounterInc(benchmark::State& state) {
  Counter& cell = Shared()
                      .AddCounter("bench_calls_total", "Calls.",
                                  {"grpc_service", "grpc_method", "grpc_code"})
                      .WithLabels({"huinong.org.v1.UnitService", "GetUnit", "OK"});
  for (auto _ : state) cell.Inc();
}
BENCHMARK(BM_CounterInc)->ThreadRange(1, 2)->UseRealTime();

void BM_HistogramObserve(benchmark::State& state) {
  Histogram& cell = Shared()
                        .AddHistogram("bench_seconds", "Latency.", {"kind", "outcome"},
                                      LatencyBuckets())
                        .WithLabels({"read", "ok"});
  double v = 0.0;
  for (auto _ : state) {
    cell.Observe(v);
    v = v < 0.2 ? v + 0.0007 : 0.0;  // walks the lower buckets, as latencies do
  }
}
BENCHMARK(BM_HistogramObserve)->ThreadRange(1, 2)->UseRealTime();

void BM_CounterWithLabelsInc(benchmark::State& state) {
  CounterFamily& family = Shared().AddCounter("bench_calls_total", "Calls.",
                                              {"grpc_service", "grpc_method", "grpc_code"});
  for (auto _ : state) family.WithLabels({"huinong.org.v1.UnitService", "GetUnit", "OK"}).Inc();
}
BENCHMARK(BM_CounterWithLabelsInc)->ThreadRange(1, 2)->UseRealTime();

void BM_HistogramWithLabelsObserve(benchmark::State& state) {
  HistogramFamily& family =
      Shared().AddHistogram("bench_seconds", "Latency.", {"kind", "outcome"}, LatencyBuckets());
  for (auto _ : state) family.WithLabels({"read", "ok"}).Observe(0.003);
}
BENCHMARK(BM_HistogramWithLabelsObserve)->ThreadRange(1, 2)->UseRealTime();

// A scrape of a registry the size of a service's (about 40 methods).
void BM_Render(benchmark::State& state) {
  Registry registry;
  AddProcessMetrics(registry);
  CounterFamily& handled = registry.AddCounter("grpc_server_handled_total", "Handled.",
                                               {"grpc_service", "grpc_method", "grpc_code"});
  HistogramFamily& seconds = registry.AddHistogram(
      "grpc_server_handling_seconds", "Latency.", {"grpc_service", "grpc_method"},
      LatencyBuckets());
  for (int m = 0; m < 40; ++m) {
    const std::string method = "Method" + std::to_string(m);
    handled.WithLabels({"huinong.org.v1.UnitService", method, "OK"}).Inc(m);
    seconds.WithLabels({"huinong.org.v1.UnitService", method}).Observe(0.001 * m);
  }
  size_t bytes = 0;
  for (auto _ : state) bytes = registry.Render().size();
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Render)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace huinong::metrics

BENCHMARK_MAIN();
