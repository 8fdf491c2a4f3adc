// Tests for the registry facade over prometheus-cpp: exact exposition text
// (names, labels, buckets, escaping), cell semantics, registration rules and
// concurrent updates while rendering.
#include "common/metrics/registry.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <limits>
#include <string>
#include <thread>
#include <vector>

namespace huinong::metrics {
namespace {

TEST(RegistryTest, RendersExactText) {
  Registry registry;
  CounterFamily& requests =
      registry.AddCounter("rpc_requests_total", "Requests handled.", {"method", "code"});
  requests.WithLabels({"Get", "OK"}).Inc(3);
  requests.WithLabels({"Create", "OK"}).Inc();
  requests.WithLabels({"Get", "NOT_FOUND"}).Inc(2);
  registry.AddGauge("queue_depth", "Items waiting.").WithLabels({}).Set(7.5);
  HistogramFamily& latency =
      registry.AddHistogram("rpc_seconds", "Handling time.", {"method"}, {0.25, 1});
  Histogram& get = latency.WithLabels({"Get"});
  get.Observe(0.125);
  get.Observe(0.25);  // on the bound: counted in le="0.25"
  get.Observe(0.5);
  get.Observe(3);

  // prometheus-cpp writes label pairs in name order, and _count and _sum
  // before the buckets; the facade sorts families and series.
  EXPECT_EQ(registry.Render(),
            "# HELP queue_depth Items waiting.\n"
            "# TYPE queue_depth gauge\n"
            "queue_depth 7.5\n"
            "# HELP rpc_requests_total Requests handled.\n"
            "# TYPE rpc_requests_total counter\n"
            "rpc_requests_total{code=\"NOT_FOUND\",method=\"Get\"} 2\n"
            "rpc_requests_total{code=\"OK\",method=\"Create\"} 1\n"
            "rpc_requests_total{code=\"OK\",method=\"Get\"} 3\n"
            "# HELP rpc_seconds Handling time.\n"
            "# TYPE rpc_seconds histogram\n"
            "rpc_seconds_count{method=\"Get\"} 4\n"
            "rpc_seconds_sum{method=\"Get\"} 3.875\n"
            "rpc_seconds_bucket{method=\"Get\",le=\"0.25\"} 2\n"
            "rpc_seconds_bucket{method=\"Get\",le=\"1\"} 3\n"
            "rpc_seconds_bucket{method=\"Get\",le=\"+Inf\"} 4\n");
}

TEST(RegistryTest, UnlabelledHistogramHasOnlyLeLabel) {
  Registry registry;
  registry.AddHistogram("pool_wait_seconds", "Wait.", {}, {1}).WithLabels({}).Observe(2);
  EXPECT_EQ(registry.Render(),
            "# HELP pool_wait_seconds Wait.\n"
            "# TYPE pool_wait_seconds histogram\n"
            "pool_wait_seconds_count 1\n"
            "pool_wait_seconds_sum 2\n"
            "pool_wait_seconds_bucket{le=\"1\"} 0\n"
            "pool_wait_seconds_bucket{le=\"+Inf\"} 1\n");
}

// Bucket bounds are the `le` label's value, so their spelling is part of a
// series' identity: these are the strings dashboards have been querying.
TEST(RegistryTest, BucketBoundsKeepTheirSpelling) {
  Registry registry;
  registry.AddHistogram("latency_seconds", "Latency.", {}, LatencyBuckets());
  registry.AddHistogram("acquire_seconds", "Acquire.", {},
                        {0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5});
  const std::string text = registry.Render();
  std::vector<std::string> spelled;
  for (size_t at = text.find("le=\""); at != std::string::npos; at = text.find("le=\"", at + 1)) {
    spelled.push_back(text.substr(at + 4, text.find('"', at + 4) - at - 4));
  }
  EXPECT_EQ(spelled, (std::vector<std::string>{
                         "0.0001", "0.0005", "0.001", "0.005", "0.01", "0.05", "0.1", "0.5", "1",
                         "5", "+Inf",  // acquire_seconds sorts first
                         "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
                         "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"}));
}

TEST(RegistryTest, EscapesLabelValuesAndHelp) {
  Registry registry;
  registry.AddGauge("escape_demo", "Path C:\\tmp\nsecond \"line\"", {"v"})
      .WithLabels({"say \"hi\"\\\n"})
      .Set(1);
  EXPECT_EQ(registry.Render(),
            "# HELP escape_demo Path C:\\\\tmp\\nsecond \"line\"\n"
            "# TYPE escape_demo gauge\n"
            "escape_demo{v=\"say \\\"hi\\\"\\\\\\n\"} 1\n");
}

TEST(RegistryTest, UnlabelledFamilyExportsZeroFromTheStart) {
  Registry registry;
  registry.AddCounter("started_total", "Starts.");
  EXPECT_EQ(registry.Render(),
            "# HELP started_total Starts.\n# TYPE started_total counter\nstarted_total 0\n");
}

TEST(RegistryTest, LabelledFamilyWithoutSeriesIsOmitted) {
  Registry registry;
  registry.AddCounter("errors_total", "Errors.", {"code"});
  EXPECT_EQ(registry.Render(), "");
}

TEST(RegistryTest, WithLabelsReturnsTheSameCellForBothForms) {
  Registry registry;
  GaugeFamily& family = registry.AddGauge("open_tickets", "Open.", {"priority", "sla"});
  Gauge& a = family.WithLabels({"P1", "breached"});
  const std::vector<std::string> values = {"P1", "breached"};
  Gauge& b = family.WithLabels(values);
  EXPECT_EQ(&a, &b);
  EXPECT_NE(&a, &family.WithLabels({"P1", "ok"}));
}

TEST(RegistryTest, AddingTheSameShapeTwiceReturnsTheExistingFamily) {
  Registry registry;
  CounterFamily& first = registry.AddCounter("handled_total", "Handled.", {"code"});
  first.WithLabels({"OK"}).Inc(5);
  CounterFamily& second = registry.AddCounter("handled_total", "Handled.", {"code"});
  EXPECT_EQ(&first, &second);
  EXPECT_EQ(second.WithLabels({"OK"}).Value(), 5);
  HistogramFamily& h1 = registry.AddHistogram("h_seconds", "H.", {}, {1, 2});
  // A trailing +Inf bound is the implicit bucket, so this is the same shape.
  HistogramFamily& h2 =
      registry.AddHistogram("h_seconds", "H.", {}, {1, 2, std::numeric_limits<double>::infinity()});
  EXPECT_EQ(&h1, &h2);
}

TEST(RegistryTest, CounterIgnoresNegativeIncrements) {
  Registry registry;
  Counter& counter = registry.AddCounter("c_total", "C.").WithLabels({});
  counter.Inc(2.5);
  counter.Inc(-1);
  counter.Inc();
  EXPECT_EQ(counter.Value(), 3.5);
}

TEST(RegistryTest, GaugeSetIncDec) {
  Registry registry;
  Gauge& gauge = registry.AddGauge("g", "G.").WithLabels({});
  gauge.Set(10);
  gauge.Inc();
  gauge.Inc(4);
  gauge.Dec(20);
  EXPECT_EQ(gauge.Value(), -5);
}

TEST(RegistryTest, HistogramBucketsAndNaN) {
  Registry registry;
  Histogram& histogram = registry.AddHistogram("h", "H.", {}, {1, 2, 4}).WithLabels({});
  for (double v : {0.0, 1.0, 1.5, 4.0, 4.5}) histogram.Observe(v);
  EXPECT_EQ(histogram.Count(), 5u);
  EXPECT_EQ(histogram.Sum(), 11);
  histogram.Observe(std::nan(""));  // counted in +Inf only, as the Go client does
  EXPECT_EQ(histogram.Count(), 6u);
  EXPECT_EQ(registry.Render(),
            "# HELP h H.\n# TYPE h histogram\nh_count 6\nh_sum +Inf\n"
            "h_bucket{le=\"1\"} 2\nh_bucket{le=\"2\"} 3\nh_bucket{le=\"4\"} 4\n"
            "h_bucket{le=\"+Inf\"} 6\n");
}

TEST(RegistryTest, CollectorRunsBeforeEachRender) {
  Registry registry;
  Gauge& backlog = registry.AddGauge("outbox_backlog", "Unsent events.").WithLabels({});
  int calls = 0;
  registry.AddCollector([&] { backlog.Set(++calls * 10); });
  EXPECT_NE(registry.Render().find("outbox_backlog 10\n"), std::string::npos);
  EXPECT_NE(registry.Render().find("outbox_backlog 20\n"), std::string::npos);
  EXPECT_EQ(calls, 2);
}

TEST(RegistryTest, LatencyBucketsSpanHalfAMillisecondToTenSeconds) {
  const std::vector<double> buckets = LatencyBuckets();
  ASSERT_GE(buckets.size(), 10u);
  EXPECT_EQ(buckets.front(), 0.0005);
  EXPECT_EQ(buckets.back(), 10);
  for (size_t i = 1; i < buckets.size(); ++i) EXPECT_LT(buckets[i - 1], buckets[i]);
}

TEST(RegistryTest, ConcurrentUpdatesSumExactlyWhileRendering) {
  Registry registry;
  Counter& shared = registry.AddCounter("shared_total", "Shared.").WithLabels({});
  CounterFamily& by_thread = registry.AddCounter("by_thread_total", "Per thread.", {"t"});
  HistogramFamily& latency = registry.AddHistogram("work_seconds", "Work.", {}, {0.5});
  constexpr int kThreads = 4;
  constexpr int kIterations = 200000;

  std::atomic<bool> done{false};
  std::thread renderer([&] {
    while (!done.load()) {
      const std::string text = registry.Render();
      ASSERT_NE(text.find("# TYPE shared_total counter"), std::string::npos);
    }
  });
  std::vector<std::thread> workers;
  for (int t = 0; t < kThreads; ++t) {
    workers.emplace_back([&, t] {
      Histogram& h = latency.WithLabels({});
      for (int i = 0; i < kIterations; ++i) {
        shared.Inc();
        // Lookups race with creation by the other threads on the same keys.
        by_thread.WithLabels({std::to_string(i % 8)}).Inc();
        h.Observe((i + t) % 2 == 0 ? 0.25 : 1.0);
      }
    });
  }
  for (auto& w : workers) w.join();
  done.store(true);
  renderer.join();

  EXPECT_EQ(shared.Value(), kThreads * kIterations);
  double by_thread_sum = 0;
  for (int k = 0; k < 8; ++k) by_thread_sum += by_thread.WithLabels({std::to_string(k)}).Value();
  EXPECT_EQ(by_thread_sum, kThreads * kIterations);
  Histogram& h = latency.WithLabels({});
  EXPECT_EQ(h.Count(), static_cast<uint64_t>(kThreads * kIterations));
  EXPECT_EQ(h.Sum(), kThreads * kIterations / 2 * 1.25);
  EXPECT_NE(registry.Render().find("work_seconds_bucket{le=\"0.5\"} " +
                                   std::to_string(kThreads * kIterations / 2) + "\n"),
            std::string::npos);
}

// The cells are lock-free, so a scrape may land between an observation's
// bucket increment and its sum update, but _count comes from the buckets and
// must always equal the +Inf bucket.
TEST(RegistryTest, ScrapeDuringObservationsHasCountEqualToInfBucket) {
  Registry registry;
  Histogram& h = registry.AddHistogram("busy_seconds", "Busy.", {}, {0.5}).WithLabels({});
  std::atomic<bool> done{false};
  auto observe = [&] {
    for (int i = 0; !done.load(); ++i) h.Observe(i % 3 == 0 ? 1.0 : 0.25);
  };
  std::thread observer1(observe);
  std::thread observer2(observe);
  // The rest of the line after `prefix`, or "missing".
  auto value_after = [](const std::string& text, const std::string& prefix) -> std::string {
    const size_t at = text.find(prefix);
    if (at == std::string::npos) return "missing";
    const size_t from = at + prefix.size();
    return text.substr(from, text.find('\n', from) - from);
  };
  int nonzero = 0;
  std::string mismatch;  // the first scrape whose _count and +Inf bucket differ
  for (int i = 0; i < 20000 && mismatch.empty(); ++i) {
    const std::string text = registry.Render();
    const std::string count = value_after(text, "busy_seconds_count ");
    const std::string inf = value_after(text, "busy_seconds_bucket{le=\"+Inf\"} ");
    if (count != inf || count == "missing") mismatch = "count " + count + ", +Inf " + inf;
    if (count != "0") ++nonzero;
  }
  done.store(true);
  observer1.join();
  observer2.join();
  EXPECT_EQ(mismatch, "");
  EXPECT_GT(nonzero, 0);
}

using RegistryDeathTest = ::testing::Test;

TEST(RegistryDeathTest, ProgrammingErrorsAbortWithTheMetricName) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH({ Registry r; r.AddCounter("bad-name", "x"); }, "invalid metric name \"bad-name\"");
  EXPECT_DEATH({ Registry r; r.AddGauge("g", "x", {"__x"}); }, "invalid label name \"__x\"");
  EXPECT_DEATH({ Registry r; r.AddGauge("g", "x", {"a", "a"}); }, "\"a\" given twice");
  EXPECT_DEATH({ Registry r; r.AddHistogram("h", "x", {"le"}, {1}); }, "reserved");
  EXPECT_DEATH({ Registry r; r.AddHistogram("h", "x", {}, {2, 1}); }, "strictly increasing");
  EXPECT_DEATH(
      {
        Registry r;
        r.AddCounter("m", "x");
        r.AddGauge("m", "x");
      },
      "\"m\" registered twice");
  EXPECT_DEATH(
      {
        Registry r;
        r.AddCounter("m", "x", {"a"});
        r.AddCounter("m", "x", {"b"});
      },
      "\"m\" registered twice");
  EXPECT_DEATH(
      {
        Registry r;
        r.AddCounter("m", "x", {"a", "b"}).WithLabels({"only_one"});
      },
      "\"m\" has 2 label\\(s\\) but WithLabels got 1");
}

}  // namespace
}  // namespace huinong::metrics
