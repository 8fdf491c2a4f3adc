// The suite's answer: one table of figure, value, baseline, ratio, target and
// whether it is met — the targets of the plan, each against the baseline
// measured in the same invocation — plus a detail table per measurement
// (throughput, latency percentiles, errors, CPU per call by process) and the
// same as JSON.
//
// Guarantees: a figure without a number (not implemented yet, failed) shows
// its reason and counts as not met; a ratio is only formed from two "ok"
// measurements; "met?" is computed, never written by hand.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bench/plan.h"
#include "bench/suite.h"

namespace huinong::bench {

struct Row {
  std::string figure;
  std::string value;     // formatted, or the reason there is none
  std::string baseline;  // formatted, with the baseline's name
  std::string ratio;
  std::string target;
  std::string met;       // "yes", "NO", or "" when there is no target
};

std::vector<Row> BuildRows(const Plan& plan, const SuiteReport& report);

std::string FormatRows(const std::vector<Row>& rows);
// Throughput, latency percentiles and failures of every measurement.
std::string FormatDetails(const SuiteReport& report);
// Where each call's cost goes: cores busy in the window, MariaDB statements,
// prepares, commits, row-lock waits and fsyncs per call, CPU per call by process.
std::string FormatCosts(const SuiteReport& report);

struct MachineInfo {
  int cpus = 0;
  double memory_gib = 0;
  std::string cpu_model;
};
MachineInfo ReadMachineInfo();

// One measurement as a JSON object (for `huinong_bench run --json`).
std::string MeasurementJsonText(const Measurement& m);

std::string ReportJson(const SuiteReport& report, const std::vector<Row>& rows, const MachineInfo& machine,
                       const SuiteOptions& options);

}  // namespace huinong::bench
