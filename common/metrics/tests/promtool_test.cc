// Feeds a Render() with every metric kind, awkward label values and the
// process metrics to `promtool check metrics`, Prometheus' own parser and
// linter. Skipped only when promtool is not installed.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "common/metrics/process_metrics.h"
#include "common/metrics/registry.h"

namespace huinong::metrics {
namespace {

std::string SampleExposition() {
  Registry registry;
  AddProcessMetrics(registry);
  CounterFamily& handled = registry.AddCounter(
      "grpc_server_handled_total", "Total RPCs completed on the server, by method and code.",
      {"grpc_service", "grpc_method", "grpc_code"});
  handled.WithLabels({"huinong.org.v1.OrgService", "GetUnit", "OK"}).Inc(12);
  handled.WithLabels({"huinong.org.v1.OrgService", "GetUnit", "NOT_FOUND"}).Inc();
  HistogramFamily& latency = registry.AddHistogram(
      "grpc_server_handling_seconds", "Histogram of response latency (seconds).",
      {"grpc_service", "grpc_method"}, LatencyBuckets());
  Histogram& get_unit = latency.WithLabels({"huinong.org.v1.OrgService", "GetUnit"});
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
  return registry.Render();
}

TEST(PromtoolTest, CheckMetricsAcceptsRenderOutput) {
  if (std::system("command -v promtool >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "promtool is not on PATH";
  }
  const std::string text = SampleExposition();
  char path[] = "/tmp/huinong_metrics_XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  close(fd);
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }

  const std::string command = std::string("promtool check metrics < ") + path + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buf[512];
  while (std::fgets(buf, sizeof(buf), pipe) != nullptr) output += buf;
  const int status = pclose(pipe);
  std::remove(path);

  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << output << "\n--- input ---\n" << text;
  // promtool prints one line per lint problem; a clean exposition prints nothing.
  EXPECT_EQ(output, "") << "--- input ---\n" << text;
}

}  // namespace
}  // namespace huinong::metrics
