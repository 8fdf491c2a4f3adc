// ReportJson: every measurement (all latency percentiles, errors by code,
// CPU seconds by process group, each round's throughput), the summary rows,
// the machine and the options, as one JSON document for tools and for
// comparing runs.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/time/time.h"
#include "bench/report.h"

namespace huinong::bench {
namespace {

namespace pb = google::protobuf;

void Put(pb::Struct& s, const std::string& key, double v) { (*s.mutable_fields())[key].set_number_value(v); }
void Put(pb::Struct& s, const std::string& key, const std::string& v) {
  (*s.mutable_fields())[key].set_string_value(v);
}
pb::Struct& Child(pb::Struct& s, const std::string& key) {
  return *(*s.mutable_fields())[key].mutable_struct_value();
}
pb::ListValue& List(pb::Struct& s, const std::string& key) {
  return *(*s.mutable_fields())[key].mutable_list_value();
}

pb::Struct MeasurementJson(const Measurement& m) {
  pb::Struct s;
  Put(s, "key", m.key);
  Put(s, "status", m.status);
  if (!m.ok()) return s;
  const LoadResult& r = m.result;
  Put(s, "window_s", r.window_s);
  Put(s, "ok_calls", static_cast<double>(r.ok));
  Put(s, "calls_per_s", r.calls_per_s());
  Put(s, "items_per_call", r.items_per_call);
  Put(s, "items_per_s", r.items_per_s());
  pb::Struct& lat = Child(s, "latency_ms");
  Put(lat, "mean", r.latency.mean_us / 1000);
  Put(lat, "p50", r.latency.p50_us / 1000);
  Put(lat, "p90", r.latency.p90_us / 1000);
  Put(lat, "p99", r.latency.p99_us / 1000);
  Put(lat, "p99_9", r.latency.p999_us / 1000);
  Put(lat, "max", r.latency.max_us / 1000);
  pb::Struct& errors = Child(s, "errors");
  for (const auto& [code, n] : r.errors) Put(errors, code, static_cast<double>(n));
  pb::Struct& first = Child(s, "first_error");
  for (const auto& [code, msg] : r.first_error) Put(first, code, msg);
  pb::Struct& cpu = Child(s, "cpu_seconds");
  for (const auto& [group, sec] : m.cpu_s) Put(cpu, group, sec);
  pb::Struct& db = Child(s, "db_counters");
  for (const auto& [name, v] : m.db) Put(db, name, v);
  pb::ListValue& rounds = List(s, "rounds_calls_per_s");
  for (double v : m.round_calls_per_s) rounds.add_values()->set_number_value(v);
  return s;
}

}  // namespace

std::string MeasurementJsonText(const Measurement& m) {
  std::string out;
  pb::util::JsonPrintOptions print;
  print.add_whitespace = true;
  (void)pb::util::MessageToJsonString(MeasurementJson(m), &out, print);
  return out;
}

std::string ReportJson(const SuiteReport& report, const std::vector<Row>& rows, const MachineInfo& machine,
                       const SuiteOptions& options) {
  pb::Struct root;
  pb::Struct& m = Child(root, "machine");
  Put(m, "cpus", machine.cpus);
  Put(m, "memory_gib", machine.memory_gib);
  Put(m, "cpu_model", machine.cpu_model);
  Put(m, "loadavg_before", report.load_before);
  Put(m, "loadavg_after", report.load_after);
  pb::Struct& o = Child(root, "options");
  Put(o, "concurrency", options.loop.concurrency);
  Put(o, "channels", options.loop.channels);
  Put(o, "warmup_s", absl::ToDoubleSeconds(options.loop.warmup));
  Put(o, "duration_s", absl::ToDoubleSeconds(options.loop.duration));
  Put(o, "rounds", options.rounds);
  Put(o, "audit_senders", options.audit_senders);
  pb::ListValue& ms = List(root, "measurements");
  for (const Measurement& x : report.measurements) *ms.add_values()->mutable_struct_value() = MeasurementJson(x);
  pb::Struct& rss = Child(root, "rss_mib");
  Put(rss, "baseline_empty_handler_idle", report.baseline_rss_idle_mib);
  for (const auto& [svc, mib] : report.rss_idle_mib) Put(Child(rss, "idle"), svc, mib);
  for (const auto& [svc, mib] : report.rss_after_mib) Put(Child(rss, "after"), svc, mib);
  pb::ListValue& table = List(root, "table");
  for (const Row& r : rows) {
    pb::Struct row;
    Put(row, "figure", r.figure);
    Put(row, "value", r.value);
    Put(row, "baseline", r.baseline);
    Put(row, "ratio", r.ratio);
    Put(row, "target", r.target);
    Put(row, "met", r.met);
    *table.add_values()->mutable_struct_value() = std::move(row);
  }
  std::string out;
  pb::util::JsonPrintOptions print;
  print.add_whitespace = true;
  (void)pb::util::MessageToJsonString(root, &out, print);
  return out;
}

}  // namespace huinong::bench
