// process_* metrics from /proc/self; see process_metrics.h.
#include "common/metrics/process_metrics.h"

#include <dirent.h>
#include <unistd.h>

#include <charconv>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace huinong::metrics {
namespace {

// The fields of /proc/self/stat we use (see proc(5); numbering is 1-based).
struct ProcStat {
  double utime_ticks = 0;      // field 14
  double stime_ticks = 0;      // field 15
  double starttime_ticks = 0;  // field 22, ticks after boot
  double vsize_bytes = 0;      // field 23
  double rss_pages = 0;        // field 24
};

std::optional<ProcStat> ReadProcStat() {
  std::ifstream in("/proc/self/stat");
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  // Field 2 is the command name in parentheses and may itself contain spaces
  // or ')', so parse from the last ')'.
  const size_t close = line.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream rest(line.substr(close + 1));
  std::vector<std::string> fields;  // fields[0] is field 3 (state)
  for (std::string field; rest >> field;) fields.push_back(field);
  if (fields.size() < 22) return std::nullopt;
  auto field = [&](int number) -> std::optional<double> {
    const std::string& s = fields[number - 3];
    unsigned long long value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
    return static_cast<double>(value);
  };
  const auto utime = field(14), stime = field(15), start = field(22), vsize = field(23),
             rss = field(24);
  if (!utime || !stime || !start || !vsize || !rss) return std::nullopt;
  return ProcStat{*utime, *stime, *start, *vsize, *rss};
}

std::optional<double> ReadBootTimeSeconds() {
  std::ifstream in("/proc/stat");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("btime ", 0) == 0) {
      unsigned long long value = 0;
      const char* begin = line.data() + 6;
      const auto [ptr, ec] = std::from_chars(begin, line.data() + line.size(), value);
      if (ec == std::errc()) return static_cast<double>(value);
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<double> CountOpenFds() {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return std::nullopt;
  double count = 0;
  while (const dirent* entry = readdir(dir)) {
    if (entry->d_name[0] != '.') ++count;
  }
  const int own_fd = dirfd(dir);
  closedir(dir);
  // The listing includes the descriptor of the directory being read.
  return own_fd >= 0 ? count - 1 : count;
}

prometheus::MetricFamily OneValue(const char* name, const char* help, prometheus::MetricType type,
                                  double value) {
  prometheus::ClientMetric metric;
  if (type == prometheus::MetricType::Counter) {
    metric.counter.value = value;
  } else {
    metric.gauge.value = value;
  }
  return prometheus::MetricFamily{name, help, type, {metric}};
}

}  // namespace

std::vector<prometheus::MetricFamily> ProcessMetrics::Collect() const {
  static const double ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
  static const double page_size = static_cast<double>(sysconf(_SC_PAGESIZE));

  absl::MutexLock lock(&mu_);
  if (const auto stat = ReadProcStat()) {
    last_.resident_bytes = stat->rss_pages * page_size;
    last_.virtual_bytes = stat->vsize_bytes;
    last_.cpu_seconds = (stat->utime_ticks + stat->stime_ticks) / ticks_per_second;
    if (last_.start_time_seconds == 0) {
      if (const auto boot = ReadBootTimeSeconds()) {
        last_.start_time_seconds = *boot + stat->starttime_ticks / ticks_per_second;
      }
    }
  }
  if (const auto fds = CountOpenFds()) last_.open_fds = *fds;

  using prometheus::MetricType;
  return {
      OneValue("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
               MetricType::Counter, last_.cpu_seconds),
      OneValue("process_open_fds", "Number of open file descriptors.", MetricType::Gauge,
               last_.open_fds),
      OneValue("process_resident_memory_bytes", "Resident memory size in bytes.",
               MetricType::Gauge, last_.resident_bytes),
      OneValue("process_start_time_seconds",
               "Start time of the process since unix epoch in seconds.", MetricType::Gauge,
               last_.start_time_seconds),
      OneValue("process_virtual_memory_bytes", "Virtual memory size in bytes.", MetricType::Gauge,
               last_.virtual_bytes),
  };
}

void AddProcessMetrics(Registry& registry) {
  registry.AddCollectable(std::make_shared<ProcessMetrics>());
}

}  // namespace huinong::metrics
