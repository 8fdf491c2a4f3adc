#include <gtest/gtest.h>

#include "common/db/migrations.h"

namespace huinong::db {
namespace {

TEST(SplitStatements, SplitsOnLineEndingSemicolonsAndDropsComments) {
  auto stmts = SplitStatements(
      "-- a comment; with a semicolon\n"
      "CREATE TABLE a (\n  x INT -- trailing words\n);\n"
      "\n"
      "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES ('x;y')");
  ASSERT_EQ(stmts.size(), 3u);
  EXPECT_EQ(stmts[0], "CREATE TABLE a (\n  x INT -- trailing words\n)");
  EXPECT_EQ(stmts[1], "INSERT INTO a VALUES (1)");
  EXPECT_EQ(stmts[2], "INSERT INTO a VALUES ('x;y')");
}

TEST(MigrationChecksum, IsSha256Hex) {
  EXPECT_EQ(MigrationChecksum(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_NE(MigrationChecksum("CREATE TABLE a (x INT);"),
            MigrationChecksum("CREATE TABLE a (x INT );"));
}

TEST(RuntimeMigrations, AreEmbeddedInOrder) {
  const MigrationSet& set = RuntimeMigrations();
  EXPECT_EQ(set.component, "runtime");
  ASSERT_FALSE(set.migrations.empty());
  EXPECT_EQ(set.migrations[0].version, 1);
  EXPECT_EQ(set.migrations[0].name, "0001_request_log");
  EXPECT_NE(set.migrations[0].sql.find("CREATE TABLE IF NOT EXISTS request_log"), std::string::npos);
}

}  // namespace
}  // namespace huinong::db

#include "common/db/sql_time.h"

namespace huinong::db {
namespace {

TEST(SqlTime, InfiniteTimesBecomeTheDatetimeBounds) {
  EXPECT_EQ(SqlDateTime(absl::InfinitePast()), "1000-01-01 00:00:00.000000");
  EXPECT_EQ(SqlDateTime(absl::InfiniteFuture()), "9999-12-31 23:59:59.999999");
  EXPECT_EQ(SqlDateTime(absl::FromUnixMicros(1795000000123456)), "2026-11-18 11:06:40.123456");
  EXPECT_EQ(ParseSqlDateTime("2026-11-18 11:06:40.123456"), absl::FromUnixMicros(1795000000123456));
}

}  // namespace
}  // namespace huinong::db
