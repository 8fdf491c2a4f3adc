// See unit_path_store.h.
#include "svc-tickets/src/store/unit_path_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/db/statements.h"

namespace huinong::tickets::store {
namespace {

// Table and column of every stored path; each column leads an index.
constexpr std::pair<const char*, const char*> kPathColumns[] = {
    {"tickets", "intake_path"},
    {"tickets", "resolver_path"},
    {"customers", "unit_path"},
    {"handovers", "unit_path"},
    {"sla_policies", "unit_path"},
};

}  // namespace

absl::StatusOr<std::vector<std::string>> StoredUnitPaths(sql::Connection& conn) {
  std::string sql;
  for (const auto& [table, column] : kPathColumns) {
    absl::StrAppend(&sql, sql.empty() ? "" : " UNION ", "(SELECT ", column, " AS path FROM ", table, " WHERE ",
                    column, " <> '' GROUP BY ", column, ")");
  }
  db::Statement q = db::Prepare(conn, sql);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  std::vector<std::string> paths;
  while (rs->next()) paths.emplace_back(rs->getString("path"));
  return paths;
}

absl::StatusOr<int64_t> RewriteUnitPath(sql::Connection& conn, const std::string& from, const std::string& to) {
  int64_t rows = 0;
  for (const auto& [table, column] : kPathColumns) {
    db::Statement q = db::Prepare(conn, absl::StrCat("UPDATE ", table, " SET ", column, " = ? WHERE ", column, " = ?"));
    q->setString(1, to);
    q->setString(2, from);
    rows += q->executeUpdate();
  }
  return rows;
}

}  // namespace huinong::tickets::store
