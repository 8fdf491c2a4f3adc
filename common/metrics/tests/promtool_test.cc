// Feeds a Render() with every metric kind, awkward label values and help, and
// the process metrics — and a real scrape of the endpoint, with the Exposer's
// own families — to `promtool check metrics`, Prometheus' own parser and
// linter. Skipped only when promtool is not installed.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "common/metrics/endpoint.h"
#include "common/metrics/process_metrics.h"
#include "common/metrics/registry.h"

namespace huinong::metrics {
namespace {

void AddSamples(Registry& registry) {
  AddProcessMetrics(registry);
  CounterFamily& handled = registry.AddCounter(
      "grpc_server_handled_total", "Total RPCs completed on the server, by method and code.",
      {"grpc_service", "grpc_method", "grpc_code"});
  handled.WithLabels({"huinong.org.v1.UnitService", "GetUnit", "OK"}).Inc(12);
  handled.WithLabels({"huinong.org.v1.UnitService", "GetUnit", "NOT_FOUND"}).Inc();
  HistogramFamily& latency = registry.AddHistogram(
      "grpc_server_handling_seconds", "Histogram of response latency (seconds).",
      {"grpc_service", "grpc_method"}, LatencyBuckets());
  Histogram& get_unit = latency.WithLabels({"huinong.org.v1.UnitService", "GetUnit"});
  for (double v : {0.0003, 0.002, 0.04, 0.7, 12.0}) get_unit.Observe(v);
  registry.AddGauge("open_tickets", "Open tickets by priority and SLA state.",
                    {"priority", "sla_state"})
      .WithLabels({"P1", "breached"})
      .Set(3);
  registry.AddGauge("township_label_escapes", "Gauge whose \\ help\nspans \"lines\".",
                    {"township"})
      .WithLabels({"东关镇 \"north\\south\"\nrow"})
      .Set(-1.5e-7);
  registry.AddGauge("outbox_relay_lag_seconds", "Age of the oldest unsent event.").WithLabels({})
      .Set(0.25);
  registry.AddGauge("not_a_number", "A gauge holding NaN.").WithLabels({}).Set(std::nan(""));
}

// Empty when promtool accepts `text` without a lint remark; otherwise what it said.
::testing::AssertionResult PromtoolAccepts(const std::string& text) {
  char path[] = "/tmp/huinong_metrics_XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return ::testing::AssertionFailure() << "mkstemp failed";
  close(fd);
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  const std::string command = std::string("promtool check metrics < ") + path + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return ::testing::AssertionFailure() << "popen failed";
  std::string output;
  char buf[512];
  while (std::fgets(buf, sizeof(buf), pipe) != nullptr) output += buf;
  const int status = pclose(pipe);
  std::remove(path);
  // promtool prints one line per lint problem; a clean exposition prints nothing.
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && output.empty()) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << output << "\n--- input ---\n" << text;
}

bool PromtoolInstalled() { return std::system("command -v promtool >/dev/null 2>&1") == 0; }

TEST(PromtoolTest, CheckMetricsAcceptsRenderOutput) {
  if (!PromtoolInstalled()) GTEST_SKIP() << "promtool is not on PATH";
  Registry registry;
  AddSamples(registry);
  const std::string text = registry.Render();
  // The awkward help and label value arrive escaped, and NaN is spelled so
  // that Prometheus parses it.
  EXPECT_NE(text.find("# HELP township_label_escapes Gauge whose \\\\ help\\nspans \"lines\".\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("{township=\"东关镇 \\\"north\\\\south\\\"\\nrow\"} "), std::string::npos)
      << text;
  EXPECT_TRUE(PromtoolAccepts(text));
}

TEST(PromtoolTest, CheckMetricsAcceptsAScrape) {
  if (!PromtoolInstalled()) GTEST_SKIP() << "promtool is not on PATH";
  Registry registry;
  AddSamples(registry);
  MetricsEndpoint endpoint(registry);
  ASSERT_TRUE(endpoint.Start("127.0.0.1", 0).ok());
  httplib::Client client("127.0.0.1", endpoint.port());
  ASSERT_TRUE(client.Get("/metrics"));  // so the Exposer's own summary has observations
  auto response = client.Get("/metrics");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  EXPECT_NE(response->body.find("exposer_request_latencies_count"), std::string::npos);
  EXPECT_TRUE(PromtoolAccepts(response->body));
}

}  // namespace
}  // namespace huinong::metrics
