// Tests that process_* metrics read this very process from /proc/self, both
// from the collectable itself and through a registry's rendered exposition.
#include "common/metrics/process_metrics.h"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <string>
#include <vector>

namespace huinong::metrics {
namespace {

// The single value of family `name` in one collection; NaN when absent.
double Value(const ProcessMetrics& process, const std::string& name) {
  for (const prometheus::MetricFamily& family : process.Collect()) {
    if (family.name != name || family.metric.size() != 1) continue;
    return family.type == prometheus::MetricType::Counter ? family.metric[0].counter.value
                                                          : family.metric[0].gauge.value;
  }
  return std::nan("");
}

TEST(ProcessMetricsTest, RegistryRendersEveryProcessMetric) {
  Registry registry;
  AddProcessMetrics(registry);
  const std::string text = registry.Render();
  for (const char* name : {"process_resident_memory_bytes", "process_virtual_memory_bytes",
                           "process_open_fds", "process_start_time_seconds"}) {
    EXPECT_NE(text.find(std::string("# TYPE ") + name + " gauge\n"), std::string::npos) << name;
  }
  EXPECT_NE(text.find("# TYPE process_cpu_seconds_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("# HELP process_resident_memory_bytes Resident memory size in bytes.\n"),
            std::string::npos);
}

TEST(ProcessMetricsTest, ReportsThisProcess) {
  ProcessMetrics process;
  const double rss = Value(process, "process_resident_memory_bytes");
  const double vsize = Value(process, "process_virtual_memory_bytes");
  EXPECT_GT(rss, 1 << 20);  // a gtest binary is well over 1 MiB resident
  EXPECT_GT(vsize, rss);

  const double start = Value(process, "process_start_time_seconds");
  const double now = std::chrono::duration<double>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_LE(start, now + 1);
  EXPECT_GT(start, now - 3600);  // this test binary started within the hour
}

TEST(ProcessMetricsTest, OpenFdsTracksDescriptors) {
  ProcessMetrics process;
  const double before = Value(process, "process_open_fds");
  EXPECT_GE(before, 3);  // stdin, stdout, stderr
  const int fd1 = open("/dev/null", O_RDONLY);
  const int fd2 = open("/dev/null", O_RDONLY);
  ASSERT_GE(fd1, 0);
  ASSERT_GE(fd2, 0);
  const double after = Value(process, "process_open_fds");
  close(fd1);
  close(fd2);
  EXPECT_EQ(after, before + 2);
}

TEST(ProcessMetricsTest, CpuSecondsGrowWithWork) {
  ProcessMetrics process;
  const double before = Value(process, "process_cpu_seconds_total");
  // Burn a little over 0.1 s of CPU so that the clock-tick counters move.
  volatile double sink = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(150);
  const clock_t cpu_start = clock();
  while (std::chrono::steady_clock::now() < until ||
         static_cast<double>(clock() - cpu_start) / CLOCKS_PER_SEC < 0.12) {
    sink = sink + std::sqrt(static_cast<double>(sink) + 1);
  }
  EXPECT_GE(Value(process, "process_cpu_seconds_total"), before + 0.05);
}

}  // namespace
}  // namespace huinong::metrics
