#include "bench/suite.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <grpcpp/create_channel.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "bench/audit_load.h"
#include "bench/bench_token.h"
#include "bench/blocking_load.h"
#include "bench/child_server.h"
#include "bench/db_status.h"
#include "bench/grpc_load.h"
#include "bench/prepared_inputs.h"
#include "bench/proc_stats.h"
#include "bench/setup_steps.h"
#include "common/core/status_macros.h"
#include "huinong/audit/v1/audit.grpc.pb.h"

namespace huinong::bench {

const Measurement* SuiteReport::Find(const std::string& key) const {
  for (const auto& m : measurements) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

namespace {

constexpr char kPing[] = "huinong.bench.v1.Empty/Ping";
constexpr char kServices[][8] = {"org", "tickets", "loans", "audit"};

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string line;
  std::getline(in, line);
  return std::string(absl::StripAsciiWhitespace(line));
}

// A scenario ready to measure, or the reason it cannot be.
struct Ready {
  const Scenario* scenario = nullptr;
  std::string why_not;  // empty: ready
  MethodInfo method;
  std::unique_ptr<TemplateRequests> requests;
  std::unique_ptr<PreparedInputs> prepared;  // scenarios with "prepare"
  std::string bearer;                        // the scenario's caller
  Variables vars;                            // for its table-size steps
  RequestSource& source() const {
    return prepared ? static_cast<RequestSource&>(*prepared) : static_cast<RequestSource&>(*requests);
  }
};

// Threads making prepared inputs: enough to keep the suite busy, so the
// untimed preparation takes about as long as the measurement.
constexpr int kPrepareThreads = 8;

class Run {
 public:
  Run(const Plan& plan, const SuiteOptions& options)
      : plan_(plan),
        options_(options),
        channels_(options.service_addr),
        databases_(options.db),
        unloaded_(options.loop) {
    unloaded_.concurrency = 1;
    unloaded_.channels = 1;
  }

  absl::StatusOr<SuiteReport> Go(const Config& config) {
    ASSIGN_OR_RETURN(groups_, SuiteProcesses(options_.run_dir));
    groups_.push_back({"bench client", {getpid()}});
    ASSIGN_OR_RETURN(bearer_, AdminBearer(config));
    callers_ = std::make_unique<Callers>(bearer_, [&config](const std::string& subject, const std::string& unit) {
      return BearerFor(config, subject, {}, unit);
    });
    context_ = std::make_unique<StepContext>(StepContext{channels_, *callers_, databases_});
    ASSIGN_OR_RETURN(service_bearer_, BearerFor(config, kAuditBenchService, {"service"}));
    std::filesystem::create_directories(options_.work_dir);
    report_.load_before = LoadAverage();
    for (const char* s : kServices) {
      if (auto rss = Rss(s); rss.ok()) report_.rss_idle_mib[s] = *rss;
    }
    RETURN_IF_ERROR(StartBaselines());
    Variables vars;
    const absl::Status setup = RunSteps(plan_.setup, *context_, vars);
    if (!setup.ok()) Say("setup: %s", std::string(setup.message()).c_str());
    for (const Scenario& sc : plan_.scenarios) ready_.push_back(Prepare(sc, setup, vars));
    RETURN_IF_ERROR(PrepareDatabase());
    if (!options_.db.user.empty()) {
      auto meter = DbStatusMeter::Create(options_.db);
      if (meter.ok()) db_meter_ = *std::move(meter);
      else Say("no database counters: %s", std::string(meter.status().message()).c_str());
    }

    for (int round = 1; round <= options_.rounds; ++round) {
      Say("round %d of %d", round, options_.rounds);
      OneRound(round % 2 == 0);
    }
    for (const Ready& r : ready_) MeasureSizes(r);
    empty_on_.reset();
    empty_bare_.reset();
    for (const char* s : kServices) {
      if (auto rss = Rss(s); rss.ok()) report_.rss_after_mib[s] = *rss;
    }
    report_.load_after = LoadAverage();
    Finish();
    return std::move(report_);
  }

 private:
  template <class... Args>
  static void Say(const char* format, Args... args) {
    std::fprintf(stderr, "bench: ");
    std::fprintf(stderr, format, args...);
    std::fprintf(stderr, "\n");
  }

  absl::StatusOr<double> Rss(const std::string& group) const {
    for (const auto& g : groups_) {
      if (g.name == group) return RssMiB(g.pids[0]);
    }
    return absl::NotFoundError(group);
  }

  absl::Status StartBaselines() {
    const absl::Duration wait = absl::Seconds(30);
    ASSIGN_OR_RETURN(empty_on_, ChildServer::Start({"serve-empty", "--interceptors=true"},
                                                   options_.work_dir + "/empty-handler.log", wait));
    ASSIGN_OR_RETURN(empty_bare_, ChildServer::Start({"serve-empty", "--interceptors=false"},
                                                     options_.work_dir + "/empty-bare.log", wait));
    groups_.push_back({"baseline server", {empty_on_->pid(), empty_bare_->pid()}});
    absl::SleepFor(absl::Seconds(1));  // past start-up allocations
    ASSIGN_OR_RETURN(report_.baseline_rss_idle_mib, RssMiB(empty_on_->pid()));
    return absl::OkStatus();
  }

  Ready Prepare(const Scenario& sc, const absl::Status& plan_setup, Variables vars) {
    Ready r;
    r.scenario = &sc;
    if (sc.kind == "audit_append") return r;
    absl::Status s = RunSteps(sc.setup, *context_, vars);
    absl::StatusOr<MethodInfo> method = ResolveMethod(sc.method);
    if (s.ok() && !method.ok()) s = method.status();
    if (s.ok()) {
      absl::StatusOr<std::string> bearer = callers_->Bearer(sc.as, vars);
      if (bearer.ok()) r.bearer = *bearer;
      s = bearer.status();
    }
    if (s.ok() && sc.prepared) {
      r.method = *method;
      r.prepared = std::make_unique<PreparedInputs>(StepItems(sc, r.method, *context_, vars));
      s = r.prepared->TopUp(1, 1);  // the probe's item
      if (!s.ok() && !plan_setup.ok()) s = plan_setup;
    } else if (s.ok()) {
      r.method = *method;
      auto requests = TemplateRequests::Create(r.method, sc.request, vars, options_.loop.concurrency);
      if (!requests.ok() && !plan_setup.ok()) s = plan_setup;  // the missing variable's real cause
      if (s.ok()) s = requests.status();
      if (s.ok()) r.requests = *std::move(requests);
    }
    r.vars = vars;
    if (s.ok()) s = Probe(r);
    if (!s.ok()) {
      r.why_not = WhyNot(s);
      Say("%s: %s", sc.name.c_str(), r.why_not.c_str());
    }
    return r;
  }

  absl::Status Probe(Ready& r) {
    ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> channel, channels_.For(r.scenario->service));
    Endpoint e{"", r.method.path, Metadata(r, false)};
    absl::Status s = CallOnce(*channel, e, r.source().Next(0), absl::Seconds(10)).status();
    if (absl::IsUnimplemented(s)) return absl::UnimplementedError(ShortMethod(r.scenario->method));
    return s;
  }

  std::vector<std::pair<std::string, std::string>> Metadata(const Ready& r, bool gateway) const {
    const Scenario& sc = *r.scenario;
    std::vector<std::pair<std::string, std::string>> md = {{"authorization", r.bearer}};
    md.insert(md.end(), sc.metadata.begin(), sc.metadata.end());
    const bool named = std::any_of(sc.metadata.begin(), sc.metadata.end(),
                                   [](const auto& kv) { return kv.first == "x-huinong-backend"; });
    if (gateway && !named) md.emplace_back("x-huinong-backend", sc.service);
    return md;
  }

  bool Needs(const std::string& baseline) const {
    return std::any_of(ready_.begin(), ready_.end(), [&](const Ready& r) {
      return r.why_not.empty() && r.scenario->baseline == baseline;
    });
  }

  absl::Status PrepareDatabase() {
    if (!Needs("raw_insert") && !Needs("raw_insert_batch")) return absl::OkStatus();
    if (options_.db.user.empty()) {
      return absl::FailedPreconditionError("HUINONG_DB_ADMIN_USER / _PASSWORD_FILE are not set (source .run/env)");
    }
    const int pool = std::max(options_.loop.concurrency, options_.audit_senders);
    ASSIGN_OR_RETURN(raw_, RawInsertBench::Prepare(options_.db, pool));
    return absl::OkStatus();
  }

  // Runs one measurement with CPU metered over its window.
  void Measure(const std::string& key, const std::function<LoadResult(const LoopOptions&)>& run,
               const LoopOptions& base) {
    LoopOptions o = base;
    CpuMeter meter(groups_);
    o.on_window_start = [&] {
      meter.Start();
      if (db_meter_) db_meter_->Start();
    };
    o.on_window_end = [&] {
      meter.Stop();
      if (db_meter_) db_meter_->Stop();
    };
    LoadResult r = run(o);
    r.label = key;
    Say("%-28s %9.0f calls/s  p50 %6.2f ms  p99 %6.2f ms  errors %lld", key.c_str(), r.calls_per_s(),
        r.latency.p50_us / 1000, r.latency.p99_us / 1000, static_cast<long long>(r.error_count()));
    rounds_[key].push_back({std::move(r), meter.used(), db_meter_ ? db_meter_->delta() : DbDelta()});
    if (std::find(order_.begin(), order_.end(), key) == order_.end()) order_.push_back(key);
  }

  void MeasureGrpc(const std::string& key, const std::string& address, const Endpoint& endpoint,
                   RequestSource& requests, const LoopOptions& loop) {
    auto channels = OpenChannels(address, loop.channels, absl::Seconds(5));
    if (!channels.ok()) {
      Fail(key, WhyNot(channels.status()));
      return;
    }
    Measure(key, [&](const LoopOptions& o) { return RunGrpcLoad(key, *channels, endpoint, requests, o); }, loop);
  }

  void Fail(const std::string& key, const std::string& why) {
    failed_[key] = why;
    if (std::find(order_.begin(), order_.end(), key) == order_.end()) order_.push_back(key);
  }

  void MeasureEmpty(const std::string& key, const ChildServer& server) {
    auto method = ResolveMethod(kPing);
    auto requests = TemplateRequests::Create(*method, "{}", {}, 1);
    Endpoint e{"", method->path, {{"authorization", bearer_}}};
    MeasureGrpc(key, absl::StrCat("127.0.0.1:", server.port()), e, **requests, options_.loop);
  }

  using Step = std::function<void()>;

  // Each `via` at the run's concurrency; and, when the scenario has a
  // latency target for the gateway, each again with one call in flight: at
  // saturation a closed loop's latency is concurrency / throughput (queueing),
  // so only the unloaded pair shows what the hop itself adds.
  void AddScenarioSteps(const Ready& r, std::vector<Step>& steps) {
    const Scenario& sc = *r.scenario;
    if (!sc.table_sizes.sizes.empty()) return;  // measured after the rounds (MeasureSizes)
    const bool probe_latency = sc.gateway_max_p99_added_ms > 0 && sc.via.size() > 1;
    const LoopOptions* const loops[] = {&options_.loop, &unloaded_};
    for (const LoopOptions* loop : loops) {
      if (loop == &unloaded_ && !probe_latency) break;
      for (const std::string& via : sc.via) {
        const std::string key = absl::StrCat(sc.name, "/", via, loop == &unloaded_ ? kUnloaded : "");
        steps.push_back([this, &r, key, via, loop] { MeasureVia(r, key, via == "gateway", *loop); });
      }
    }
  }

  void MeasureVia(const Ready& r, const std::string& key, bool gateway, const LoopOptions& loop) {
    const Scenario& sc = *r.scenario;
    if (!r.why_not.empty()) return Fail(key, r.why_not);
    absl::StatusOr<std::string> address =
        gateway ? absl::StatusOr<std::string>(options_.gateway) : channels_.Address(sc.service);
    if (!address.ok() || address->empty()) {
      return Fail(key, gateway ? "HUINONG_GATEWAY is not set" : WhyNot(address.status()));
    }
    Endpoint e{"", r.method.path, Metadata(r, gateway)};
    if (r.prepared) {
      const int64_t wanted = ItemsFor(sc.prepare.max_rate, loop);
      const int64_t before = r.prepared->made();
      const absl::Time start = absl::Now();
      if (absl::Status s = r.prepared->TopUp(wanted, kPrepareThreads); !s.ok()) return Fail(key, WhyNot(s));
      Say("%s: prepared %lld inputs in %.0f s (%lld waiting)", key.c_str(),
          static_cast<long long>(r.prepared->made() - before), absl::ToDoubleSeconds(absl::Now() - start),
          static_cast<long long>(r.prepared->unused()));
    }
    MeasureGrpc(key, *address, e, r.source(), loop);
    if (r.prepared && r.prepared->exhausted()) {
      ran_out_[key] = absl::StrCat("failed: ran out of prepared inputs; raise prepare.max_rate above ",
                                   sc.prepare.max_rate, "/s");
    }
  }

  // A sized scenario: each size's steps (untimed), then `rounds`
  // measurements back to back; the cleanup before the first size (a run
  // that stopped half-way) and after the last.
  void MeasureSizes(const Ready& r) {
    const Scenario& sc = *r.scenario;
    if (sc.table_sizes.sizes.empty()) return;
    Variables vars = r.vars;
    auto run = [&](const std::vector<CallStep>& steps, const std::string& what) {
      const absl::Time start = absl::Now();
      absl::Status s = RunSteps(steps, *context_, vars);
      Say("%s: %s in %.0f s%s", sc.name.c_str(), what.c_str(), absl::ToDoubleSeconds(absl::Now() - start),
          s.ok() ? "" : (": " + WhyNot(s)).c_str());
      return s;
    };
    absl::Status s = r.why_not.empty() ? run(sc.table_sizes.cleanup, "cleanup") : absl::OkStatus();
    for (const TableSize& size : sc.table_sizes.sizes) {
      const std::string key = absl::StrCat(SizedName(sc, size), "/direct");
      if (!r.why_not.empty()) {
        Fail(key, r.why_not);
        continue;
      }
      if (s.ok()) s = run(size.steps, "table at " + size.label);
      if (!s.ok()) {
        Fail(key, WhyNot(s));
        continue;
      }
      for (int round = 1; round <= options_.rounds; ++round) MeasureVia(r, key, false, options_.loop);
    }
    if (r.why_not.empty()) run(sc.table_sizes.cleanup, "cleanup").IgnoreError();
  }

  void MeasureAudit(const Ready& r) {
    const Scenario& sc = *r.scenario;
    const std::string key = absl::StrCat(sc.name, "/direct");
    auto address = channels_.Address(sc.service);
    if (!address.ok()) return Fail(key, WhyNot(address.status()));
    auto stub = audit::v1::AuditService::NewStub(
        grpc::CreateChannel(*address, grpc::InsecureChannelCredentials()));
    LoopOptions o = options_.loop;
    o.concurrency = options_.audit_senders;
    o.call_timeout = absl::Seconds(60);
    Measure(key, [&](const LoopOptions& lo) {
      LoadResult res = RunBlockingLoad(key, lo, [&](int) {
        return AppendAuditBatch(*stub, service_bearer_, sc.batch_size, lo.call_timeout);
      });
      res.items_per_call = sc.batch_size;
      return res;
    }, o);
  }

  void MeasureRaw(const std::string& key, int rows, int concurrency) {
    LoopOptions o = options_.loop;
    o.concurrency = concurrency;
    Measure(key, [&](const LoopOptions& lo) { return raw_->Run(key, rows, lo); }, o);
  }

  // One round's measurements in their order: each pair (baseline, figure)
  // adjacent. Even rounds run it backwards, so a drift of the shared
  // machine's load during the run (A B | B A) favours neither side of a pair.
  void OneRound(bool backwards) {
    std::vector<Step> steps;
    steps.push_back([this] { MeasureEmpty("empty_handler", *empty_on_); });
    steps.push_back([this] { MeasureEmpty("empty_bare", *empty_bare_); });
    for (const Ready& r : ready_) {
      if (r.scenario->kind == "read") AddScenarioSteps(r, steps);
    }
    if (raw_ && Needs("raw_insert")) {
      steps.push_back([this] { MeasureRaw("raw_insert", 1, options_.loop.concurrency); });
    }
    for (const Ready& r : ready_) {
      if (r.scenario->kind == "write") AddScenarioSteps(r, steps);
    }
    for (const Ready& r : ready_) {
      if (r.scenario->kind != "audit_append") continue;
      if (raw_ && r.scenario->baseline == "raw_insert_batch") {
        steps.push_back([this, &r] {
          MeasureRaw("raw_insert_batch", r.scenario->batch_size, options_.audit_senders);
        });
      }
      steps.push_back([this, &r] { MeasureAudit(r); });
    }
    if (backwards) std::reverse(steps.begin(), steps.end());
    for (const Step& step : steps) step();
  }

  // Every round of a measurement pooled into one figure.
  void Finish() {
    for (const std::string& key : order_) {
      Measurement m;
      m.key = key;
      auto failed = failed_.find(key);
      const std::vector<RoundResult>& rounds = rounds_[key];
      if (auto ran_out = ran_out_.find(key); ran_out != ran_out_.end()) {
        m.status = ran_out->second;
      } else if (failed != failed_.end() && rounds.empty()) {
        m.status = failed->second;
      } else {
        std::vector<LoadResult> parts;
        for (const RoundResult& round : rounds) {
          m.round_calls_per_s.push_back(round.result.calls_per_s());
          parts.push_back(round.result);
          for (const auto& [group, sec] : round.cpu_s) m.cpu_s[group] += sec;
          for (const auto& [counter, v] : round.db) m.db[counter] += v;
        }
        m.result = Pool(parts);
        m.status = m.result.ok > 0 ? "ok" : absl::StrCat("failed: ", m.result.MainError());
      }
      report_.measurements.push_back(std::move(m));
    }
  }

  const Plan& plan_;
  const SuiteOptions& options_;
  Channels channels_;
  Databases databases_;
  std::unique_ptr<Callers> callers_;
  std::unique_ptr<StepContext> context_;
  LoopOptions unloaded_;  // one call in flight: latency without queueing
  std::vector<ProcessGroup> groups_;
  std::string bearer_;
  std::string service_bearer_;
  std::unique_ptr<ChildServer> empty_on_;
  std::unique_ptr<ChildServer> empty_bare_;
  std::unique_ptr<RawInsertBench> raw_;
  std::vector<Ready> ready_;
  std::vector<std::string> order_;
  using DbDelta = std::map<std::string, double>;
  struct RoundResult {
    LoadResult result;
    std::map<std::string, double> cpu_s;
    DbDelta db;
  };
  std::unique_ptr<DbStatusMeter> db_meter_;
  std::map<std::string, std::vector<RoundResult>> rounds_;
  std::map<std::string, std::string> failed_;
  std::map<std::string, std::string> ran_out_;  // prepared inputs ran out: no number for the key
  SuiteReport report_;
};

}  // namespace

absl::StatusOr<SuiteReport> RunSuite(const Plan& plan, const SuiteOptions& options, const Config& config) {
  Run run(plan, options);
  return run.Go(config);
}

}  // namespace huinong::bench
