#include "bench/raw_insert.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/statement.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/blocking_load.h"
#include "common/core/ids.h"
#include "common/db/sql_time.h"

namespace huinong::bench {
namespace {

// About the size of a unit row: a ULID key (appends at the end of the index,
// as the services' keys do), a parent, a name and two times.
constexpr char kCreateTable[] =
    "CREATE TABLE IF NOT EXISTS raw_insert ("
    " id CHAR(26) CHARACTER SET ascii NOT NULL,"
    " parent_id CHAR(26) CHARACTER SET ascii NOT NULL,"
    " display_name VARCHAR(100) NOT NULL,"
    " payload VARCHAR(500) NOT NULL,"
    " create_time DATETIME(6) NOT NULL,"
    " update_time DATETIME(6) NOT NULL,"
    " PRIMARY KEY (id)"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

absl::Status Exec(db::DbPool& pool, const std::string& sql) {
  return pool.Read([&](sql::Connection& conn) -> absl::Status {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    st->execute(sql);
    return absl::OkStatus();
  });
}

}  // namespace

db::DbConfig PoolConfig(const RawDbOptions& options, int pool_size, const std::string& database) {
  db::DbConfig config;
  config.host = options.host;
  config.port = options.port;
  config.user = options.user;
  config.password = options.password;
  config.database = database.empty() ? options.database : database;
  config.pool_size = pool_size;
  return config;
}

absl::StatusOr<RawDbOptions> AdminServer(const Config& config) {
  RawDbOptions server;
  server.host = config.String("db_host", "127.0.0.1");
  server.port = static_cast<int>(config.Int("db_port", 3306).value_or(3306));
  server.user = config.String("db_admin_user");
  absl::StatusOr<std::string> password = ReadSecretFile(config.String("db_admin_password_file"));
  if (server.user.empty() || !password.ok()) {
    return absl::FailedPreconditionError(
        "need HUINONG_DB_ADMIN_USER and HUINONG_DB_ADMIN_PASSWORD_FILE (source .run/env)");
  }
  server.password = *password;
  return server;
}

absl::StatusOr<std::unique_ptr<RawInsertBench>> RawInsertBench::Prepare(const RawDbOptions& options,
                                                                        int pool_size) {
  // Any schema the admin can enter, to create the scratch one.
  db::DbConfig config = PoolConfig(options, 1, "mysql");
  {
    auto admin = db::DbPool::Create(config, nullptr);
    absl::Status created = Exec(*admin, absl::StrCat("CREATE DATABASE IF NOT EXISTS `", options.database,
                                                     "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));
    if (!created.ok()) return created;
  }
  config.database = options.database;
  config.pool_size = pool_size;
  auto pool = db::DbPool::Create(config, nullptr);
  absl::Status s = Exec(*pool, kCreateTable);
  if (s.ok()) s = Exec(*pool, "TRUNCATE TABLE raw_insert");
  if (!s.ok()) return s;
  return std::unique_ptr<RawInsertBench>(new RawInsertBench(std::move(pool)));
}

LoadResult RawInsertBench::Run(const std::string& label, int rows_per_txn, const LoopOptions& options) {
  const std::string parent = NewUlid();
  // One statement per transaction: a single-row INSERT as the stores write
  // one row, or one multi-row INSERT — the cheapest way to write a batch, so
  // the ceiling for the audit append.
  std::string sql =
      "INSERT INTO raw_insert (id, parent_id, display_name, payload, create_time, update_time) VALUES ";
  for (int i = 0; i < rows_per_txn; ++i) absl::StrAppend(&sql, i == 0 ? "" : ",", "(?, ?, ?, ?, ?, ?)");
  LoadResult r = RunBlockingLoad(label, options, [&](int) {
    return pool_->Transact([&](sql::Connection& conn) -> absl::Status {
      std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement(sql));
      const std::string now = db::SqlDateTime(absl::Now());
      for (int i = 0; i < rows_per_txn; ++i) {
        const std::string id = NewUlid();
        const int at = 6 * i;
        q->setString(at + 1, id);
        q->setString(at + 2, parent);
        q->setString(at + 3, absl::StrCat("基准测试单元 ", id));
        q->setString(at + 4, R"({"amount_fen":"5000000","display_name":"东红寺村金融扶贫服务站"})");
        q->setString(at + 5, now);
        q->setString(at + 6, now);
      }
      q->executeUpdate();
      return absl::OkStatus();
    });
  });
  r.items_per_call = rows_per_txn;
  return r;
}

}  // namespace huinong::bench
