#include "common/server/service_host.h"

#include <semaphore.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <ctime>

#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/buffered_log.h"
#include "common/core/log.h"
#include "common/rpc/errors.h"
#include "common/server/api_reflection.h"
#include "common/server/interceptors.h"

namespace huinong::server {
namespace {

sem_t g_stop_signal;
std::atomic<bool> g_stop_seen{false};

void OnStopSignal(int) { sem_post(&g_stop_signal); }  // async-signal-safe

}  // namespace

void InstallStopSignals() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  sem_init(&g_stop_signal, 0, 0);
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
}

bool StopSignalled() {
  if (g_stop_seen.load()) return true;
  if (sem_trywait(&g_stop_signal) == 0) g_stop_seen = true;
  return g_stop_seen.load();
}

absl::StatusOr<std::pair<std::string, int>> SplitHostPort(const std::string& address,
                                                           const std::string& field) {
  size_t colon = address.rfind(':');
  int port = 0;
  if (colon == std::string::npos || colon == 0 ||
      !absl::SimpleAtoi(address.substr(colon + 1), &port) || port < 0 || port > 65535) {
    return rpc::InvalidField(field, absl::StrCat("must be host:port, got \"", address, "\""));
  }
  return std::make_pair(address.substr(0, colon), port);
}

ServiceHost::ServiceHost(HostOptions options, metrics::Registry& registry, CallGate& gate)
    : options_(std::move(options)), registry_(registry), gate_(gate) {
  InstallStopSignals();
}

ServiceHost::~ServiceHost() {
  if (server_ && !stopped_) {
    RequestStop();
    WaitForStop();
  }
}

void ServiceHost::AddService(grpc::Service* service, std::string health_name) {
  services_.emplace_back(service, std::move(health_name));
}

void ServiceHost::SetReadiness(std::function<absl::Status()> check) {
  readiness_ = std::move(check);
}

void ServiceHost::OnStop(std::function<void()> hook) { stop_hooks_.push_back(std::move(hook)); }

int ServiceHost::metrics_port() const { return endpoint_ ? endpoint_->port() : 0; }

absl::Status ServiceHost::Start() {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options_.listen, grpc::InsecureServerCredentials(), &port_);
  builder.SetMaxReceiveMessageSize(options_.max_receive_bytes);
  // Keepalive pings from clients and the gateway are welcome; dead peers are noticed.
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 60000);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10000);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PING_STRIKES, 0);
  for (auto& [service, name] : services_) builder.RegisterService(service);
  // Reflection describes the whole Huinong API from any service (api_reflection.h).
  reflection_ = std::make_unique<ApiReflectionService>();
  builder.RegisterService(reflection_.get());
  if (options_.interceptors) {
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> factories;
    factories.push_back(MakeCallInterceptorFactory(registry_, gate_));
    builder.experimental().SetInterceptorCreators(std::move(factories));
  }
  server_ = builder.BuildAndStart();
  if (!server_ || port_ == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", options_.listen));
  }
  SetServing(false);
  if (!options_.metrics_listen.empty()) {
    auto hp = SplitHostPort(options_.metrics_listen, "metrics_listen");
    if (!hp.ok()) return hp.status();
    endpoint_ = std::make_unique<metrics::MetricsEndpoint>(registry_);
    absl::Status s = endpoint_->Start(hp->first, hp->second);
    if (!s.ok()) return s;
  }
  readiness_thread_ = std::thread([this] { ReadinessLoop(); });
  return absl::OkStatus();
}

void ServiceHost::SetServing(bool serving) {
  auto* health = server_->GetHealthCheckService();
  if (health == nullptr) return;
  health->SetServingStatus("", serving);
  for (const auto& [service, name] : services_) health->SetServingStatus(name, serving);
  if (serving_.exchange(serving) != serving) {
    log::Info(serving ? "serving" : "not serving", {{"port", port_}});
  }
}

void ServiceHost::ReadinessLoop() {
  do {
    absl::Status ready = readiness_ ? readiness_() : absl::OkStatus();
    if (stopping_.HasBeenNotified()) break;
    if (!ready.ok() && serving_.load()) {
      log::Warn("readiness check failed", {{"error", std::string(ready.message())}});
    }
    SetServing(ready.ok());
  } while (!stopping_.WaitForNotificationWithTimeout(options_.readiness_interval));
}

void ServiceHost::RequestStop() {
  if (!stopping_.HasBeenNotified()) stopping_.Notify();
}

void ServiceHost::WaitForStop() {
  while (!stopping_.HasBeenNotified()) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 100 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000000000) {
      deadline.tv_sec += 1;
      deadline.tv_nsec -= 1000000000;
    }
    if (g_stop_seen.load() || sem_timedwait(&g_stop_signal, &deadline) == 0) {
      log::Info("stop signal received; draining", {{"drain_timeout_s",
                                                    absl::ToInt64Seconds(options_.drain_timeout)}});
      RequestStop();
    }
  }
  if (stopped_) return;
  stopped_ = true;
  if (readiness_thread_.joinable()) readiness_thread_.join();
  if (auto* health = server_->GetHealthCheckService()) health->Shutdown();
  serving_ = false;
  if (options_.shutdown_grace > absl::ZeroDuration()) absl::SleepFor(options_.shutdown_grace);
  // Refuses new calls at once; in-flight ones get until the deadline.
  server_->Shutdown(std::chrono::system_clock::now() +
                    std::chrono::milliseconds(absl::ToInt64Milliseconds(options_.drain_timeout)));
  server_->Wait();
  // Every call has ended, so every access-log line is in a buffer by now.
  log::FlushBuffered();
  for (auto& hook : stop_hooks_) hook();
  if (endpoint_) endpoint_->Stop();
  log::Info("stopped", {});
}

}  // namespace huinong::server
