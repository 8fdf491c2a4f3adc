// A bounded pool of MariaDB connections (MySQL Connector/C++ 1.1) for one
// service's own database.
//
// Guarantees:
// - at most `pool_size` connections exist; Acquire waits up to
//   `acquire_timeout` and then fails with UNAVAILABLE instead of queueing forever;
// - a connection idle for longer than `idle_check_after` is checked before reuse,
//   and a broken one is replaced (reconnect) transparently;
// - every statement runs under MariaDB's max_statement_time, so a runaway
//   query fails with DEADLINE_EXCEEDED instead of holding a connection;
// - Transact runs the whole body again after a deadlock or lock-wait timeout
//   (and after a lost connection, which cannot have committed), with backoff;
// - Connector/C++ exceptions never escape: they become absl::Status values.
// Store code works with sql::Connection inside Transact/Read bodies.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace sql {
class Connection;
class SQLException;
}  // namespace sql

namespace huinong::metrics {
class Registry;
}

namespace huinong::db {

struct DbConfig {
  std::string host = "127.0.0.1";
  int port = 3306;
  std::string database;
  std::string user;
  std::string password;
  int pool_size = 8;
  absl::Duration connect_timeout = absl::Seconds(5);
  absl::Duration statement_timeout = absl::Seconds(10);
  absl::Duration acquire_timeout = absl::Seconds(5);
  absl::Duration idle_check_after = absl::Seconds(30);
  int max_attempts = 5;  // whole-transaction attempts on deadlock / lost connection
};

// Maps a Connector/C++ exception to a status: duplicate key -> ALREADY_EXISTS,
// deadlock / lock wait -> ABORTED, statement timeout -> DEADLINE_EXCEEDED,
// connection errors -> UNAVAILABLE, anything else -> INTERNAL.
absl::Status StatusFromSqlError(const sql::SQLException& e);
// True for the statuses Transact runs the whole body again for (deadlock,
// lock-wait timeout, lost connection). Code that maps errors inside a
// transaction must pass these through unchanged, or the retry never happens.
bool IsRetryable(const absl::Status& status);
// ABORTED that Transact treats like a deadlock: for a conflict seen by the
// body itself (a claimed request id that vanished before it could be read).
absl::Status RetryableConflict(absl::string_view message);
// MariaDB error numbers the code above and callers care about.
inline constexpr int kErrDuplicateKey = 1062;
inline constexpr int kErrLockWaitTimeout = 1205;
inline constexpr int kErrDeadlock = 1213;

class DbPool {
 public:
  using Body = std::function<absl::Status(sql::Connection&)>;

  // Does not connect: the first use does, so a service can start (NOT_SERVING)
  // while its database is still coming up. `registry` may be null.
  static std::unique_ptr<DbPool> Create(DbConfig config, metrics::Registry* registry);
  ~DbPool();
  DbPool(const DbPool&) = delete;
  DbPool& operator=(const DbPool&) = delete;

  // Runs `body` in one transaction: commit when it returns OK, roll back
  // otherwise. Retried whole on deadlock, lock-wait timeout or lost connection.
  absl::Status Transact(const Body& body);
  // Runs `body` on a connection in autocommit mode (reads).
  absl::Status Read(const Body& body);
  // A dedicated connection outside the pool (migrations hold a session lock on it).
  absl::StatusOr<std::unique_ptr<sql::Connection>> Connect();
  // True when a connection can be made and answers `SELECT 1`.
  absl::Status Ping();

  const DbConfig& config() const;

 private:
  struct State;
  explicit DbPool(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace huinong::db
