// See in_process.h.
#include "common/server/tests/in_process.h"

#include <cppconn/connection.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"

namespace huinong::server {

void OpenTestDatabase(const std::string& prefix, const db::MigrationSet& migrations,
                      std::unique_ptr<db::TestDatabase>& database, std::unique_ptr<db::DbPool>& pool) {
  database = db::TestDatabase::Create(prefix);
  ASSERT_NE(database, nullptr);
  pool = db::DbPool::Create(database->config(), nullptr);
  auto conn = pool->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  auto applied = db::ApplyMigrations(**conn, {db::RuntimeMigrations(), migrations});
  ASSERT_TRUE(applied.ok()) << applied.status();
}

std::shared_ptr<grpc::Channel> HostInProcess(std::vector<HostedService>& services, metrics::Registry& registry,
                                             CallGate& gate, std::unique_ptr<ServiceHost>& host) {
  host = std::make_unique<ServiceHost>(HostOptions{}, registry, gate);
  for (auto& s : services) host->AddService(s.service.get(), s.health_name);
  const absl::Status started = host->Start();
  EXPECT_TRUE(started.ok()) << started;
  if (!started.ok()) return nullptr;
  return grpc::CreateChannel(absl::StrCat("127.0.0.1:", host->port()), grpc::InsecureChannelCredentials());
}

void StopInProcess(std::unique_ptr<ServiceHost>& host) {
  if (!host) return;
  host->RequestStop();
  host->WaitForStop();
}

}  // namespace huinong::server
