// Audit throughput on this machine: events per second appended to svc-audit
// in batches (as an outbox relay sends them), from one or more concurrent
// senders, and events per second verified by VerifyChain over the whole
// chain. Talks to a running suite directly (not through the gateway).
// `huinong_bench suite` runs the same append load (bench/audit_load.h) beside
// its baselines; this tool adds the verification figure and, with the suite's
// run directory (HUINONG_RUN_DIR, set by .run/env), the CPU time svc-audit and
// MariaDB spend per event — steadier than throughput on a shared machine.
//
//   source .run/env && build/bin/audit_bench [--batches 200] [--batch-size 100] [--senders 2]
//                                            [--verify true]   (--batches 0: verify only)
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>

#include <grpcpp/create_channel.h>

#include "bench/audit_load.h"
#include "bench/bench_token.h"
#include "bench/blocking_load.h"
#include "bench/proc_stats.h"
#include "common/core/config.h"
#include "huinong/audit/v1/audit.grpc.pb.h"

namespace {

// CPU seconds of svc-audit and MariaDB while `work` runs; empty without a run directory.
std::map<std::string, double> CpuDuring(const std::string& run_dir, const std::function<void()>& work) {
  auto suite = huinong::bench::SuiteProcesses(run_dir);
  std::vector<huinong::bench::ProcessGroup> groups;
  if (suite.ok()) {
    for (auto& g : *suite) {
      if (g.name == "audit" || g.name == "mariadb") groups.push_back(g);
    }
  }
  huinong::bench::CpuMeter meter(groups);
  meter.Start();
  work();
  meter.Stop();
  return meter.used();
}

void PrintCpu(const char* what, const std::map<std::string, double>& used, double events) {
  if (events <= 0) return;
  for (const auto& [name, seconds] : used) {
    std::printf("%-34s %12.2f\n", (std::string(what) + " CPU us/event " + name).c_str(),
                seconds * 1e6 / events);
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace huinong;
  auto config = Config::FromProcess(argc, argv);
  if (!config.ok()) return 2;
  const std::string addr = config->String("audit_addr", "127.0.0.1:50054");
  auto service_bearer = bench::BearerFor(*config, bench::kAuditBenchService, {"service"});
  auto admin_bearer = bench::AdminBearer(*config);
  if (!service_bearer.ok() || !admin_bearer.ok() || config->String("jwt_hs256_secret_file").empty()) {
    std::fprintf(stderr, "need HUINONG_JWT_HS256_SECRET_FILE (source .run/env)\n");
    return 2;
  }
  const int batches = static_cast<int>(config->Int("batches", 200).value_or(200));
  const int batch_size = static_cast<int>(config->Int("batch_size", 100).value_or(100));
  const int senders = static_cast<int>(config->Int("senders", 2).value_or(2));
  const bool verify = config->Bool("verify", true).value_or(true);
  const std::string run_dir = config->String("run_dir");
  auto channel = grpc::CreateChannel(addr, grpc::InsecureChannelCredentials());
  auto stub = audit::v1::AuditService::NewStub(channel);

  std::printf("%-34s %12s\n", "figure", "value");
  bool ok = true;
  if (batches > 0) {
    bench::LoopOptions options;
    options.concurrency = senders;
    options.warmup = absl::ZeroDuration();
    options.count = batches;
    options.call_timeout = absl::Seconds(60);
    bench::LoadResult append;
    const auto cpu = CpuDuring(run_dir, [&] {
      append = bench::RunBlockingLoad("audit append", options, [&](int) {
        return bench::AppendAuditBatch(*stub, *service_bearer, batch_size, options.call_timeout);
      });
    });
    append.items_per_call = batch_size;
    const double events = static_cast<double>(append.ok) * batch_size;
    std::printf("%-34s %12.0f\n", "events appended", events);
    std::printf("%-34s %12lld\n", "failed batches", static_cast<long long>(append.error_count()));
    std::printf("%-34s %12.0f\n", "append events/s (batches of N)", append.items_per_s());
    std::printf("%-34s %12.1f\n", "batch p99 latency (ms)", append.latency.p99_us / 1000.0);
    std::printf("%-34s %12d\n", "batch size", batch_size);
    std::printf("%-34s %12d\n", "concurrent senders", senders);
    PrintCpu("append", cpu, events);
    if (append.error_count() > 0) std::printf("first failure: %s\n", append.MainError().c_str());
    ok = append.error_count() == 0;
  }
  if (!verify) return ok ? 0 : 1;

  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", *admin_bearer);
  audit::v1::VerifyChainResponse response;
  grpc::Status vs;
  double verify_s = 0;
  const auto cpu = CpuDuring(run_dir, [&] {
    const auto vstart = std::chrono::steady_clock::now();
    vs = stub->VerifyChain(&ctx, audit::v1::VerifyChainRequest(), &response);
    verify_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - vstart).count();
  });
  if (!vs.ok()) {
    std::printf("verify failed: %s\n", vs.error_message().c_str());
    return 1;
  }
  const double checked = static_cast<double>(response.checked_count());
  std::printf("%-34s %12.0f\n", "events verified", checked);
  std::printf("%-34s %12s\n", "chain intact", response.ok() ? "yes" : "NO");
  std::printf("%-34s %12.0f\n", "verify events/s", checked / verify_s);
  PrintCpu("verify", cpu, checked);
  return ok && response.ok() ? 0 : 1;
}
