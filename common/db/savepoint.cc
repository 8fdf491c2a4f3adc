// See savepoint.h.
#include "common/db/savepoint.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/statement.h>

namespace huinong::db {
namespace {

void Execute(sql::Connection& conn, const std::string& statement) {
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  st->execute(statement);
}

}  // namespace

Savepoint::Savepoint(sql::Connection& conn, std::string name) : conn_(conn), name_(std::move(name)) {
  Execute(conn_, "SAVEPOINT " + name_);
}

void Savepoint::RollBack() { Execute(conn_, "ROLLBACK TO SAVEPOINT " + name_); }

void Savepoint::Release() { Execute(conn_, "RELEASE SAVEPOINT " + name_); }

}  // namespace huinong::db
