// The ceiling for a write: single-row INSERT transactions (or one N-row
// INSERT per transaction, for the audit batches) through MySQL Connector/C++
// and the services' own pool (db::DbPool::Transact: READ COMMITTED,
// max_statement_time, a prepared statement as the stores use), at the
// scenario's concurrency, into a
// scratch table of a scratch database on the suite's MariaDB — so the server,
// its durability settings (innodb_flush_log_at_trx_commit) and the machine
// are the services'.
//
// Guarantees: Prepare (re)creates only `database`.`raw_insert`; the table is
// emptied at every Prepare so runs do not grow it; nothing else is touched.
#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "bench/closed_loop.h"
#include "bench/load_result.h"
#include "common/core/config.h"
#include "common/db/pool.h"

namespace huinong::bench {

struct RawDbOptions {
  std::string host = "127.0.0.1";
  int port = 3306;
  std::string user;
  std::string password;
  std::string database = "huinong_bench";
};

// A pool configuration for `options`' server and database (or `database`
// instead when given), with `pool_size` connections.
db::DbConfig PoolConfig(const RawDbOptions& options, int pool_size, const std::string& database = "");

// The suite's MariaDB as its administrator, from db_host, db_port,
// db_admin_user and db_admin_password_file (source .run/env).
absl::StatusOr<RawDbOptions> AdminServer(const Config& config);

class RawInsertBench {
 public:
  static absl::StatusOr<std::unique_ptr<RawInsertBench>> Prepare(const RawDbOptions& options, int pool_size);

  // Transactions of one INSERT of `rows_per_txn` rows, one per worker at a time.
  LoadResult Run(const std::string& label, int rows_per_txn, const LoopOptions& options);

 private:
  explicit RawInsertBench(std::unique_ptr<db::DbPool> pool) : pool_(std::move(pool)) {}
  std::unique_ptr<db::DbPool> pool_;
};

}  // namespace huinong::bench
