// Migrations against a real MariaDB: applied once and recorded, an edited
// file refused, and concurrent migrators serialised by the lock.
#include <thread>

#include <cppconn/connection.h>
#include <gtest/gtest.h>

#include "common/db/migrations.h"
#include "common/db/tests/test_database.h"
#include "common/rpc/errors.h"

namespace huinong::db {
namespace {

MigrationSet Sample() {
  return {"sample",
          {{1, "0001_widgets", "CREATE TABLE IF NOT EXISTS widgets (id INT PRIMARY KEY);\n"},
           {2, "0002_widget_rows", "INSERT INTO widgets VALUES (1);\nINSERT INTO widgets VALUES (2);\n"}}};
}

TEST(Migrations, ApplyOnceAndRecord) {
  auto db = TestDatabase::Create("mig");
  ASSERT_NE(db, nullptr);
  auto pool = DbPool::Create(db->config(), nullptr);
  auto conn = pool->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();

  auto first = ApplyMigrations(**conn, {RuntimeMigrations(), Sample()});
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->applied, static_cast<int>(RuntimeMigrations().migrations.size()) + 2);
  EXPECT_EQ(first->already, 0);

  auto second = ApplyMigrations(**conn, {RuntimeMigrations(), Sample()});
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->applied, 0);
  // Rows inserted by 0002 exist exactly once: it did not run again.
  EXPECT_EQ(db->Scalar("SELECT COUNT(*) FROM widgets"), "2");
  EXPECT_EQ(db->Scalar("SELECT COUNT(*) FROM schema_migrations WHERE component='sample'"), "2");
  EXPECT_EQ(db->Scalar("SELECT checksum FROM schema_migrations WHERE component='sample' AND version=2"),
            MigrationChecksum(Sample().migrations[1].sql));
}

TEST(Migrations, RefuseAnEditedFile) {
  auto db = TestDatabase::Create("mig");
  ASSERT_NE(db, nullptr);
  auto pool = DbPool::Create(db->config(), nullptr);
  auto conn = pool->Connect();
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE(ApplyMigrations(**conn, {Sample()}).ok());

  MigrationSet edited = Sample();
  edited.migrations[0].sql = "CREATE TABLE IF NOT EXISTS widgets (id BIGINT PRIMARY KEY);\n";
  auto result = ApplyMigrations(**conn, {edited});
  EXPECT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(result.status()), "MIGRATION_EDITED");
  EXPECT_NE(result.status().message().find("0001_widgets"), std::string_view::npos);
}

TEST(Migrations, NewMigrationsApplyAfterOldOnes) {
  auto db = TestDatabase::Create("mig");
  ASSERT_NE(db, nullptr);
  auto pool = DbPool::Create(db->config(), nullptr);
  auto conn = pool->Connect();
  ASSERT_TRUE(conn.ok());
  ASSERT_TRUE(ApplyMigrations(**conn, {Sample()}).ok());
  MigrationSet grown = Sample();
  grown.migrations.push_back({3, "0003_more", "INSERT INTO widgets VALUES (3);\n"});
  auto r = ApplyMigrations(**conn, {grown});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->applied, 1);
  EXPECT_EQ(r->already, 2);
  EXPECT_EQ(db->Scalar("SELECT COUNT(*) FROM widgets"), "3");
}

TEST(Migrations, OutOfOrderVersionsAreRefused) {
  auto db = TestDatabase::Create("mig");
  ASSERT_NE(db, nullptr);
  auto pool = DbPool::Create(db->config(), nullptr);
  auto conn = pool->Connect();
  ASSERT_TRUE(conn.ok());
  MigrationSet bad{"bad", {{2, "0002_b", "SELECT 1;"}, {1, "0001_a", "SELECT 1;"}}};
  EXPECT_EQ(ApplyMigrations(**conn, {bad}).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(Migrations, ConcurrentMigratorsDoNotRace) {
  auto db = TestDatabase::Create("mig");
  ASSERT_NE(db, nullptr);
  // A migration that fails if it runs twice (no IF NOT EXISTS), slow enough
  // that the migrators overlap — and longer than the pool's statement limit,
  // which neither the migration nor the waiting for its lock may be cut by.
  MigrationSet racy{"racy",
                    {{1, "0001_slow", "DO SLEEP(1.5);\nCREATE TABLE gadgets (id INT PRIMARY KEY);\n"},
                     {2, "0002_rows", "INSERT INTO gadgets VALUES (1);\n"}}};
  constexpr int kMigrators = 4;
  std::vector<absl::StatusOr<MigrationReport>> results(kMigrators, absl::UnknownError("not run"));
  std::vector<std::thread> threads;
  DbConfig cfg = db->config();
  cfg.statement_timeout = absl::Seconds(1);
  auto pool = DbPool::Create(cfg, nullptr);
  for (int i = 0; i < kMigrators; ++i) {
    threads.emplace_back([&, i] {
      auto conn = pool->Connect();
      if (!conn.ok()) {
        results[i] = conn.status();
        return;
      }
      results[i] = ApplyMigrations(**conn, {racy});
    });
  }
  for (auto& t : threads) t.join();
  int applied = 0;
  for (const auto& r : results) {
    ASSERT_TRUE(r.ok()) << r.status();
    applied += r->applied;
  }
  EXPECT_EQ(applied, 2);  // each migration applied by exactly one migrator
  EXPECT_EQ(db->Scalar("SELECT COUNT(*) FROM gadgets"), "1");
  EXPECT_EQ(db->Scalar("SELECT COUNT(*) FROM schema_migrations WHERE component='racy'"), "2");
}

}  // namespace
}  // namespace huinong::db
