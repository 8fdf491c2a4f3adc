// Hosts a service's gRPC server the same way in every Huinong binary:
// interceptors (request id, authentication, metrics, access log), the
// standard health service (NOT_SERVING until the readiness check passes and
// whenever it fails — e.g. while the database is unreachable), server
// reflection of the whole Huinong API (api_reflection.h), the Prometheus /metrics endpoint on its own port, and a
// graceful stop on SIGTERM/SIGINT: health goes NOT_SERVING, new calls are
// still accepted for `shutdown_grace` (so balancers notice first), then
// refused; in-flight calls get `drain_timeout` to finish; then every
// buffered access-log line is written (none is lost on a clean stop) and the
// stop hooks (e.g. flushing the outbox relay) run.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <grpcpp/server.h>

#include "absl/status/status.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "common/metrics/endpoint.h"
#include "common/metrics/registry.h"
#include "common/server/call_gate.h"

namespace huinong::server {

class ApiReflectionService;

struct HostOptions {
  std::string listen = "127.0.0.1:0";  // ":0" picks a free port (tests)
  std::string metrics_listen;          // "host:port"; empty means no endpoint
  bool interceptors = true;            // off only for the benchmark baseline
  absl::Duration drain_timeout = absl::Seconds(15);
  // Between going NOT_SERVING and refusing new calls: time for load balancers
  // and Kubernetes endpoints to stop routing here (0 locally; ~5 s on a cluster).
  absl::Duration shutdown_grace = absl::ZeroDuration();
  absl::Duration readiness_interval = absl::Seconds(1);
  int max_receive_bytes = 4 << 20;
};

// Installs the SIGTERM/SIGINT handlers that WaitForStop listens to. Call once,
// early in main.
void InstallStopSignals();
// True once a stop signal has arrived (for work done before WaitForStop,
// such as waiting for the database at start-up). WaitForStop still sees it.
bool StopSignalled();

class ServiceHost {
 public:
  ServiceHost(HostOptions options, metrics::Registry& registry, CallGate& gate);
  ~ServiceHost();

  // `health_name` is the name health checks ask for (the service's full name).
  void AddService(grpc::Service* service, std::string health_name);
  // Polled every readiness_interval; health is SERVING only while it is OK.
  void SetReadiness(std::function<absl::Status()> check);
  // Runs after the server has drained, in order.
  void OnStop(std::function<void()> hook);

  absl::Status Start();
  int port() const { return port_; }
  int metrics_port() const;

  // Blocks until a stop signal or RequestStop(), then drains and stops.
  void WaitForStop();
  void RequestStop();

 private:
  void ReadinessLoop();
  void SetServing(bool serving);

  HostOptions options_;
  metrics::Registry& registry_;
  CallGate& gate_;
  std::vector<std::pair<grpc::Service*, std::string>> services_;
  std::function<absl::Status()> readiness_;
  std::vector<std::function<void()>> stop_hooks_;
  std::unique_ptr<ApiReflectionService> reflection_;  // before server_: outlives it
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<metrics::MetricsEndpoint> endpoint_;
  std::thread readiness_thread_;
  absl::Notification stopping_;
  std::atomic<bool> serving_{false};
  bool stopped_ = false;
  int port_ = 0;
};

// "host:port" -> {host, port}; INVALID_ARGUMENT naming `field` otherwise.
absl::StatusOr<std::pair<std::string, int>> SplitHostPort(const std::string& address,
                                                           const std::string& field);

}  // namespace huinong::server
