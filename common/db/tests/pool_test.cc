// The pool against a real MariaDB: commit and rollback, whole-transaction
// retry on deadlock, statement timeouts, bounded size, error mapping and
// recovery from a killed connection.
#include <atomic>
#include <thread>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "absl/synchronization/barrier.h"
#include "common/db/pool.h"
#include "common/db/tests/test_database.h"

namespace huinong::db {
namespace {

void Exec(sql::Connection& c, const std::string& sql) {
  std::unique_ptr<sql::Statement> st(c.createStatement());
  st->execute(sql);
}

class PoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDatabase::Create("pool");
    ASSERT_NE(db_, nullptr);
    db_->Exec("CREATE TABLE accounts (id INT PRIMARY KEY, fen BIGINT NOT NULL) ENGINE=InnoDB");
    db_->Exec("INSERT INTO accounts VALUES (1, 100), (2, 200)");
  }
  std::unique_ptr<TestDatabase> db_;
};

TEST_F(PoolTest, CommitsOnOkAndRollsBackOnError) {
  auto pool = DbPool::Create(db_->config(), nullptr);
  ASSERT_TRUE(pool->Transact([](sql::Connection& c) {
    Exec(c, "UPDATE accounts SET fen = fen + 1 WHERE id = 1");
    return absl::OkStatus();
  }).ok());
  absl::Status failed = pool->Transact([](sql::Connection& c) {
    Exec(c, "UPDATE accounts SET fen = fen + 1000 WHERE id = 1");
    return absl::FailedPreconditionError("business rule says no");
  });
  EXPECT_EQ(failed.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(db_->Scalar("SELECT fen FROM accounts WHERE id = 1"), "101");
}

TEST_F(PoolTest, DuplicateKeyIsAlreadyExists) {
  auto pool = DbPool::Create(db_->config(), nullptr);
  absl::Status s = pool->Transact([](sql::Connection& c) {
    Exec(c, "INSERT INTO accounts VALUES (1, 5)");
    return absl::OkStatus();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
}

TEST_F(PoolTest, DeadlockedTransactionIsRunAgainWhole) {
  auto pool = DbPool::Create(db_->config(), nullptr);
  absl::Barrier* both_locked = new absl::Barrier(2);
  std::atomic<int> runs{0};
  auto transfer = [&](int first, int second) {
    return pool->Transact([&, first, second](sql::Connection& c) {
      int run = ++runs;
      Exec(c, "UPDATE accounts SET fen = fen - 1 WHERE id = " + std::to_string(first));
      // Only the first two runs meet at the barrier, so they lock in opposite
      // order and one of them deadlocks; the retry runs alone.
      if (run <= 2 && both_locked->Block()) delete both_locked;
      Exec(c, "UPDATE accounts SET fen = fen + 1 WHERE id = " + std::to_string(second));
      return absl::OkStatus();
    });
  };
  absl::Status a, b;
  std::thread t1([&] { a = transfer(1, 2); });
  std::thread t2([&] { b = transfer(2, 1); });
  t1.join();
  t2.join();
  EXPECT_TRUE(a.ok()) << a;
  EXPECT_TRUE(b.ok()) << b;
  EXPECT_GE(runs.load(), 3);  // one of them ran again
  EXPECT_EQ(db_->Scalar("SELECT SUM(fen) FROM accounts"), "300");
  EXPECT_EQ(db_->Scalar("SELECT fen FROM accounts WHERE id = 1"), "100");
}

TEST_F(PoolTest, StatementTimeoutIsDeadlineExceeded) {
  DbConfig cfg = db_->config();
  cfg.statement_timeout = absl::Seconds(1);
  auto pool = DbPool::Create(cfg, nullptr);
  absl::Status s = pool->Read([](sql::Connection& c) {
    std::unique_ptr<sql::Statement> st(c.createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT SLEEP(5) FROM accounts"));
    while (rs->next()) {
    }
    return absl::OkStatus();
  });
  // MariaDB either aborts the statement (timeout) or SLEEP returns early when
  // interrupted; both mean it did not run to completion.
  EXPECT_EQ(s.code(), absl::StatusCode::kDeadlineExceeded) << s;
}

TEST_F(PoolTest, AConflictTheBodySeesItselfRunsTheBodyAgain) {
  auto pool = DbPool::Create(db_->config(), nullptr);
  int runs = 0;
  absl::Status s = pool->Transact([&](sql::Connection& c) {
    Exec(c, "UPDATE accounts SET fen = fen + 1 WHERE id = 1");
    return ++runs < 3 ? RetryableConflict("not yet") : absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s;
  EXPECT_EQ(runs, 3);
  EXPECT_EQ(db_->Scalar("SELECT fen FROM accounts WHERE id = 1"), "101");  // the two failed runs rolled back
}

TEST_F(PoolTest, BoundedPoolReportsExhaustion) {
  DbConfig cfg = db_->config();
  cfg.pool_size = 1;
  cfg.acquire_timeout = absl::Milliseconds(200);
  auto pool = DbPool::Create(cfg, nullptr);
  absl::Status inner;
  absl::Status outer = pool->Read([&](sql::Connection&) {
    inner = pool->Read([](sql::Connection&) { return absl::OkStatus(); });
    return absl::OkStatus();
  });
  EXPECT_TRUE(outer.ok());
  EXPECT_EQ(inner.code(), absl::StatusCode::kUnavailable);
}

TEST_F(PoolTest, KilledConnectionIsReplaced) {
  DbConfig cfg = db_->config();
  cfg.pool_size = 1;
  cfg.idle_check_after = absl::ZeroDuration();
  auto pool = DbPool::Create(cfg, nullptr);
  std::string id;
  ASSERT_TRUE(pool->Read([&](sql::Connection& c) {
    std::unique_ptr<sql::Statement> st(c.createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT CONNECTION_ID()"));
    rs->next();
    id = rs->getString(1);
    return absl::OkStatus();
  }).ok());
  db_->Exec("KILL CONNECTION " + id);
  std::string fen;
  absl::Status s = pool->Read([&](sql::Connection& c) {
    std::unique_ptr<sql::Statement> st(c.createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT fen FROM accounts WHERE id = 2"));
    rs->next();
    fen = rs->getString(1);
    return absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s;
  EXPECT_EQ(fen, "200");
  EXPECT_TRUE(pool->Ping().ok());
}

TEST(PoolUnreachable, PingFailsFastAndTransactIsUnavailable) {
  DbConfig cfg;
  cfg.port = 1;  // nothing listens there
  cfg.database = "none";
  cfg.user = "nobody";
  cfg.max_attempts = 2;
  auto pool = DbPool::Create(cfg, nullptr);
  EXPECT_EQ(pool->Ping().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(pool->Transact([](sql::Connection&) { return absl::OkStatus(); }).code(),
            absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace huinong::db
