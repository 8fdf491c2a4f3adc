// See standard_store.h.
#include "svc-org/src/store/standard_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/db/sql_time.h"
#include "common/db/statements.h"
#include "common/rpc/errors.h"
#include "common/rpc/validate.h"
#include "svc-org/src/store/staffing_rule_json.h"

namespace huinong::org::store {
namespace {

constexpr const char* kColumns =
    "s.id, s.create_time AS standard_create_time, v.version, v.revision, v.title, v.source,"
    " v.description, v.rule_json, v.status, v.effective_from, v.update_time";

void BindDay(sql::PreparedStatement& q, int index, const std::optional<absl::CivilDay>& day) {
  if (day) {
    q.setString(index, db::SqlDate(*day));
  } else {
    q.setNull(index, 0);
  }
}

// Binds title, source, description, rule_kind, rule_json, status and
// effective_from, in that order, from parameter `first` on.
void BindBody(sql::PreparedStatement& q, int first, const StaffingStandard& body) {
  q.setString(first, body.title);
  q.setString(first + 1, body.source);
  q.setString(first + 2, body.description);
  q.setInt(first + 3, RuleKindColumn(body.rule));
  q.setString(first + 4, EncodeRule(body.rule));
  q.setInt(first + 5, static_cast<int>(body.status));
  BindDay(q, first + 6, body.effective_from);
}

absl::StatusOr<StandardRecord> Row(sql::ResultSet& rs) {
  StandardRecord r;
  r.id = rs.getString("id");
  r.version = rs.getInt("version");
  r.revision = rs.getInt64("revision");
  absl::StatusOr<StaffingRule> rule = DecodeRule(std::string(rs.getString("rule_json")));
  if (!rule.ok()) {
    return absl::InternalError(absl::StrCat("staffing standard ", r.id, ": ", rule.status().message()));
  }
  r.body.rule = *std::move(rule);
  r.body.title = rs.getString("title");
  r.body.source = rs.getString("source");
  r.body.description = rs.getString("description");
  r.body.status = static_cast<StandardStatus>(rs.getInt("status"));
  if (!rs.isNull("effective_from")) {
    r.body.effective_from = db::ParseSqlDate(std::string(rs.getString("effective_from")));
  }
  r.create_time = db::ParseSqlDateTime(std::string(rs.getString("standard_create_time")));
  r.update_time = db::ParseSqlDateTime(std::string(rs.getString("update_time")));
  return r;
}

absl::StatusOr<std::vector<StandardRecord>> Rows(sql::PreparedStatement& q) {
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  std::vector<StandardRecord> out;
  while (rs->next()) {
    absl::StatusOr<StandardRecord> r = Row(*rs);
    if (!r.ok()) return r.status();
    out.push_back(*std::move(r));
  }
  return out;
}

// Binds the version columns in the order of kVersionColumns.
constexpr const char* kVersionColumns =
    "standard_id, version, revision, title, source, description, rule_kind, rule_json, status,"
    " effective_from, create_time, update_time";

absl::Status InsertVersionRow(sql::Connection& conn, const StandardRecord& r) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "INSERT INTO staffing_standard_versions (", kVersionColumns,
      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  q->setString(1, r.id);
  q->setInt(2, r.version);
  q->setInt64(3, r.revision);
  BindBody(*q, 4, r.body);
  q->setString(11, db::SqlDateTime(r.update_time));
  q->setString(12, db::SqlDateTime(r.update_time));
  q->executeUpdate();
  return absl::OkStatus();
}

std::string EscapeLike(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

absl::StatusOr<std::optional<StandardRecord>> GetStandard(sql::Connection& conn, const std::string& id,
                                                          int32_t version, bool for_update) {
  std::string sql = absl::StrCat(
      "SELECT ", kColumns, " FROM staffing_standards s JOIN staffing_standard_versions v"
      " ON v.standard_id = s.id AND v.version = ", version == 0 ? "s.latest_version" : "?",
      " WHERE s.id = ?", for_update ? " FOR UPDATE" : "");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  if (version != 0) q->setInt(i++, version);
  q->setString(i, id);
  absl::StatusOr<std::vector<StandardRecord>> rows = Rows(*q);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<StandardRecord>();
  return std::optional<StandardRecord>(std::move(rows->front()));
}

absl::StatusOr<StandardRecord> GetStandardOrNotFound(sql::Connection& conn, const std::string& id,
                                                     int32_t version, bool for_update) {
  absl::StatusOr<std::optional<StandardRecord>> r = GetStandard(conn, id, version, for_update);
  if (!r.ok()) return r.status();
  if (!*r) {
    const std::string name = rpc::FormatName("staffingStandards", id);
    return rpc::NotFound(version == 0 ? name : absl::StrCat(name, " version ", version));
  }
  return **std::move(r);
}

absl::StatusOr<std::vector<StandardRecord>> ListStandards(sql::Connection& conn,
                                                          const StandardFilter& filter,
                                                          const std::string& after_id, int limit) {
  std::string sql = absl::StrCat(
      "SELECT ", kColumns, " FROM staffing_standards s JOIN staffing_standard_versions v"
      " ON v.standard_id = s.id AND v.version = s.latest_version WHERE s.id > ?");
  if (filter.status) absl::StrAppend(&sql, " AND v.status = ?");
  if (!filter.title_contains.empty()) absl::StrAppend(&sql, " AND v.title LIKE CONCAT('%', ?, '%')");
  absl::StrAppend(&sql, " ORDER BY s.id LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setString(i++, after_id);
  if (filter.status) q->setInt(i++, static_cast<int>(*filter.status));
  if (!filter.title_contains.empty()) q->setString(i++, EscapeLike(filter.title_contains));
  q->setInt(i, limit);
  return Rows(*q);
}

absl::Status InsertStandard(sql::Connection& conn, const StandardRecord& record) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO staffing_standards (id, latest_version, create_time) VALUES (?, ?, ?)");
  q->setString(1, record.id);
  q->setInt(2, record.version);
  q->setString(3, db::SqlDateTime(record.create_time));
  q->executeUpdate();
  return InsertVersionRow(conn, record);
}

absl::Status InsertVersion(sql::Connection& conn, const StandardRecord& record) {
  absl::Status inserted = InsertVersionRow(conn, record);
  if (!inserted.ok()) return inserted;
  db::Statement q = db::Prepare(conn, "UPDATE staffing_standards SET latest_version = ? WHERE id = ?");
  q->setInt(1, record.version);
  q->setString(2, record.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::Status UpdateVersion(sql::Connection& conn, const StandardRecord& r) {
  db::Statement q = db::Prepare(conn,
      "UPDATE staffing_standard_versions SET revision = ?, title = ?, source = ?, description = ?,"
      " rule_kind = ?, rule_json = ?, status = ?, effective_from = ?, update_time = ?"
      " WHERE standard_id = ? AND version = ?");
  q->setInt64(1, r.revision);
  BindBody(*q, 2, r.body);
  q->setString(9, db::SqlDateTime(r.update_time));
  q->setString(10, r.id);
  q->setInt(11, r.version);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<std::string>> UnitPath(sql::Connection& conn, const std::string& unit_id) {
  db::Statement q = db::Prepare(conn, "SELECT path FROM units WHERE id = ?");
  q->setString(1, unit_id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next()) return std::optional<std::string>();
  return std::optional<std::string>(std::string(rs->getString(1)));
}

}  // namespace huinong::org::store
