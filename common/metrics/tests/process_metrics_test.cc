// Tests that process_* metrics read this very process from /proc/self.
#include "common/metrics/process_metrics.h"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <string>

namespace huinong::metrics {
namespace {

// Re-adding a family with the same shape returns it, which is how a test can
// read the values the collector wrote.
double GaugeValue(Registry& registry, const std::string& name, const std::string& help) {
  return registry.AddGauge(name, help).WithLabels({}).Value();
}

TEST(ProcessMetricsTest, ReportsThisProcess) {
  Registry registry;
  AddProcessMetrics(registry);
  const std::string text = registry.Render();
  for (const char* name : {"process_resident_memory_bytes", "process_virtual_memory_bytes",
                           "process_cpu_seconds_total", "process_open_fds",
                           "process_start_time_seconds"}) {
    EXPECT_NE(text.find(std::string("# TYPE ") + name), std::string::npos) << name;
  }
  EXPECT_NE(text.find("# TYPE process_cpu_seconds_total counter"), std::string::npos);

  const double rss = GaugeValue(registry, "process_resident_memory_bytes",
                                "Resident memory size in bytes.");
  const double vsize = GaugeValue(registry, "process_virtual_memory_bytes",
                                  "Virtual memory size in bytes.");
  EXPECT_GT(rss, 1 << 20);  // a gtest binary is well over 1 MiB resident
  EXPECT_GT(vsize, rss);

  const double start = GaugeValue(registry, "process_start_time_seconds",
                                  "Start time of the process since unix epoch in seconds.");
  const double now = std::chrono::duration<double>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_LE(start, now + 1);
  EXPECT_GT(start, now - 3600);  // this test binary started within the hour
}

TEST(ProcessMetricsTest, OpenFdsTracksDescriptors) {
  Registry registry;
  AddProcessMetrics(registry);
  registry.Render();
  const double before = GaugeValue(registry, "process_open_fds", "Number of open file descriptors.");
  EXPECT_GE(before, 3);  // stdin, stdout, stderr
  const int fd1 = open("/dev/null", O_RDONLY);
  const int fd2 = open("/dev/null", O_RDONLY);
  ASSERT_GE(fd1, 0);
  ASSERT_GE(fd2, 0);
  registry.Render();
  const double after = GaugeValue(registry, "process_open_fds", "Number of open file descriptors.");
  close(fd1);
  close(fd2);
  EXPECT_EQ(after, before + 2);
}

TEST(ProcessMetricsTest, CpuSecondsGrowWithWork) {
  Registry registry;
  AddProcessMetrics(registry);
  Counter& cpu = registry.AddCounter("process_cpu_seconds_total",
                                     "Total user and system CPU time spent in seconds.")
                     .WithLabels({});
  registry.Render();
  const double before = cpu.Value();
  // Burn a little over 0.1 s of CPU so that the clock-tick counters move.
  volatile double sink = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(150);
  const clock_t cpu_start = clock();
  while (std::chrono::steady_clock::now() < until ||
         static_cast<double>(clock() - cpu_start) / CLOCKS_PER_SEC < 0.12) {
    sink = sink + std::sqrt(static_cast<double>(sink) + 1);
  }
  registry.Render();
  EXPECT_GE(cpu.Value(), before + 0.05);
}

}  // namespace
}  // namespace huinong::metrics
