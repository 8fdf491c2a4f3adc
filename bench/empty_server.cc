#include "bench/empty_server.h"

#include <cstdio>

#include "common/core/log.h"
#include "common/metrics/registry.h"
#include "common/server/handle.h"
#include "common/server/service_host.h"
#include "common/server/service_main.h"
#include "huinong/bench/v1/bench.grpc.pb.h"

namespace huinong::bench {
namespace {

class EmptyService final : public v1::Empty::Service {
 public:
  explicit EmptyService(server::CallGate& gate) : gate_(gate) {}

  grpc::Status Ping(grpc::ServerContext* ctx, const v1::PingRequest*, v1::PingReply*) override {
    return server::Handle(gate_, *ctx, [](const auth::Principal&) { return absl::OkStatus(); });
  }

 private:
  server::CallGate& gate_;
};

int Fail(const absl::Status& s) {
  log::Error("serve-empty failed", {{"error", s.message()}});
  return 1;
}

}  // namespace

std::unique_ptr<grpc::Service> MakeEmptyService(server::CallGate& gate) {
  return std::make_unique<EmptyService>(gate);
}

int ServeEmpty(const Config& config) {
  server::DisableMutexDeadlockDetection();  // as every service does
  server::InstallStopSignals();
  absl::StatusOr<log::Level> level = log::ParseLevel(config.String("log_level", "info"));
  if (!level.ok()) return Fail(level.status());
  log::Init("bench-empty", *level);

  auto verifier = server::VerifierFromConfig(config);
  if (!verifier.ok()) return Fail(verifier.status());
  metrics::Registry registry;
  metrics::AddProcessMetrics(registry);
  server::CallGate gate(*verifier);
  EmptyService service(gate);

  server::HostOptions options;
  options.listen = config.String("listen", "127.0.0.1:0");
  options.metrics_listen = config.String("metrics_listen", "127.0.0.1:0");
  absl::StatusOr<bool> interceptors = config.Bool("interceptors", true);
  if (!interceptors.ok()) return Fail(interceptors.status());
  options.interceptors = *interceptors;
  options.drain_timeout = absl::Seconds(2);
  server::ServiceHost host(options, registry, gate);
  host.AddService(&service, "huinong.bench.v1.Empty");
  absl::Status started = host.Start();
  if (!started.ok()) return Fail(started);
  std::printf("port %d\n", host.port());
  std::fflush(stdout);
  host.WaitForStop();
  return 0;
}

}  // namespace huinong::bench
