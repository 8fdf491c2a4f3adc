// What the suite's processes cost: resident memory (VmRSS from
// /proc/<pid>/status) and CPU time (utime + stime from /proc/<pid>/stat), for
// the services, MariaDB and the gateway named by a run directory's pid files,
// plus this process and its baseline servers.
//
// Guarantees: RssMiB and CpuSeconds of a process that is gone are errors,
// never zero; the CPU meter reports seconds used by each named group between
// Start and Stop (clock-tick resolution, 10 ms, so it is meaningful over a
// window of seconds, not per call), leaving out a process it cannot read at
// both ends of the window.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace huinong::bench {

absl::StatusOr<double> RssMiB(pid_t pid);
absl::StatusOr<double> CpuSeconds(pid_t pid);

// A named group of processes (e.g. "gateway" = nginx master and workers).
struct ProcessGroup {
  std::string name;
  std::vector<pid_t> pids;
};

// From <run_dir>/pids/<name>.pid ("org", "mariadb", ...) and
// <run_dir>/gateway/nginx.pid with its worker processes. Pid files whose
// process is gone are left out. NOT_FOUND when no service is running.
absl::StatusOr<std::vector<ProcessGroup>> SuiteProcesses(const std::string& run_dir);

// The pid in a pid file, if that process is alive.
absl::StatusOr<pid_t> PidFromFile(const std::string& path);

class CpuMeter {
 public:
  explicit CpuMeter(std::vector<ProcessGroup> groups) : groups_(std::move(groups)) {}
  void Start();
  void Stop();
  // Group name -> CPU seconds between Start and Stop.
  const std::map<std::string, double>& used() const { return used_; }

 private:
  std::vector<ProcessGroup> groups_;
  std::map<pid_t, double> start_;
  std::map<std::string, double> used_;
};

}  // namespace huinong::bench
