// `huinongctl health`: asks each backend's grpc.health.v1.Health through the
// gateway (which routes health by the x-huinong-backend header), so a green
// result means the gateway, the routing and every service are up together.
// Exit 0 only when every backend reports SERVING for each of its services'
// full names (svc-org serves seven, svc-loans seven: suite_services.h).
#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/connection.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/src/suite_services.h"

namespace huinong::ctl {
namespace {

namespace health = ::grpc::health::v1;

struct BackendHealth {
  std::string backend;
  std::string service;
  bool serving = false;
  std::string status;  // SERVING, NOT_SERVING, ... or "CODE: message" when the call failed
};

std::vector<BackendHealth> CheckAll(const Connection& connection, absl::Duration timeout) {
  auto stub = health::Health::NewStub(connection.channel());
  std::vector<BackendHealth> results;
  for (const SuiteService& backend : SuiteServices()) {
    grpc::ClientContext context;
    connection.Prepare(context, timeout, {{"x-huinong-backend", backend.backend}});
    health::HealthCheckRequest request;
    request.set_service(backend.service);
    health::HealthCheckResponse response;
    const grpc::Status status = stub->Check(&context, request, &response);
    BackendHealth result;
    result.backend = backend.backend;
    result.service = backend.service;
    if (status.ok()) {
      result.serving = response.status() == health::HealthCheckResponse::SERVING;
      result.status = health::HealthCheckResponse::ServingStatus_Name(response.status());
    } else {
      const absl::Status error = rpc::FromGrpcStatus(status);
      result.status = absl::StrCat(absl::StatusCodeToString(error.code()), ": ", error.message());
    }
    results.push_back(std::move(result));
  }
  return results;
}

void Print(const std::vector<BackendHealth>& results, bool json) {
  if (json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const BackendHealth& r : results) {
      out.push_back({{"backend", r.backend}, {"service", r.service}, {"status", r.status}, {"serving", r.serving}});
    }
    std::cout << JsonLine(out) << "\n";
    return;
  }
  Table table({"BACKEND", "SERVICE", "STATUS"});
  for (const BackendHealth& r : results) table.AddRow({r.backend, r.service, r.status});
  std::cout << table.Render();
}

}  // namespace

absl::Status RunHealth(const Invocation& inv) {
  RETURN_IF_ERROR(CheckUsage(inv, {"wait"}, 0));
  // A bare --wait means a minute, the time a cold suite needs to come up.
  absl::StatusOr<absl::Duration> wait = absl::Minutes(1);
  if (inv.config.String("wait") != "true") wait = inv.config.Duration("wait", absl::ZeroDuration());
  if (!wait.ok()) return AsUsageError(wait.status());
  ASSIGN_OR_RETURN(ConnectionOptions options, ConnectionOptionsFrom(inv.config));
  const Connection connection(std::move(options));

  const absl::Time give_up = absl::Now() + *wait;
  std::vector<BackendHealth> results;
  while (true) {
    // While waiting, no single check may outlast the wait itself.
    const absl::Duration left = give_up - absl::Now();
    const absl::Duration per_call =
        *wait > absl::ZeroDuration()
            ? std::min(connection.timeout(), std::max(left, absl::Milliseconds(200)))
            : connection.timeout();
    results = CheckAll(connection, per_call);
    bool all_serving = true;
    for (const BackendHealth& r : results) all_serving = all_serving && r.serving;
    if (all_serving) {
      Print(results, inv.json);
      return absl::OkStatus();
    }
    if (absl::Now() + absl::Milliseconds(500) > give_up) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  Print(results, inv.json);
  int down = 0;
  for (const BackendHealth& r : results) down += r.serving ? 0 : 1;
  return absl::UnavailableError(
      absl::StrCat(down, " of ", results.size(), " services not SERVING",
                   *wait > absl::ZeroDuration() ? absl::StrCat(" after ", absl::FormatDuration(*wait)) : ""));
}

}  // namespace huinong::ctl
