// A service's handlers in the test's own process, as its binary runs them:
// a fresh database on the test MariaDB with the runtime migrations and the
// service's own, and the handlers behind the real server bootstrap
// (ServiceHost) on a free port. svc-org's and svc-loans's API fixtures
// start the same way through these two calls.
//
// Guarantees: a failure fails the calling test (gtest assertions) and
// leaves the out-parameters empty; StopInProcess is safe on a host that
// never started.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/channel.h>

#include "common/db/migrations.h"
#include "common/db/pool.h"
#include "common/db/tests/test_database.h"
#include "common/metrics/registry.h"
#include "common/server/call_gate.h"
#include "common/server/service_host.h"
#include "common/server/service_main.h"

namespace huinong::server {

// A database named after `prefix` with `migrations` applied after the
// runtime set, and a pool on it.
void OpenTestDatabase(const std::string& prefix, const db::MigrationSet& migrations,
                      std::unique_ptr<db::TestDatabase>& database, std::unique_ptr<db::DbPool>& pool);

// Hosts `services` (kept alive by the caller) and returns a channel to them.
std::shared_ptr<grpc::Channel> HostInProcess(std::vector<HostedService>& services, metrics::Registry& registry,
                                             CallGate& gate, std::unique_ptr<ServiceHost>& host);

void StopInProcess(std::unique_ptr<ServiceHost>& host);

}  // namespace huinong::server
