// Prepared statements reused per pooled connection, against a real MariaDB:
// the server's own per-session counters say how often a statement was
// prepared, so a cache that silently prepares again fails these tests.
#include <map>
#include <string>
#include <vector>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/db/pool.h"
#include "common/db/statements.h"
#include "common/db/tests/test_database.h"

namespace huinong::db {
namespace {

// This session's count of a status counter ("Com_stmt_prepare", "Com_commit"...).
int64_t SessionCounter(sql::Connection& c, const std::string& name) {
  std::unique_ptr<sql::Statement> st(c.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SHOW SESSION STATUS LIKE '" + name + "'"));
  return rs->next() ? std::stoll(rs->getString(2)) : -1;
}

int64_t FenOf(sql::Connection& c, int id) {
  Statement q = Prepare(c, "SELECT fen FROM accounts WHERE id = ?");
  q->setInt(1, id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  return rs->next() ? rs->getInt64(1) : -1;
}

class StatementsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDatabase::Create("stmts");
    ASSERT_NE(db_, nullptr);
    db_->Exec("CREATE TABLE accounts (id INT PRIMARY KEY, fen BIGINT NOT NULL) ENGINE=InnoDB");
    db_->Exec("INSERT INTO accounts VALUES (1, 100), (2, 200)");
    DbConfig config = db_->config();
    config.pool_size = 1;  // every body below runs on the same connection
    pool_ = DbPool::Create(config, nullptr);
  }
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<DbPool> pool_;
};

TEST_F(StatementsTest, AStatementIsPreparedOncePerConnectionAndReusedWithFreshParameters) {
  int64_t prepares_before = -1;
  ASSERT_TRUE(pool_->Read([&](sql::Connection& c) {
    prepares_before = SessionCounter(c, "Com_stmt_prepare");
    EXPECT_EQ(FenOf(c, 1), 100);
    return absl::OkStatus();
  }).ok());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(pool_->Read([&](sql::Connection& c) {
      EXPECT_EQ(FenOf(c, 2), 200);  // the same statement, another parameter
      EXPECT_EQ(SessionCounter(c, "Com_stmt_prepare"), prepares_before + 1);
      return absl::OkStatus();
    }).ok());
  }
}

TEST_F(StatementsTest, NestedUseOfTheSameSqlGetsAStatementOfItsOwn) {
  ASSERT_TRUE(pool_->Read([&](sql::Connection& c) {
    Statement outer = Prepare(c, "SELECT fen FROM accounts WHERE id = ?");
    outer->setInt(1, 1);
    std::unique_ptr<sql::ResultSet> rs(outer->executeQuery());
    EXPECT_EQ(FenOf(c, 2), 200);  // same SQL while `outer` is busy
    EXPECT_TRUE(rs->next());
    EXPECT_EQ(rs->getInt64(1), 100);  // the outer result was not disturbed
    return absl::OkStatus();
  }).ok());
}

TEST_F(StatementsTest, ATransactionCostsOneCommandToOpenAndOneToCommit) {
  const std::vector<std::string> counters = {"Com_begin", "Com_commit", "Com_set_option",
                                             "Com_stmt_prepare", "Com_stmt_execute"};
  std::map<std::string, int64_t> before;
  ASSERT_TRUE(pool_->Read([&](sql::Connection& c) {
    for (const std::string& name : counters) before[name] = SessionCounter(c, name);
    return absl::OkStatus();
  }).ok());
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(pool_->Transact([&](sql::Connection& c) {
      Statement q = Prepare(c, "UPDATE accounts SET fen = fen + 1 WHERE id = ?");
      q->setInt(1, 1);
      q->executeUpdate();
      return absl::OkStatus();
    }).ok());
  }
  ASSERT_TRUE(pool_->Read([&](sql::Connection& c) {
    std::map<std::string, int64_t> delta;
    for (const std::string& name : counters) delta[name] = SessionCounter(c, name) - before[name];
    EXPECT_EQ(delta["Com_begin"], 2);       // START TRANSACTION
    EXPECT_EQ(delta["Com_commit"], 2);
    EXPECT_EQ(delta["Com_set_option"], 0);  // no autocommit toggles
    EXPECT_EQ(delta["Com_stmt_prepare"], 1);
    EXPECT_EQ(delta["Com_stmt_execute"], 2);
    EXPECT_EQ(FenOf(c, 1), 102);
    return absl::OkStatus();
  }).ok());
}

TEST_F(StatementsTest, ARolledBackTransactionLeavesNothingAndTheConnectionUsable) {
  absl::Status failed = pool_->Transact([&](sql::Connection& c) {
    Statement q = Prepare(c, "UPDATE accounts SET fen = fen + 1000 WHERE id = ?");
    q->setInt(1, 1);
    q->executeUpdate();
    return absl::FailedPreconditionError("no");
  });
  EXPECT_EQ(failed.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(db_->Scalar("SELECT fen FROM accounts WHERE id = 1"), "100");
  ASSERT_TRUE(pool_->Read([&](sql::Connection& c) {
    std::unique_ptr<sql::Statement> st(c.createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT @@autocommit, @@in_transaction"));
    EXPECT_TRUE(rs->next());
    EXPECT_EQ(rs->getInt(1), 1);  // reads stay in autocommit mode
    EXPECT_EQ(rs->getInt(2), 0);
    return absl::OkStatus();
  }).ok());
}

TEST_F(StatementsTest, TheCacheIsBoundedAndOtherConnectionsOwnTheirStatements) {
  ASSERT_TRUE(pool_->Read([&](sql::Connection& c) {
    auto open_statements = [&] {
      return SessionCounter(c, "Com_stmt_prepare") - SessionCounter(c, "Com_stmt_close");
    };
    const int64_t open_before = open_statements();
    for (size_t i = 0; i < kMaxCachedStatements + 10; ++i) {
      Statement q = Prepare(c, absl::StrCat("SELECT fen + ", i, " FROM accounts WHERE id = ?"));
      q->setInt(1, 1);
      std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
      EXPECT_TRUE(rs->next());
      EXPECT_EQ(rs->getInt64(1), 100 + static_cast<int64_t>(i));
    }
    // The statements this session holds open on the server stay within the bound.
    const int64_t open_after = open_statements();
    EXPECT_GT(open_after - open_before, 0);
    EXPECT_LE(open_after - open_before, static_cast<int64_t>(kMaxCachedStatements));
    return absl::OkStatus();
  }).ok());
  std::unique_ptr<sql::Connection> admin = db_->Admin();
  EXPECT_EQ(FenOf(*admin, 2), 200);  // not lent by a pool: an owned statement
  EXPECT_EQ(FenOf(*admin, 1), 100);
}

std::string Marks(int n) {
  std::string marks;
  for (int i = 0; i < n; ++i) marks += i == 0 ? "?" : ", ?";
  return marks;
}

TEST(CacheableTest, WideFixedStatementsAreKeptAndDataShapedOnesAreNot) {
  // A 21-column INSERT is one fixed text: kept.
  EXPECT_TRUE(Cacheable("INSERT INTO tickets VALUES (" + Marks(21) + ")"));
  EXPECT_TRUE(Cacheable("INSERT INTO t VALUES (" + Marks(kMaxCachedPlaceholders) + ")"));
  EXPECT_FALSE(Cacheable("INSERT INTO t VALUES (" + Marks(kMaxCachedPlaceholders + 1) + ")"));
  // IN lists vary with the data: up to the in-list bound, summed over the lists.
  EXPECT_TRUE(Cacheable("SELECT a FROM t WHERE id IN (" + Marks(kMaxCachedInListPlaceholders) + ")"));
  EXPECT_FALSE(Cacheable("SELECT a FROM t WHERE id IN (" + Marks(kMaxCachedInListPlaceholders + 1) + ")"));
  EXPECT_FALSE(Cacheable("SELECT a FROM t WHERE x IN (" + Marks(9) + ") AND y IN (" + Marks(8) + ")"));
  // A JOIN's parenthesis is no IN list.
  EXPECT_TRUE(Cacheable("SELECT a FROM t JOIN (SELECT " + Marks(20) + ") u ON TRUE WHERE b = ?"));
}

TEST_F(StatementsTest, ALongInListIsNotCachedAndAFailedBodyLeavesAFreshCache) {
  int64_t prepares = -1;
  ASSERT_TRUE(pool_->Read([&](sql::Connection& c) {
    EXPECT_EQ(FenOf(c, 1), 100);  // cached from here on
    std::string marks = "?";
    for (int i = 1; i <= kMaxCachedInListPlaceholders; ++i) marks += ",?";
    for (int round = 0; round < 2; ++round) {
      Statement q = Prepare(c, "SELECT COUNT(*) FROM accounts WHERE id IN (" + marks + ")");
      for (int i = 1; i <= kMaxCachedInListPlaceholders + 1; ++i) q->setInt(i, i);
      std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
      EXPECT_TRUE(rs->next());
      EXPECT_EQ(rs->getInt(1), 2);
    }
    prepares = SessionCounter(c, "Com_stmt_prepare");
    EXPECT_EQ(FenOf(c, 1), 100);  // still cached: no prepare
    EXPECT_EQ(SessionCounter(c, "Com_stmt_prepare"), prepares);
    return absl::OkStatus();
  }).ok());
  absl::Status failed = pool_->Read([&](sql::Connection& c) {
    Statement q = Prepare(c, "SELECT fen FROM no_such_table WHERE id = ?");
    return absl::OkStatus();
  });
  EXPECT_EQ(failed.code(), absl::StatusCode::kInternal);
  ASSERT_TRUE(pool_->Read([&](sql::Connection& c) {
    const int64_t before = SessionCounter(c, "Com_stmt_prepare");
    EXPECT_EQ(FenOf(c, 1), 100);  // the cache was started afresh: prepared again
    EXPECT_EQ(SessionCounter(c, "Com_stmt_prepare"), before + 1);
    return absl::OkStatus();
  }).ok());
}

}  // namespace
}  // namespace huinong::db
