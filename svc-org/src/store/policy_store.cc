// See policy_store.h.
#include "svc-org/src/store/policy_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/db/pool.h"
#include "common/db/statements.h"
#include "common/rpc/status_details.h"
#include "svc-org/src/store/json_codec.h"
#include "svc-org/src/store/sql_columns.h"

namespace huinong::org::store {
namespace {

constexpr const char* kColumns =
    "c.id, c.unit_id, c.title, c.whitelist_json, c.segregation_json, c.max_posts_per_person,"
    " c.version, c.create_time, c.update_time";

std::vector<ConcurrencyPolicy> Rows(sql::PreparedStatement& q) {
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  std::vector<ConcurrencyPolicy> out;
  while (rs->next()) {
    ConcurrencyPolicy p;
    p.id = rs->getString("id");
    p.unit_id = rs->getString("unit_id");
    p.title = rs->getString("title");
    Decode(rs->getString("whitelist_json"), p.whitelist);
    Decode(rs->getString("segregation_json"), p.segregation_pairs);
    p.max_posts_per_person = rs->getInt("max_posts_per_person");
    p.version = rs->getInt64("version");
    p.create_time = TimeColumn(*rs, "create_time");
    p.update_time = TimeColumn(*rs, "update_time");
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::optional<ConcurrencyPolicy>> GetPolicy(sql::Connection& conn,
                                                           const std::string& id, bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM concurrency_policies c WHERE c.id = ?",
      for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  std::vector<ConcurrencyPolicy> rows = Rows(*q);
  if (rows.empty()) return std::optional<ConcurrencyPolicy>();
  return std::optional<ConcurrencyPolicy>(std::move(rows.front()));
}

absl::Status InsertPolicy(sql::Connection& conn, const ConcurrencyPolicy& p) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO concurrency_policies (id, unit_id, title, whitelist_json, segregation_json,"
        " max_posts_per_person, version, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, p.id);
    q->setString(2, p.unit_id);
    q->setString(3, p.title);
    q->setString(4, Encode(p.whitelist));
    q->setString(5, Encode(p.segregation_pairs));
    q->setInt(6, p.max_posts_per_person);
    q->setInt64(7, p.version);
    BindTime(*q, 8, p.create_time);
    BindTime(*q, 9, p.update_time);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::AlreadyExists("POLICY_EXISTS", "the unit already has a concurrency policy");
  }
}

absl::Status UpdatePolicy(sql::Connection& conn, const ConcurrencyPolicy& p) {
  db::Statement q = db::Prepare(conn,
      "UPDATE concurrency_policies SET title = ?, whitelist_json = ?, segregation_json = ?,"
      " max_posts_per_person = ?, version = ?, update_time = ? WHERE id = ?");
  q->setString(1, p.title);
  q->setString(2, Encode(p.whitelist));
  q->setString(3, Encode(p.segregation_pairs));
  q->setInt(4, p.max_posts_per_person);
  q->setInt64(5, p.version);
  BindTime(*q, 6, p.update_time);
  q->setString(7, p.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ConcurrencyPolicy>> PoliciesOfUnits(
    sql::Connection& conn, const std::vector<std::string>& unit_ids) {
  if (unit_ids.empty()) return std::vector<ConcurrencyPolicy>();
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM concurrency_policies c WHERE c.unit_id IN (",
      absl::StrJoin(std::vector<std::string>(unit_ids.size(), "?"), ","), ")"));
  for (size_t i = 0; i < unit_ids.size(); ++i) q->setString(static_cast<int>(i + 1), unit_ids[i]);
  return Rows(*q);
}

absl::StatusOr<std::vector<ConcurrencyPolicy>> ListPolicies(sql::Connection& conn,
                                                            const std::string& visible_path,
                                                            const std::string& after_id, int limit) {
  std::string sql = absl::StrCat("SELECT ", kColumns,
                                 " FROM concurrency_policies c JOIN units u ON u.id = c.unit_id"
                                 " WHERE c.id > ?");
  if (!visible_path.empty()) {
    absl::StrAppend(&sql, " AND (u.path LIKE CONCAT(?, '%') OR ? LIKE CONCAT(u.path, '%'))");
  }
  absl::StrAppend(&sql, " ORDER BY c.id LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setString(i++, after_id);
  if (!visible_path.empty()) {
    q->setString(i++, visible_path);
    q->setString(i++, visible_path);
  }
  q->setInt(i, limit);
  return Rows(*q);
}

}  // namespace huinong::org::store
