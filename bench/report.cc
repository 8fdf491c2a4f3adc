#include "bench/report.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>


#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"

namespace huinong::bench {
namespace {

const char* BaselineLabel(const std::string& name) {
  if (name == "empty_handler") return "empty handler";
  if (name == "empty_bare") return "empty, interceptors off";
  if (name == "raw_insert") return "raw 1-row insert txn";
  if (name == "raw_insert_batch") return "raw batch insert txn";
  return "";
}

std::string Rate(const Measurement& m, bool items) {
  return absl::StrFormat("%.0f/s", items ? m.result.items_per_s() : m.result.calls_per_s());
}

// The comparison of two measurements' throughput against a minimum ratio.
Row Compare(std::string figure, const Measurement* m, const Measurement* base, const std::string& base_label,
            double min_ratio, bool items) {
  Row row;
  row.figure = std::move(figure);
  row.target = min_ratio > 0 ? absl::StrFormat(">= %.2fx", min_ratio) : "";
  if (m == nullptr || !m->ok()) {
    row.value = m == nullptr ? "not measured" : m->status;
    row.met = row.target.empty() ? "" : absl::StartsWith(row.value, "not implemented") ? "not yet" : "NO";
    return row;
  }
  row.value = Rate(*m, items);
  if (base == nullptr || !base->ok()) {
    row.baseline = absl::StrCat("(", base_label, ": ", base == nullptr ? "not measured" : base->status, ")");
    row.met = row.target.empty() ? "" : "n/a";
    return row;
  }
  const double b = items ? base->result.items_per_s() : base->result.calls_per_s();
  const double v = items ? m->result.items_per_s() : m->result.calls_per_s();
  row.baseline = absl::StrCat(Rate(*base, items), " ", base_label);
  row.ratio = b > 0 ? absl::StrFormat("%.2fx", v / b) : "";
  if (!row.target.empty()) row.met = b > 0 && v / b >= min_ratio ? "yes" : "NO";
  return row;
}

Row P99Added(const std::string& figure, const Measurement* gw, const Measurement* direct, double max_ms) {
  Row row;
  row.figure = figure;
  row.target = absl::StrFormat("<= %.2f ms", max_ms);
  if (gw == nullptr || direct == nullptr || !gw->ok() || !direct->ok()) {
    const Measurement* bad = gw == nullptr || !gw->ok() ? gw : direct;
    row.value = bad == nullptr ? "not measured" : bad->status;
    row.met = absl::StartsWith(row.value, "not implemented") ? "not yet" : "NO";
    return row;
  }
  const double added = (gw->result.latency.p99_us - direct->result.latency.p99_us) / 1000.0;
  row.value = absl::StrFormat("%+.2f ms", added);
  row.baseline = absl::StrFormat("%.2f ms direct p99", direct->result.latency.p99_us / 1000.0);
  row.met = added <= max_ms ? "yes" : "NO";
  return row;
}

// Database commands per call against a maximum.
Row DbCommands(const std::string& figure, const Measurement* m, double max_commands) {
  Row row;
  row.figure = figure;
  row.target = absl::StrFormat("<= %.0f", max_commands);
  if (m == nullptr || !m->ok() || m->db.count("Queries") == 0) {
    row.value = m == nullptr || m->ok() ? "not measured" : m->status;
    row.met = "NO";
    return row;
  }
  const auto queries = m->db.find("Queries");
  const double calls = static_cast<double>(m->result.ok + m->result.error_count());
  const double per_call = calls > 0 ? queries->second / calls : 0;
  row.value = absl::StrFormat("%.2f", per_call);
  row.met = calls > 0 && per_call <= max_commands ? "yes" : "NO";
  return row;
}

// A scenario measured at table sizes: the first size's figure, then every
// later size against it ("within 1.3x" is a throughput ratio of at least
// 1/1.3: in a closed loop at the same concurrency, the same latency ratio).
void AddSizedRows(const Scenario& sc, const SuiteReport& report, std::vector<Row>& rows) {
  const TableSize& first = sc.table_sizes.sizes.front();
  const Measurement* base = report.Find(SizedName(sc, first) + "/direct");
  for (const TableSize& size : sc.table_sizes.sizes) {
    const std::string name = SizedName(sc, size);
    const Measurement* m = report.Find(name + "/direct");
    if (&size == &first) {
      rows.push_back(Compare(name + " direct", m, nullptr, "", 0, false));
      rows.back().baseline = "";
      continue;
    }
    const double min_ratio = sc.table_sizes.max_slowdown > 0 ? 1.0 / sc.table_sizes.max_slowdown : 0;
    rows.push_back(Compare(name + " direct", m, base, "at " + first.label, min_ratio, false));
    if (min_ratio > 0) rows.back().target = absl::StrFormat(">= %.2fx (1/%.1f)", min_ratio, sc.table_sizes.max_slowdown);
  }
}

}  // namespace

std::vector<Row> BuildRows(const Plan& plan, const SuiteReport& report) {
  std::vector<Row> rows;
  const Measurement* on = report.Find("empty_handler");
  const Measurement* off = report.Find("empty_bare");
  rows.push_back(Compare("empty handler, bootstrap on", on, nullptr, "", 0, false));
  rows.back().baseline = "";
  rows.push_back(Compare("bootstrap on / interceptors off", on, off, "interceptors off",
                         1.0 - plan.targets.interceptor_max_cost, false));
  for (const Scenario& sc : plan.scenarios) {
    if (!sc.table_sizes.sizes.empty()) {
      AddSizedRows(sc, report, rows);
      continue;
    }
    const Measurement* direct = report.Find(sc.name + "/direct");
    if (sc.kind == "audit_append") {
      rows.push_back(Compare(absl::StrFormat("%s events (batches of %d)", sc.name, sc.batch_size), direct,
                             report.Find(sc.baseline), BaselineLabel(sc.baseline), sc.min_ratio, true));
      continue;
    }
    const bool has_direct = std::find(sc.via.begin(), sc.via.end(), "direct") != sc.via.end();
    const bool has_gateway = std::find(sc.via.begin(), sc.via.end(), "gateway") != sc.via.end();
    if (has_direct) {
      rows.push_back(Compare(absl::StrCat(sc.name, " direct"), direct, report.Find(sc.baseline),
                             BaselineLabel(sc.baseline), sc.min_ratio, false));
      if (sc.max_db_commands > 0) {
        rows.push_back(DbCommands(absl::StrCat(sc.name, " db commands per call"), direct, sc.max_db_commands));
      }
    }
    if (has_gateway) {
      const Measurement* gw = report.Find(sc.name + "/gateway");
      rows.push_back(Compare(absl::StrCat(sc.name, " via gateway"), gw, direct, "direct", sc.gateway_min_ratio,
                             false));
      if (has_direct && sc.gateway_max_p99_added_ms > 0) {
        rows.push_back(P99Added(absl::StrCat(sc.name, " gateway p99 added, 1 in flight"),
                                report.Find(sc.name + "/gateway" + kUnloaded),
                                report.Find(sc.name + "/direct" + kUnloaded), sc.gateway_max_p99_added_ms));
        rows.push_back(P99Added(absl::StrCat(sc.name, " gateway p99 added, saturated"), gw, direct,
                                sc.gateway_max_p99_added_ms));
      }
    }
  }
  for (const auto& [service, mib] : report.rss_idle_mib) {
    Row row;
    row.figure = absl::StrCat("idle RSS svc-", service);
    row.value = absl::StrFormat("%.1f MiB", mib);
    if (report.baseline_rss_idle_mib > 0) {
      row.baseline = absl::StrFormat("%.1f MiB empty handler", report.baseline_rss_idle_mib);
      row.ratio = absl::StrFormat("%.2fx", mib / report.baseline_rss_idle_mib);
    }
    row.target = absl::StrFormat("<= %.0f MiB", plan.targets.idle_rss_max_mib);
    row.met = mib <= plan.targets.idle_rss_max_mib ? "yes" : "NO";
    rows.push_back(std::move(row));
  }
  for (const auto& [service, mib] : report.rss_after_mib) {
    Row row;
    row.figure = absl::StrCat("RSS after run svc-", service);
    row.value = absl::StrFormat("%.1f MiB", mib);
    auto idle = report.rss_idle_mib.find(service);
    if (idle != report.rss_idle_mib.end()) {
      row.baseline = absl::StrFormat("%.1f MiB idle", idle->second);
      row.ratio = absl::StrFormat("%.2fx", mib / idle->second);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string FormatRows(const std::vector<Row>& rows) {
  std::string out = absl::StrFormat("%-46s %-14s %-34s %-7s %-12s %s\n", "figure", "value", "baseline", "ratio",
                                    "target", "met?");
  for (const Row& r : rows) {
    if (r.value.size() > 14 && r.baseline.empty() && r.ratio.empty()) {
      // A reason instead of a number: let it run over the empty columns.
      absl::StrAppend(&out, absl::StrFormat("%-46s %-57s %-12s %s\n", r.figure, r.value, r.target, r.met));
      continue;
    }
    absl::StrAppend(&out, absl::StrFormat("%-46s %-14s %-34s %-7s %-12s %s\n", r.figure, r.value, r.baseline,
                                          r.ratio, r.target, r.met));
  }
  return out;
}

std::string FormatDetails(const SuiteReport& report) {
  std::string out = absl::StrFormat("%-30s %9s %8s %7s %7s %7s %7s %7s %7s  %s\n", "measurement", "calls/s",
                                    "items/s", "p50 ms", "p90", "p99", "p99.9", "max", "errors",
                                    "calls/s by round");
  for (const Measurement& m : report.measurements) {
    if (!m.ok()) {
      absl::StrAppend(&out, absl::StrFormat("%-30s %s\n", m.key, m.status));
      continue;
    }
    const LatencySummary& l = m.result.latency;
    std::vector<std::string> rounds;
    for (double v : m.round_calls_per_s) rounds.push_back(absl::StrFormat("%.0f", v));
    absl::StrAppend(&out, absl::StrFormat("%-30s %9.0f %8.0f %7.2f %7.2f %7.2f %7.2f %7.1f %7d  %s\n", m.key,
                                          m.result.calls_per_s(), m.result.items_per_s(), l.p50_us / 1000,
                                          l.p90_us / 1000, l.p99_us / 1000, l.p999_us / 1000, l.max_us / 1000,
                                          m.result.error_count(), absl::StrJoin(rounds, " ")));
    if (m.result.error_count() > 0) {
      absl::StrAppend(&out, absl::StrFormat("%-30s   first failure: %s\n", "", m.result.MainError()));
    }
  }
  return out;
}

std::string FormatCosts(const SuiteReport& report) {
  std::string out = absl::StrFormat("%-30s %5s %7s %7s %7s %7s %7s  %s\n", "per call", "cores", "db q",
                                    "prepare", "commit", "lockwt", "fsync", "CPU us by process");
  for (const Measurement& m : report.measurements) {
    if (!m.ok()) continue;
    const double calls = static_cast<double>(m.result.ok + m.result.error_count());
    double total = 0;
    for (const auto& [group, seconds] : m.cpu_s) total += seconds;
    std::vector<std::string> cpu;
    for (const auto& [group, seconds] : m.cpu_s) {
      // Groups under 2% of the call's CPU are left out: idle services, rounding.
      if (seconds >= 0.02 * total) cpu.push_back(absl::StrFormat("%s %.0f", group, seconds * 1e6 / calls));
    }
    auto per_call = [&](const char* counter) {
      auto it = m.db.find(counter);
      return it == m.db.end() ? std::string("-") : absl::StrFormat("%.2f", it->second / calls);
    };
    absl::StrAppend(&out, absl::StrFormat("%-30s %5.2f %7s %7s %7s %7s %7s  %s\n", m.key, total / m.result.window_s,
                                          per_call("Queries"), per_call("Com_stmt_prepare"), per_call("Com_commit"),
                                          per_call("Innodb_row_lock_waits"), per_call("Innodb_data_fsyncs"),
                                          absl::StrJoin(cpu, ", ")));
  }
  return out;
}

MachineInfo ReadMachineInfo() {
  MachineInfo info;
  info.cpus = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (absl::StartsWith(line, "model name")) {
      info.cpu_model = std::string(absl::StripAsciiWhitespace(line.substr(line.find(':') + 1)));
      break;
    }
  }
  std::ifstream meminfo("/proc/meminfo");
  for (std::string line; std::getline(meminfo, line);) {
    absl::string_view rest(line);
    int64_t kib = 0;
    if (absl::ConsumePrefix(&rest, "MemTotal:") && absl::ConsumeSuffix(&rest, "kB") &&
        absl::SimpleAtoi(absl::StripAsciiWhitespace(rest), &kib)) {
      info.memory_gib = static_cast<double>(kib) / (1024.0 * 1024.0);
    }
  }
  return info;
}

}  // namespace huinong::bench
