// The HTTP side of metrics: prometheus-cpp's Exposer (libprometheus-cpp-pull,
// civetweb underneath) serves a Registry at GET /metrics on its own port, as
// "text/plain; charset=utf-8" (text format 0.0.4). It is the only handler:
// "/" and every other path answer 404, except that civetweb matches by
// prefix, so "/metrics/x" and "/metricsx" serve the metrics too. Health is
// gRPC's health service on the service port, never HTTP. Besides the
// registry's families the Exposer adds its own exposer_scrapes_total,
// exposer_transferred_bytes_total and exposer_request_latencies (a summary),
// and gzips the body when the scraper asks for it.
//
// Guarantees: Start() returns only once the socket is listening (a scrape
// right after it succeeds) and fails if the port is taken (civetweb does not
// set SO_REUSEPORT, so two processes cannot silently share a port). Stop() is
// idempotent, waits for the serving threads, and is called by the destructor;
// after a scrape it can take up to 2 s (civetweb's mg_stop polls its listening
// socket in 2 s quanta, civetweb issue #1163). Start/Stop are meant to be
// called from one owning thread. A registry destroyed while the endpoint
// still serves is simply no longer scraped (the Exposer holds a weak_ptr).
#pragma once

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "common/metrics/registry.h"

namespace prometheus {
class Exposer;
}

namespace huinong::metrics {

class MetricsEndpoint {
 public:
  explicit MetricsEndpoint(Registry& registry);
  ~MetricsEndpoint();
  MetricsEndpoint(const MetricsEndpoint&) = delete;
  MetricsEndpoint& operator=(const MetricsEndpoint&) = delete;

  // `host` is an IP address (civetweb does not resolve names). Port 0 picks a
  // free port; port() tells which.
  absl::Status Start(const std::string& host, int port);
  int port() const { return port_; }  // the bound port, 0 before Start
  void Stop();

 private:
  Registry& registry_;
  std::unique_ptr<prometheus::Exposer> exposer_;  // null when not serving
  int port_ = 0;
};

}  // namespace huinong::metrics
