// huinong_bench: the suite's load generator and benchmark (docs/performance.md).
//
//   huinong_bench suite --plan bench/scenarios.json [--quick] [--rounds N] [--duration 20s]
//                       [--warmup 3s] [--concurrency 16] [--channels 4] [--json FILE]
//                       [--scenarios SubmitApplication,RecordSurvey]
//       baselines and scenarios in one invocation; prints the table (bench/run.sh runs this);
//       --scenarios keeps only the named scenarios (their baselines are measured as always)
//   huinong_bench run (--target HOST:PORT | --service org | --via_gateway) --method M --request TEMPLATE
//                     [--metadata k=v,k=v] [--concurrency 16] [--channels 4] [--warmup 2s]
//                     [--duration 10s | --count N] [--server_pid PID] [--json FILE]
//       one closed-loop load on any unary method; TEMPLATE is JSON or text format, or @file;
//       {{ulid}} in it is a fresh ULID per call; --server_pid meters that process's CPU too
//       (e.g. a serve-empty started by hand), as "target server"
//   huinong_bench serve-empty [--interceptors=false]
//       the empty-handler baseline server (started by `suite` itself)
//
// Addresses and credentials come from .run/env (HUINONG_*).
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "absl/strings/str_split.h"
#include "bench/bench_token.h"
#include "bench/db_status.h"
#include "bench/empty_server.h"
#include "bench/grpc_load.h"
#include "bench/plan.h"
#include "bench/proc_stats.h"
#include "bench/report.h"
#include "bench/request_template.h"
#include "bench/suite.h"
#include "common/core/status_macros.h"

namespace huinong::bench {
namespace {

absl::StatusOr<std::string> ReadText(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

absl::Status WriteText(const std::string& path, const std::string& text) {
  if (path.empty()) return absl::OkStatus();
  std::ofstream out(path);
  out << text << "\n";
  return out ? absl::OkStatus() : absl::PermissionDeniedError("cannot write " + path);
}

absl::Status Suite(const Config& config) {
  ASSIGN_OR_RETURN(std::string text, ReadText(config.String("plan", "bench/scenarios.json")));
  ASSIGN_OR_RETURN(Plan plan, ParsePlan(text));
  RETURN_IF_ERROR(KeepScenarios(plan, config.String("scenarios")));
  ASSIGN_OR_RETURN(SuiteOptions options, SuiteOptionsFrom(config));
  ASSIGN_OR_RETURN(SuiteReport report, RunSuite(plan, options, config));
  const std::vector<Row> rows = BuildRows(plan, report);
  const MachineInfo machine = ReadMachineInfo();
  std::printf("\nMeasurements (%d round(s) pooled; %d in flight over %d channels; %.0f s warm-up + %.0f s each)\n",
              options.rounds, options.loop.concurrency, options.loop.channels,
              absl::ToDoubleSeconds(options.loop.warmup), absl::ToDoubleSeconds(options.loop.duration));
  std::printf("%s\n", FormatDetails(report).c_str());
  std::printf("%s\n", FormatCosts(report).c_str());
  std::printf("Machine: %d CPUs (%s), %.1f GiB; load average before %s, after %s\n\n", machine.cpus,
              machine.cpu_model.c_str(), machine.memory_gib, report.load_before.c_str(), report.load_after.c_str());
  std::printf("%s", FormatRows(rows).c_str());
  return WriteText(config.String("json"), ReportJson(report, rows, machine, options));
}

absl::Status Run(const Config& config) {
  std::string address = config.String("target");
  const std::string service = config.String("service");
  ASSIGN_OR_RETURN(bool via_gateway, config.Bool("via_gateway", false));
  if (via_gateway) address = config.String("gateway");
  if (address.empty() && !service.empty()) address = config.String(service + "_addr");
  if (address.empty()) return absl::InvalidArgumentError("give --target, --service or --via_gateway");
  ASSIGN_OR_RETURN(MethodInfo method, ResolveMethod(config.String("method")));
  std::string request = config.String("request", "{}");
  if (!request.empty() && request[0] == '@') {
    ASSIGN_OR_RETURN(request, ReadText(request.substr(1)));
  }
  LoopOptions loop;
  ASSIGN_OR_RETURN(loop.concurrency, config.Int("concurrency", 16));
  ASSIGN_OR_RETURN(loop.channels, config.Int("channels", 4));
  ASSIGN_OR_RETURN(loop.warmup, config.Duration("warmup", absl::Seconds(2)));
  ASSIGN_OR_RETURN(loop.duration, config.Duration("duration", absl::Seconds(10)));
  ASSIGN_OR_RETURN(loop.count, config.Int("count", 0));
  if (loop.concurrency < 1 || loop.channels < 1) {
    return absl::InvalidArgumentError("concurrency and channels must be at least 1");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<TemplateRequests> requests,
                   TemplateRequests::Create(method, request, {}, loop.concurrency));
  ASSIGN_OR_RETURN(std::string bearer, AdminBearer(config));
  Endpoint endpoint{address, method.path, {{"authorization", bearer}}};
  for (absl::string_view kv : absl::StrSplit(config.String("metadata"), ',', absl::SkipEmpty())) {
    std::pair<std::string, std::string> pair = absl::StrSplit(kv, absl::MaxSplits('=', 1));
    endpoint.metadata.push_back(std::move(pair));
  }
  ASSIGN_OR_RETURN(auto channels, OpenChannels(address, loop.channels, absl::Seconds(5)));

  std::vector<ProcessGroup> groups = {{"bench client", {getpid()}}};
  ASSIGN_OR_RETURN(int64_t server_pid, config.Int("server_pid", 0));
  if (server_pid > 0) groups.push_back({"target server", {static_cast<pid_t>(server_pid)}});
  if (auto suite = SuiteProcesses(config.String("run_dir")); suite.ok()) {
    groups.insert(groups.end(), suite->begin(), suite->end());
  }
  CpuMeter meter(groups);
  std::unique_ptr<DbStatusMeter> db_meter;
  if (auto suite_options = SuiteOptionsFrom(config); suite_options.ok() && !suite_options->db.user.empty()) {
    if (auto m = DbStatusMeter::Create(suite_options->db); m.ok()) db_meter = *std::move(m);
  }
  loop.on_window_start = [&] {
    meter.Start();
    if (db_meter) db_meter->Start();
  };
  loop.on_window_end = [&] {
    meter.Stop();
    if (db_meter) db_meter->Stop();
  };
  SuiteReport report;
  Measurement m;
  m.key = method.path.substr(method.path.rfind('/') + 1);
  m.result = RunGrpcLoad(m.key, channels, endpoint, *requests, loop);
  m.cpu_s = meter.used();
  if (db_meter) m.db = db_meter->delta();
  m.status = m.result.ok > 0 ? "ok" : "failed: " + m.result.MainError();
  m.round_calls_per_s = {m.result.calls_per_s()};
  report.measurements.push_back(m);
  std::printf("%s on %s, %d in flight over %d channels, %.1f s window\n", method.path.c_str(), address.c_str(),
              loop.concurrency, loop.channels, m.result.window_s);
  std::printf("%s\n%s", FormatDetails(report).c_str(), FormatCosts(report).c_str());
  return WriteText(config.String("json"), MeasurementJsonText(m));
}

}  // namespace
}  // namespace huinong::bench

int main(int argc, char** argv) {
  using namespace huinong;
  absl::StatusOr<Config> config = Config::FromProcess(argc, argv);
  if (!config.ok()) {
    std::fprintf(stderr, "huinong_bench: %s\n", std::string(config.status().message()).c_str());
    return 2;
  }
  const std::string command = config->positional().empty() ? "" : config->positional()[0];
  if (command == "serve-empty") return bench::ServeEmpty(*config);
  absl::Status s;
  if (command == "suite") {
    s = config->CheckKnown({"plan", "scenarios", "quick", "rounds", "warmup", "duration", "concurrency", "channels",
                            "audit_senders", "json", "work_dir", "run_dir", "gateway", "jwt_hs256_secret_file",
                            "token", "db_port", "db_host", "db_admin_user", "db_admin_password_file"});
    if (s.ok()) s = bench::Suite(*config);
  } else if (command == "run") {
    s = config->CheckKnown({"target", "service", "via_gateway", "method", "request", "metadata", "concurrency",
                            "channels", "warmup", "duration", "count", "server_pid", "json", "token",
                            "jwt_hs256_secret_file", "run_dir", "gateway", "db_port", "db_host", "db_admin_user",
                            "db_admin_password_file"});
    if (s.ok()) s = bench::Run(*config);
  } else {
    std::fprintf(stderr, "usage: huinong_bench suite|run|serve-empty [--flags]; see bench/main.cc\n");
    return 2;
  }
  if (!s.ok()) {
    std::fprintf(stderr, "huinong_bench: %s\n", std::string(s.message()).c_str());
    return 1;
  }
  return 0;
}
