// A savepoint in the current transaction, for work that may have to be undone
// without giving up the whole transaction (a dry run, a step that may be
// refused). Guarantees: the savepoint is set on construction; RollBack()
// undoes everything done since and keeps the transaction going; a savepoint
// neither rolled back nor released simply ends with its transaction (MariaDB
// discards it at COMMIT or ROLLBACK), so an early return leaks nothing.
// Database errors throw sql::SQLException, as every store call does inside
// DbPool::Transact, which turns them into statuses.
#pragma once

#include <string>

namespace sql {
class Connection;
}

namespace huinong::db {

class Savepoint {
 public:
  // `name`: an SQL identifier of [a-z_], fixed by the caller, never user input.
  Savepoint(sql::Connection& conn, std::string name);
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;

  void RollBack();
  void Release();

 private:
  sql::Connection& conn_;
  std::string name_;
};

}  // namespace huinong::db
