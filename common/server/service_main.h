// The whole start-up of a Huinong service, shared by the four binaries so
// each main.cc is wiring only: configuration (flags over HUINONG_*
// environment over defaults), JSON logging, the database pool, migrations
// (`--migrate-only` applies them and exits, for a Kubernetes Job), token
// verification, metrics, the gRPC host, and the wait for SIGTERM.
//
// Configuration keys common to every service (flag --key / env HUINONG_KEY):
//   listen, metrics_listen, log_level,
//   db_host, db_port, db_name, db_user, db_password_file, db_pool_size,
//   db_statement_timeout, db_wait (how long to wait for the database at start),
//   jwt_hs256_secret_file | jwt_public_key_file, jwt_issuer, jwt_audience,
//   drain_timeout, shutdown_grace, migrate_only, interceptors,
//   audit_addr (svc-audit "host:port" for the outbox relay; empty: events wait
//   in the outbox), service_token_file (the relay's service-account token;
//   without it the relay mints one from jwt_hs256_secret_file),
//   county_time_zone (IANA name; business dates are days there; default
//   Asia/Shanghai).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/impl/service_type.h>

#include "absl/status/statusor.h"
#include "common/core/business_clock.h"
#include "common/core/config.h"
#include "common/db/migrations.h"
#include "common/db/pool.h"
#include "common/metrics/registry.h"
#include "common/server/call_gate.h"

namespace huinong::outbox {
class OutboxRelay;
}

namespace huinong::server {

// What a service's build step gets to wire its handlers.
struct ServiceContext {
  const Config& config;
  db::DbPool& pool;
  metrics::Registry& metrics;
  CallGate& gate;
  // The audit outbox relay, for handlers that want to Notify() it after a
  // commit; null when the service relays nothing (no audit_addr, or svc-audit).
  outbox::OutboxRelay* outbox = nullptr;
  // Registers work to run at shutdown, after in-flight calls have drained
  // (e.g. stopping a background job).
  std::function<void(std::function<void()>)> on_stop;
  // Registers work to run once the schema is migrated, before the service
  // reports SERVING (e.g. starting a background job that needs its tables).
  std::function<void(std::function<absl::Status()>)> on_start;
  // "Now" and "today" in the county's time zone (county_time_zone).
  std::shared_ptr<const BusinessClock> clock;
};

struct HostedService {
  std::string health_name;  // the service's full name, e.g. "huinong.org.v1.UnitService"
  std::unique_ptr<grpc::Service> service;
};

struct ServiceSpec {
  std::string name;             // "svc-org": log and metrics identity
  std::string default_listen;   // "127.0.0.1:50051"
  std::string default_metrics;  // "127.0.0.1:9101"
  std::string default_db_name;  // "huinong_org"
  std::string default_db_user;  // "huinong_org"
  // The service's own migrations; the shared runtime set is applied first.
  std::vector<db::MigrationSet> migrations;
  // Run the audit outbox relay (when audit_addr is set). svc-audit turns it
  // off: it appends its own events to the chain directly.
  bool relay_outbox = true;
  // Flags of this service beyond the common ones.
  std::vector<std::string> extra_flags;
  std::function<absl::StatusOr<std::vector<HostedService>>(ServiceContext&)> build;
};

// The suite's standard identity for service number `index` (1 org, 2 tickets,
// 3 loans, 4 audit): "svc-<short_name>", gRPC port 50050+index, metrics port
// 9100+index, database and user "huinong_<short_name>".
ServiceSpec StandardSpec(const std::string& short_name, int index);

// A build step hosting one handler object, made from the context, whose
// health status is reported under `health_name`.
template <class Make>
std::function<absl::StatusOr<std::vector<HostedService>>(ServiceContext&)> Host(
    std::string health_name, Make make) {
  return [health_name, make](ServiceContext& ctx) -> absl::StatusOr<std::vector<HostedService>> {
    std::vector<HostedService> services;
    services.push_back({health_name, make(ctx)});
    return services;
  };
}

// Returns the process exit code.
int RunService(int argc, char** argv, const ServiceSpec& spec);

// Turns off Abseil's lock-order (deadlock) detection for the whole process;
// RunService does this first. Debian builds Abseil without NDEBUG, so by
// default every absl::Mutex acquisition — gRPC's own included — also records
// the lock in a global graph under a global spin lock: on the empty-handler
// server about 13 000 instructions of every call (docs/performance.md).
// Tests keep the detection, which is where it finds bugs.
void DisableMutexDeadlockDetection();

// The verifier from jwt_* configuration (exposed for tools and tests).
absl::StatusOr<std::shared_ptr<const auth::TokenVerifier>> VerifierFromConfig(const Config& config);

}  // namespace huinong::server
