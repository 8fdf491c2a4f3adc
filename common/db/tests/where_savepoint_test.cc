// The WHERE builder and the savepoint guard against a real MariaDB: filters
// bind their own values in order (strings, numbers, days), an empty filter
// selects everything, and a savepoint undoes only what came after it.
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "common/db/savepoint.h"
#include "common/db/tests/test_database.h"
#include "common/db/where.h"

namespace huinong::db {
namespace {

class WhereTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDatabase::Create("where");
    ASSERT_NE(db_, nullptr);
    db_->Exec("CREATE TABLE loans (id VARCHAR(8) PRIMARY KEY, town VARCHAR(16), fen BIGINT, due DATE)"
              " ENGINE=InnoDB");
    db_->Exec("INSERT INTO loans VALUES ('a', '宫村镇', 500000, '2026-03-31'),"
              " ('b', '宫村镇', 30000000, '2026-12-31'), ('c', '柳泉镇', 500000, '2026-12-31')");
    conn_ = db_->Admin();
  }

  std::vector<std::string> Ids(const Where& where) {
    std::unique_ptr<sql::PreparedStatement> q(
        conn_->prepareStatement("SELECT id FROM loans" + where.Sql() + " ORDER BY id LIMIT ?"));
    q->setInt(where.Bind(*q), 10);
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    std::vector<std::string> ids;
    while (rs->next()) ids.push_back(rs->getString(1));
    return ids;
  }

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<sql::Connection> conn_;
};

TEST_F(WhereTest, NoConditionSelectsEverything) {
  Where where;
  EXPECT_EQ(where.Sql(), "");
  EXPECT_EQ(Ids(where), (std::vector<std::string>{"a", "b", "c"}));
}

TEST_F(WhereTest, ConditionsBindTheirOwnValuesInOrder) {
  Where where;
  where.And("town = ?", {std::string("宫村镇")});
  where.AndIf(false, "fen > ?", {int64_t{0}});  // skipped with its value
  where.And("fen <= ? AND due >= ?", {int64_t{500000}, absl::CivilDay(2026, 1, 1)});
  EXPECT_EQ(where.Sql(), " WHERE town = ? AND fen <= ? AND due >= ?");
  EXPECT_EQ(Ids(where), (std::vector<std::string>{"a"}));
  Where by_day;
  by_day.AndIf(true, "due = ?", {absl::CivilDay(2026, 12, 31)});
  EXPECT_EQ(Ids(by_day), (std::vector<std::string>{"b", "c"}));
}

TEST_F(WhereTest, ASavepointUndoesOnlyWhatCameAfterIt) {
  conn_->setAutoCommit(false);
  std::unique_ptr<sql::Statement> st(conn_->createStatement());
  st->execute("UPDATE loans SET fen = 1 WHERE id = 'a'");
  {
    Savepoint dry_run(*conn_, "dry_run");
    st->execute("UPDATE loans SET fen = 2 WHERE id = 'a'");
    st->execute("DELETE FROM loans WHERE id = 'b'");
    dry_run.RollBack();
  }
  conn_->commit();
  EXPECT_EQ(db_->Scalar("SELECT fen FROM loans WHERE id = 'a'"), "1");
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM loans"), "3");
}

}  // namespace
}  // namespace huinong::db
