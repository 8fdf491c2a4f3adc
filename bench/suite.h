// One benchmark invocation: baselines and scenarios measured side by side on
// the running suite, so every figure has its baseline from the same minutes
// on the same (shared) machine.
//
// Order within a round keeps each pair close in time: empty handler with the
// bootstrap on, then off; each read direct then through the gateway (then
// both again with one call in flight); the raw insert, then each write direct
// and through the gateway; the raw batch insert, then the audit append. Even
// rounds run the order backwards (A B | B A), so a steady drift of the shared
// machine's load favours neither side of a pair; a figure pools all its
// rounds (calls over total window, percentiles over all samples).
//
// Scenarios with prepared inputs get them made (untimed) right before each
// of their measurements; scenarios measured at table sizes run after the
// rounds, each size's growth untimed, both sizes in the same invocation.
//
// Guarantees: a scenario that cannot run (its method or a setup step answers
// UNIMPLEMENTED, a probe call fails) is reported with that reason instead of
// a number; the baseline servers are this binary's children, started and
// stopped by pid; the suite's databases are touched only through its API
// (scratch rows under a bench-owned unit), except by the plan's own SQL
// steps and seeds, which write and delete only bench-owned rows (the bench
// county's applications, ids starting 01BENCH / 01BB).
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/closed_loop.h"
#include "bench/load_result.h"
#include "bench/plan.h"
#include "bench/raw_insert.h"
#include "common/core/config.h"

namespace huinong::bench {

// Suffix of a measurement key taken with one call in flight ("GetUnit/gateway@1").
inline constexpr char kUnloaded[] = "@1";

struct SuiteOptions {
  LoopOptions loop;               // concurrency, channels, warm-up, duration of each measurement
  int rounds = 1;
  int audit_senders = 2;          // concurrent AppendEvents callers (and raw batch workers)
  std::string run_dir;            // the suite's .run (pid files)
  std::string work_dir;           // baseline servers' logs
  std::string gateway;            // host:port
  std::map<std::string, std::string> service_addr;  // "org" -> host:port
  RawDbOptions db;
};

struct Measurement {
  std::string key;     // "empty_handler", "GetUnit/direct", "raw_insert", ...
  std::string status;  // "ok", or why there is no number ("not implemented yet: ...")
  LoadResult result;   // all rounds pooled
  std::map<std::string, double> cpu_s;  // CPU seconds by process group over its windows
  std::map<std::string, double> db;     // MariaDB status counter increases over its windows
  std::vector<double> round_calls_per_s;
  bool ok() const { return status == "ok"; }
};

struct SuiteReport {
  std::vector<Measurement> measurements;
  std::map<std::string, double> rss_idle_mib;   // service -> MiB before the run
  std::map<std::string, double> rss_after_mib;  // service -> MiB after it
  double baseline_rss_idle_mib = 0;             // the empty-handler server, idle
  std::string load_before;                      // /proc/loadavg
  std::string load_after;

  const Measurement* Find(const std::string& key) const;
};

// Options from configuration (.run/env and flags); --quick shortens them.
absl::StatusOr<SuiteOptions> SuiteOptionsFrom(const Config& config);

absl::StatusOr<SuiteReport> RunSuite(const Plan& plan, const SuiteOptions& options, const Config& config);

}  // namespace huinong::bench
