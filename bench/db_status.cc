#include "bench/db_status.h"

#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace huinong::bench {

absl::StatusOr<std::unique_ptr<DbStatusMeter>> DbStatusMeter::Create(const RawDbOptions& options) {
  const db::DbConfig config = PoolConfig(options, 1, "mysql");
  auto meter = std::unique_ptr<DbStatusMeter>(new DbStatusMeter(db::DbPool::Create(config, nullptr)));
  absl::StatusOr<std::map<std::string, double>> probe = meter->Read();
  if (!probe.ok()) return probe.status();
  return meter;
}

absl::StatusOr<std::map<std::string, double>> DbStatusMeter::Read() {
  std::vector<std::string> quoted;
  for (const char* name : kDbCounters) quoted.push_back(absl::StrCat("'", name, "'"));
  const std::string sql =
      absl::StrCat("SHOW GLOBAL STATUS WHERE Variable_name IN (", absl::StrJoin(quoted, ","), ")");
  std::map<std::string, double> values;
  absl::Status s = pool_->Read([&](sql::Connection& conn) -> absl::Status {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery(sql));
    while (rs->next()) values[rs->getString(1)] = static_cast<double>(rs->getInt64(2));
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return values;
}

void DbStatusMeter::Start() {
  delta_.clear();
  start_ = Read().value_or(std::map<std::string, double>());
}

void DbStatusMeter::Stop() {
  absl::StatusOr<std::map<std::string, double>> end = Read();
  if (!end.ok() || start_.empty()) return;
  for (const auto& [name, value] : *end) delta_[name] = value - start_[name];
}

}  // namespace huinong::bench
