// The HTTP side of metrics: GET /metrics on its own port serves
// Registry::Render() as text/plain; version=0.0.4. Every other path is 404.
//
// Guarantees: Start() returns only once the socket is listening (a scrape
// right after it succeeds) and fails if the port is taken (the socket does not
// use SO_REUSEPORT, so two processes cannot silently share a port). Stop() is
// idempotent, waits for the serving thread, and is called by the destructor.
// Start/Stop are meant to be called from one owning thread.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "common/metrics/registry.h"

namespace httplib {
class Server;
}

namespace huinong::metrics {

class MetricsEndpoint {
 public:
  explicit MetricsEndpoint(Registry& registry);
  ~MetricsEndpoint();
  MetricsEndpoint(const MetricsEndpoint&) = delete;
  MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

  // Port 0 picks a free port; port() tells which.
  absl::Status Start(const std::string& host, int port);
  int port() const { return port_; }  // the bound port, 0 before Start
  void Stop();

 private:
  Registry& registry_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::atomic<bool> serving_ended_{false};  // set by thread_ when the accept loop returns
  int port_ = 0;
};

}  // namespace huinong::metrics
