// Integration-test access to the real MariaDB that scripts/test.sh starts.
// Each TestDatabase is a fresh, uniquely named database, dropped afterwards,
// so tests never see each other's rows. The server is named by
// HUINONG_TEST_DB_HOST / _PORT / _USER / _PASSWORD_FILE; when they are missing
// the test fails (an integration test that silently skips proves nothing).
#pragma once

#include <memory>
#include <string>

#include "common/db/pool.h"

namespace huinong::db {

class TestDatabase {
 public:
  // Fails the calling test (ADD_FAILURE) and returns nullptr when the server
  // is not configured or reachable.
  static std::unique_ptr<TestDatabase> Create(const std::string& prefix);
  ~TestDatabase();

  const std::string& name() const { return name_; }
  // Admin credentials scoped (by `database`) to this scratch database.
  DbConfig config() const;
  // A fresh admin connection with this database selected (for tampering / checks).
  std::unique_ptr<sql::Connection> Admin() const;
  // Runs one statement as admin; fails the test on error.
  void Exec(const std::string& sql) const;
  // First column of the first row as a string ("" when none).
  std::string Scalar(const std::string& sql) const;

 private:
  TestDatabase(DbConfig server, std::string name);
  DbConfig server_;
  std::string name_;
};

}  // namespace huinong::db
