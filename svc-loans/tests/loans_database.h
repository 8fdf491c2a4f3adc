// A scratch database with svc-loans's schema, fresh for each test, on the
// real MariaDB that scripts/test.sh starts (common/db/tests/test_database.h).
#pragma once

#include <memory>

#include <cppconn/connection.h>
#include <gtest/gtest.h>

#include "common/db/migrations.h"
#include "common/db/pool.h"
#include "common/db/tests/test_database.h"
#include "svc-loans/src/store/migrations.h"

namespace huinong::loans {

class LoansDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = db::TestDatabase::Create("loans");
    ASSERT_NE(database_, nullptr);
    pool_ = db::DbPool::Create(database_->config(), nullptr);
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(*conn);
    ASSERT_TRUE(db::ApplyMigrations(*conn_, {db::RuntimeMigrations(), Migrations()}).ok());
  }
  sql::Connection& conn() { return *conn_; }

 private:
  std::unique_ptr<db::TestDatabase> database_;
  std::unique_ptr<db::DbPool> pool_;
  std::unique_ptr<sql::Connection> conn_;
};

}  // namespace huinong::loans
