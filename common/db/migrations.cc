#include "common/db/migrations.h"

#include <map>
#include <memory>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/core/log.h"
#include "common/core/sha256.h"
#include "common/core/status_macros.h"
#include "common/db/pool.h"
#include "common/rpc/errors.h"

namespace huinong::db {
namespace {

constexpr const char* kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " component VARCHAR(64) NOT NULL,"
    " version INT NOT NULL,"
    " name VARCHAR(255) NOT NULL,"
    " checksum CHAR(64) NOT NULL,"
    " applied_at DATETIME(6) NOT NULL,"
    " PRIMARY KEY (component, version)"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

absl::Status CheckOrder(const MigrationSet& set) {
  int last = 0;
  for (const auto& m : set.migrations) {
    if (m.version <= last) {
      return rpc::FailedPrecondition(
          "MIGRATION_ORDER", absl::StrCat("migrations of ", set.component,
                                          " are not in strictly increasing version order at ",
                                          m.name));
    }
    last = m.version;
  }
  return absl::OkStatus();
}

absl::StatusOr<MigrationReport> ApplyLocked(sql::Connection& conn,
                                            const std::vector<MigrationSet>& sets) {
  MigrationReport report;
  for (const auto& set : sets) {
    RETURN_IF_ERROR(CheckOrder(set));
    std::map<int, std::string> applied;
    {
      std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement(
          "SELECT version, checksum FROM schema_migrations WHERE component = ?"));
      q->setString(1, set.component);
      std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
      while (rs->next()) applied[rs->getInt(1)] = rs->getString(2);
    }
    for (const auto& m : set.migrations) {
      const std::string sum = MigrationChecksum(m.sql);
      auto it = applied.find(m.version);
      if (it != applied.end()) {
        if (it->second != sum) {
          return rpc::FailedPrecondition(
              "MIGRATION_EDITED",
              absl::StrCat("migration ", set.component, "/", m.name,
                           " was edited after it was applied (checksum mismatch); add a new "
                           "migration instead"));
        }
        ++report.already;
        applied.erase(it);
        continue;
      }
      std::unique_ptr<sql::Statement> st(conn.createStatement());
      for (const auto& stmt : SplitStatements(m.sql)) st->execute(stmt);
      std::unique_ptr<sql::PreparedStatement> rec(conn.prepareStatement(
          "INSERT INTO schema_migrations (component, version, name, checksum, applied_at)"
          " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6))"));
      rec->setString(1, set.component);
      rec->setInt(2, m.version);
      rec->setString(3, m.name);
      rec->setString(4, sum);
      rec->executeUpdate();
      ++report.applied;
      log::Info("migration applied", {{"component", set.component}, {"migration", m.name}});
    }
    for (const auto& [version, sum] : applied) {
      log::Warn("database has a migration this binary does not know (a newer release ran?)",
                {{"component", set.component}, {"version", version}});
    }
  }
  return report;
}

}  // namespace

std::string MigrationChecksum(const std::string& sql) { return Sha256Hex(sql); }

std::vector<std::string> SplitStatements(const std::string& sql) {
  std::vector<std::string> out;
  std::string current;
  for (absl::string_view line : absl::StrSplit(sql, '\n')) {
    absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (trimmed.empty() || absl::StartsWith(trimmed, "--")) continue;
    absl::StrAppend(&current, line, "\n");
    if (absl::EndsWith(trimmed, ";")) {
      std::string stmt(absl::StripAsciiWhitespace(current));
      stmt.pop_back();  // the ';'
      if (!stmt.empty()) out.push_back(std::move(stmt));
      current.clear();
    }
  }
  std::string rest(absl::StripAsciiWhitespace(current));
  if (!rest.empty()) out.push_back(std::move(rest));
  return out;
}

absl::StatusOr<MigrationReport> ApplyMigrations(sql::Connection& conn,
                                                const std::vector<MigrationSet>& sets,
                                                absl::Duration lock_timeout) {
  try {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    // Waiting for another replica's migration, or a long ALTER, must not be
    // cut off by the pool's per-statement limit.
    st->execute("SET SESSION max_statement_time = 0");
    // Created only when missing: a least-privilege runtime account (svc-audit's)
    // has no CREATE privilege and only checks what a migrator applied.
    std::unique_ptr<sql::ResultSet> exists(st->executeQuery(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
        " AND table_name = 'schema_migrations'"));
    if (!exists->next() || exists->getInt(1) == 0) st->execute(kCreateLedger);
    // GET_LOCK is server-wide, so the name carries the database: services
    // sharing one server do not wait for each other.
    std::unique_ptr<sql::ResultSet> lock(st->executeQuery(absl::StrCat(
        "SELECT GET_LOCK(CONCAT(DATABASE(), '.schema_migrations'), ",
        absl::ToInt64Seconds(lock_timeout), ")")));
    if (!lock->next() || lock->isNull(1) || lock->getInt(1) != 1) {
      return absl::UnavailableError("timed out waiting for the migration lock");
    }
    // Released on every path, including a failing statement; the session
    // would drop it on disconnect anyway, but the connection may live on.
    struct Unlock {
      sql::Statement& st;
      ~Unlock() {
        try {
          std::unique_ptr<sql::ResultSet> r(
              st.executeQuery("SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.schema_migrations'))"));
        } catch (const sql::SQLException&) {
        }
      }
    } unlock{*st};
    return ApplyLocked(conn, sets);
  } catch (const sql::SQLException& e) {
    return StatusFromSqlError(e);
  }
}

}  // namespace huinong::db
