// /metrics over prometheus-cpp's Exposer; see endpoint.h.
#include "common/metrics/endpoint.h"

#include <exception>
#include <vector>

#include <prometheus/exposer.h>

#include "absl/strings/str_cat.h"

namespace huinong::metrics {

MetricsEndpoint::MetricsEndpoint(Registry& registry) : registry_(registry) {}

MetricsEndpoint::~MetricsEndpoint() { Stop(); }

absl::Status MetricsEndpoint::Start(const std::string& host, int port) {
  if (exposer_ != nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat("metrics endpoint already serving on port ", port_));
  }
  // An IPv6 literal needs brackets in civetweb's listening_ports.
  const std::string address = host.find(':') == std::string::npos
                                  ? absl::StrCat(host, ":", port)
                                  : absl::StrCat("[", host, "]:", port);
  std::unique_ptr<prometheus::Exposer> exposer;
  try {
    // Scrapes are rare and small: two worker threads. civetweb binds and
    // listens inside the constructor, and throws when it cannot.
    exposer = std::make_unique<prometheus::Exposer>(address, /*num_threads=*/2);
  } catch (const std::exception& e) {
    return absl::UnavailableError(absl::StrCat("metrics endpoint cannot listen on ", address,
                                               " (address in use or not available): ", e.what()));
  }
  const std::vector<int> ports = exposer->GetListeningPorts();
  if (ports.empty() || ports.front() <= 0) {
    return absl::InternalError(absl::StrCat("metrics endpoint on ", address, " has no port"));
  }
  exposer->RegisterCollectable(registry_.exposition());
  exposer_ = std::move(exposer);
  port_ = ports.front();
  return absl::OkStatus();
}

void MetricsEndpoint::Stop() {
  // The Exposer's destructor stops civetweb and joins its threads.
  exposer_.reset();
}

}  // namespace huinong::metrics
