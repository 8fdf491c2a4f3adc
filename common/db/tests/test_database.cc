#include "common/db/tests/test_database.h"

#include <cstdlib>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>
#include <mysql_driver.h>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/core/config.h"
#include "common/core/ids.h"

namespace huinong::db {
namespace {

std::unique_ptr<sql::Connection> Connect(const DbConfig& c, const std::string& schema) {
  sql::ConnectOptionsMap opts;
  opts["hostName"] = sql::SQLString(absl::StrCat("tcp://", c.host, ":", c.port));
  opts["userName"] = sql::SQLString(c.user);
  opts["password"] = sql::SQLString(c.password);
  if (!schema.empty()) opts["schema"] = sql::SQLString(schema);
  opts["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
  return std::unique_ptr<sql::Connection>(sql::mysql::get_mysql_driver_instance()->connect(opts));
}

}  // namespace

std::unique_ptr<TestDatabase> TestDatabase::Create(const std::string& prefix) {
  const char* host = std::getenv("HUINONG_TEST_DB_HOST");
  const char* port = std::getenv("HUINONG_TEST_DB_PORT");
  const char* user = std::getenv("HUINONG_TEST_DB_USER");
  const char* pw_file = std::getenv("HUINONG_TEST_DB_PASSWORD_FILE");
  if (!host || !port || !user || !pw_file) {
    ADD_FAILURE() << "HUINONG_TEST_DB_HOST/_PORT/_USER/_PASSWORD_FILE are not set; run the "
                     "integration tests through scripts/test.sh";
    return nullptr;
  }
  auto password = ReadSecretFile(pw_file);
  if (!password.ok()) {
    ADD_FAILURE() << password.status();
    return nullptr;
  }
  DbConfig server;
  server.host = host;
  server.port = std::atoi(port);
  server.user = user;
  server.password = *password;
  std::string name = absl::AsciiStrToLower(absl::StrCat("t_", prefix, "_", NewUlid().substr(16)));
  try {
    auto conn = Connect(server, "");
    std::unique_ptr<sql::Statement> st(conn->createStatement());
    st->execute(absl::StrCat("CREATE DATABASE `", name, "` CHARACTER SET utf8mb4"));
  } catch (const sql::SQLException& e) {
    ADD_FAILURE() << "cannot create test database: " << e.what();
    return nullptr;
  }
  return std::unique_ptr<TestDatabase>(new TestDatabase(server, name));
}

TestDatabase::TestDatabase(DbConfig server, std::string name)
    : server_(std::move(server)), name_(std::move(name)) {}

TestDatabase::~TestDatabase() {
  try {
    auto conn = Connect(server_, "");
    std::unique_ptr<sql::Statement> st(conn->createStatement());
    st->execute(absl::StrCat("DROP DATABASE IF EXISTS `", name_, "`"));
  } catch (const sql::SQLException&) {
  }
}

DbConfig TestDatabase::config() const {
  DbConfig c = server_;
  c.database = name_;
  return c;
}

std::unique_ptr<sql::Connection> TestDatabase::Admin() const { return Connect(server_, name_); }

void TestDatabase::Exec(const std::string& sql) const {
  try {
    auto conn = Admin();
    std::unique_ptr<sql::Statement> st(conn->createStatement());
    st->execute(sql);
  } catch (const sql::SQLException& e) {
    ADD_FAILURE() << sql << ": " << e.what();
  }
}

std::string TestDatabase::Scalar(const std::string& sql) const {
  try {
    auto conn = Admin();
    std::unique_ptr<sql::Statement> st(conn->createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery(sql));
    if (!rs->next() || rs->isNull(1)) return "";
    return rs->getString(1);
  } catch (const sql::SQLException& e) {
    ADD_FAILURE() << sql << ": " << e.what();
    return "";
  }
}

}  // namespace huinong::db
