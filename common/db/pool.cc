#include "common/db/pool.h"

#include <deque>
#include <random>
#include <thread>
#include <utility>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/core/log.h"
#include "common/core/mask.h"
#include "common/db/statements.h"
#include "common/metrics/registry.h"
#include "common/rpc/errors.h"

namespace huinong::db {
namespace {

constexpr absl::string_view kRetryable = "DB_RETRYABLE";

bool IsConnectionError(int code) {
  switch (code) {
    case 1053:  // server shutdown in progress
    case 1927:  // connection killed
    case 2002: case 2003: case 2005: case 2006: case 2013: case 2055:
      return true;
    default:
      return false;
  }
}

// Client-side errors (2000-2999: "commands out of sync", "table was altered"
// under a cached statement, ...) leave the connection's protocol state
// unknown, so such a connection is dropped rather than lent again.
bool LeavesConnectionUnusable(int code) { return IsConnectionError(code) || (code >= 2000 && code < 3000); }

// A pooled connection and the statements prepared on it.
struct Lease {
  std::unique_ptr<sql::Connection> conn;
  std::unique_ptr<StatementCache> statements;

  void Close() {
    statements.reset();  // its statements are closed while the connection lives
    conn.reset();
  }
};

struct Idle {
  Lease lease;
  absl::Time last_used;
};

// Transactions are opened and ended with text commands on a connection that
// stays in autocommit mode: one round trip each, where toggling autocommit
// around the body (Connector/C++'s setAutoCommit) costs two more.
void Execute(sql::Connection& conn, const char* command) {
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  st->execute(command);
}

}  // namespace

bool IsRetryable(const absl::Status& s) { return rpc::ReasonOf(s) == kRetryable; }

absl::Status RetryableConflict(absl::string_view message) {
  return rpc::WithReason(absl::AbortedError(message), kRetryable);
}

absl::Status StatusFromSqlError(const sql::SQLException& e) {
  const int code = e.getErrorCode();
  if (code == kErrDuplicateKey) {
    return rpc::AlreadyExists("DUPLICATE_KEY", "a record with the same key already exists");
  }
  if (code == kErrDeadlock || code == kErrLockWaitTimeout) {
    return RetryableConflict("transaction conflicted; retry");
  }
  if (code == 1969 || code == 3024) {
    return rpc::WithReason(absl::DeadlineExceededError("database statement timed out"),
                           "DB_STATEMENT_TIMEOUT");
  }
  if (IsConnectionError(code)) {
    return rpc::WithReason(absl::UnavailableError("database unavailable"), kRetryable);
  }
  // MariaDB messages echo values ("Duplicate entry '...'"): mask personal data.
  return absl::InternalError(absl::StrCat("database error ", code, " (", e.getSQLStateCStr(),
                                          "): ", mask::PersonalData(e.what())));
}

struct DbPool::State {
  DbConfig config;
  sql::mysql::MySQL_Driver* driver = nullptr;
  absl::Mutex mu;
  std::deque<Idle> idle ABSL_GUARDED_BY(mu);
  int open ABSL_GUARDED_BY(mu) = 0;  // idle + in use
  absl::Mutex ping_mu;
  std::unique_ptr<sql::Connection> ping_conn ABSL_GUARDED_BY(ping_mu);
  metrics::HistogramFamily* acquire_seconds = nullptr;
  metrics::HistogramFamily* tx_seconds = nullptr;
  metrics::CounterFamily* retries = nullptr;
  metrics::CounterFamily* errors = nullptr;

  absl::StatusOr<std::unique_ptr<sql::Connection>> NewConnection() {
    try {
      sql::ConnectOptionsMap opts;
      opts["hostName"] = sql::SQLString(absl::StrCat("tcp://", config.host, ":", config.port));
      opts["userName"] = sql::SQLString(config.user);
      opts["password"] = sql::SQLString(config.password);
      opts["schema"] = sql::SQLString(config.database);
      opts["OPT_CONNECT_TIMEOUT"] = static_cast<int>(absl::ToInt64Seconds(config.connect_timeout));
      // The network timeout only backs up max_statement_time, so it is longer.
      const int io_timeout = static_cast<int>(absl::ToInt64Seconds(config.statement_timeout)) + 5;
      opts["OPT_READ_TIMEOUT"] = io_timeout;
      opts["OPT_WRITE_TIMEOUT"] = io_timeout;
      opts["OPT_RECONNECT"] = false;  // a silent reconnect would lose the transaction
      opts["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
      std::unique_ptr<sql::Connection> conn(driver->connect(opts));
      std::unique_ptr<sql::Statement> st(conn->createStatement());
      st->execute("SET time_zone = '+00:00'");
      st->execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
      st->execute(absl::StrCat("SET SESSION max_statement_time = ",
                               absl::ToDoubleSeconds(config.statement_timeout)));
      return conn;
    } catch (const sql::SQLException& e) {
      log::Warn("database connect failed", {{"db", config.database}, {"code", e.getErrorCode()},
                                            {"error", std::string(e.what())}});
      return rpc::WithReason(absl::UnavailableError("database unavailable"), kRetryable);
    }
  }

  static bool Alive(sql::Connection& conn) {
    try {
      std::unique_ptr<sql::Statement> st(conn.createStatement());
      std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT 1"));
      return true;
    } catch (const sql::SQLException&) {
      return false;
    }
  }

  absl::StatusOr<Lease> Acquire() {
    const absl::Time start = absl::Now();
    Idle taken;
    bool may_open = false;
    {
      absl::MutexLock lock(&mu);
      auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
        return !idle.empty() || open < config.pool_size;
      };
      if (!mu.AwaitWithTimeout(absl::Condition(&ready), config.acquire_timeout)) {
        return absl::UnavailableError("database pool exhausted");
      }
      if (!idle.empty()) {
        taken = std::move(idle.back());  // LIFO keeps few connections warm
        idle.pop_back();
      } else {
        ++open;
        may_open = true;
      }
    }
    if (acquire_seconds) acquire_seconds->WithLabels({}).Observe(absl::ToDoubleSeconds(absl::Now() - start));
    if (!may_open) {
      if (absl::Now() - taken.last_used < config.idle_check_after || Alive(*taken.lease.conn)) {
        return std::move(taken.lease);
      }
      taken.lease.Close();  // broken: replace it in place, the slot stays counted
    }
    auto conn = NewConnection();
    if (!conn.ok()) {
      absl::MutexLock lock(&mu);
      --open;
      return conn.status();
    }
    return Lease{*std::move(conn), std::make_unique<StatementCache>()};
  }

  void Release(Lease lease, bool broken) {
    if (broken) lease.Close();
    absl::MutexLock lock(&mu);
    if (lease.conn == nullptr) {
      --open;
      return;
    }
    idle.push_back({std::move(lease), absl::Now()});
  }

  void Observe(const char* kind, const absl::Status& s, absl::Time start) {
    if (tx_seconds) {
      tx_seconds->WithLabels({kind, s.ok() ? "ok" : "error"})
          .Observe(absl::ToDoubleSeconds(absl::Now() - start));
    }
    if (!s.ok() && errors) errors->WithLabels({absl::StatusCodeToString(s.code())}).Inc();
  }

  absl::Status Run(const char* kind, bool transactional, const Body& body) {
    absl::Status status;
    for (int attempt = 1; attempt <= config.max_attempts; ++attempt) {
      const absl::Time start = absl::Now();
      auto lease = Acquire();
      if (!lease.ok()) {
        status = lease.status();
      } else {
        sql::Connection& conn = *lease->conn;
        bool broken = false;
        bool committing = false;
        try {
          StatementScope statements(conn, *lease->statements);
          if (transactional) Execute(conn, "START TRANSACTION");
          status = body(conn);
          if (transactional) {
            committing = status.ok();
            Execute(conn, status.ok() ? "COMMIT" : "ROLLBACK");
            committing = false;
          }
        } catch (const sql::SQLException& e) {
          status = StatusFromSqlError(e);
          broken = LeavesConnectionUnusable(e.getErrorCode());
          // A statement that failed may be stale on the server (re-prepared
          // after a schema change, or gone): start the cache afresh.
          if (!broken) lease->statements = std::make_unique<StatementCache>();
          if (committing && broken) {
            // The COMMIT may have landed before the connection died: running
            // the body again could apply the change twice. Let the caller decide.
            status = absl::UnavailableError("database connection lost during commit; outcome unknown");
          }
          if (!broken && transactional) {
            try {
              Execute(conn, "ROLLBACK");
            } catch (const sql::SQLException&) {
              broken = true;
            }
          }
        } catch (const std::exception& e) {
          // Not the database's fault; the connection's state is unknown, so it is dropped.
          status = absl::InternalError(absl::StrCat("unexpected exception in database work: ", e.what()));
          broken = true;
        }
        Release(*std::move(lease), broken);
      }
      Observe(kind, status, start);
      if (status.ok() || !IsRetryable(status) || attempt == config.max_attempts) break;
      if (retries) retries->WithLabels({kind}).Inc();
      // Exponential backoff with jitter: 5, 10, 20, 40 ms (+ up to 100%).
      thread_local std::minstd_rand rng{std::random_device{}()};
      const int base_ms = 5 << (attempt - 1);
      std::this_thread::sleep_for(std::chrono::milliseconds(base_ms + static_cast<int>(rng() % base_ms)));
    }
    if (IsRetryable(status)) {
      // Out of attempts: callers see ABORTED / UNAVAILABLE without the internal reason.
      return absl::Status(status.code(), status.message());
    }
    return status;
  }
};

DbPool::DbPool(std::unique_ptr<State> state) : state_(std::move(state)) {}
DbPool::~DbPool() = default;

std::unique_ptr<DbPool> DbPool::Create(DbConfig config, metrics::Registry* registry) {
  auto state = std::make_unique<State>();
  state->config = std::move(config);
  state->driver = sql::mysql::get_mysql_driver_instance();
  if (registry != nullptr) {
    State* s = state.get();
    state->acquire_seconds = &registry->AddHistogram(
        "db_pool_acquire_seconds", "Time spent waiting for a database connection.", {},
        {0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5});
    state->tx_seconds = &registry->AddHistogram(
        "db_query_duration_seconds",
        "Duration of one attempt at a database work unit (a transaction or a read).",
        {"kind", "outcome"}, metrics::LatencyBuckets());
    state->retries = &registry->AddCounter(
        "db_transaction_retries_total", "Transactions run again after a deadlock or lost connection.",
        {"kind"});
    state->errors = &registry->AddCounter("db_errors_total",
                                          "Database work units that failed, by status code.", {"code"});
    auto& conns = registry->AddGauge("db_pool_connections",
                                     "Open database connections by state.", {"state"});
    auto& max = registry->AddGauge("db_pool_max_connections", "Configured pool size.");
    registry->AddCollector([s, &conns, &max] {
      absl::MutexLock lock(&s->mu);
      conns.WithLabels({"idle"}).Set(static_cast<double>(s->idle.size()));
      conns.WithLabels({"in_use"}).Set(static_cast<double>(s->open - static_cast<int>(s->idle.size())));
      max.WithLabels({}).Set(s->config.pool_size);
    });
  }
  return std::unique_ptr<DbPool>(new DbPool(std::move(state)));
}

absl::Status DbPool::Transact(const Body& body) { return state_->Run("transaction", true, body); }

absl::Status DbPool::Read(const Body& body) { return state_->Run("read", false, body); }

absl::StatusOr<std::unique_ptr<sql::Connection>> DbPool::Connect() {
  return state_->NewConnection();
}

absl::Status DbPool::Ping() {
  // Its own connection, one attempt, no retries: a pool busy serving calls
  // must not look like a dead database to the health check.
  absl::MutexLock lock(&state_->ping_mu);
  if (state_->ping_conn && State::Alive(*state_->ping_conn)) return absl::OkStatus();
  auto conn = state_->NewConnection();
  if (!conn.ok()) {
    state_->ping_conn.reset();
    return absl::UnavailableError("database unavailable");
  }
  state_->ping_conn = std::move(*conn);
  return State::Alive(*state_->ping_conn) ? absl::OkStatus()
                                          : absl::UnavailableError("database unavailable");
}

const DbConfig& DbPool::config() const { return state_->config; }

}  // namespace huinong::db
