// /metrics over cpp-httplib; see endpoint.h.
#include "common/metrics/endpoint.h"

#include <sys/socket.h>

#include <chrono>
#include <httplib.h>

#include "absl/strings/str_cat.h"

namespace huinong::metrics {
namespace {

constexpr char kContentType[] = "text/plain; version=0.0.4; charset=utf-8";

// httplib's default sets SO_REUSEPORT on Linux, which would let a second
// server bind the same port and steal half the scrapes. SO_REUSEADDR alone
// still allows a quick restart over sockets in TIME_WAIT.
void ExclusiveSocketOptions(socket_t sock) {
  int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
}

}  // namespace

MetricsEndpoint::MetricsEndpoint(Registry& registry) : registry_(registry) {}

MetricsEndpoint::~MetricsEndpoint() { Stop(); }

absl::Status MetricsEndpoint::Start(const std::string& host, int port) {
  if (server_ != nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat("metrics endpoint already serving on port ", port_));
  }
  auto server = std::make_unique<httplib::Server>();
  // Scrapes are rare and small: two workers, and a short keep-alive so that
  // Stop() during shutdown is not held up by an idle Prometheus connection.
  server->new_task_queue = [] { return new httplib::ThreadPool(2); };
  server->set_keep_alive_timeout(1);
  server->set_read_timeout(5);
  server->set_write_timeout(5);
  server->set_socket_options(ExclusiveSocketOptions);
  server->Get("/metrics", [this](const httplib::Request&, httplib::Response& response) {
    response.set_content(registry_.Render(), kContentType);
  });

  int bound = port;
  if (port == 0) {
    bound = server->bind_to_any_port(host);
  } else if (!server->bind_to_port(host, port)) {
    bound = -1;
  }
  if (bound <= 0) {
    return absl::UnavailableError(absl::StrCat("metrics endpoint cannot listen on ", host, ":",
                                               port, " (address in use or not available)"));
  }
  // bind_to_port has already called listen(): connections queue from here on.
  httplib::Server* raw = server.get();
  serving_ended_.store(false);
  thread_ = std::thread([this, raw] {
    raw->listen_after_bind();
    serving_ended_.store(true);
  });
  // httplib's stop() is a no-op until the accept loop has started, so wait for
  // it here; otherwise an early Stop() would leave the thread accepting forever.
  while (!raw->is_running() && !serving_ended_.load()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (serving_ended_.load()) {
    thread_.join();
    return absl::InternalError(absl::StrCat("metrics endpoint on ", host, ":", bound,
                                            " stopped accepting right after starting"));
  }
  server_ = std::move(server);
  port_ = bound;
  return absl::OkStatus();
}

void MetricsEndpoint::Stop() {
  if (server_ == nullptr) return;
  server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

}  // namespace huinong::metrics
