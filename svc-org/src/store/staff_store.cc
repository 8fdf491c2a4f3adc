// See staff_store.h. Assignments are in assignment_store.cc.
#include "svc-org/src/store/staff_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "common/db/pool.h"
#include "common/db/statements.h"
#include "common/rpc/status_details.h"
#include "svc-org/src/store/json_codec.h"
#include "svc-org/src/store/sql_columns.h"

namespace huinong::org::store {
namespace {

constexpr const char* kColumns =
    "s.id, s.display_name, s.employee_number, s.phone, s.email, s.status, s.employer,"
    " s.qualifications_json, s.version, s.create_time, s.update_time";

Staff Row(sql::ResultSet& rs) {
  Staff s;
  s.id = rs.getString("id");
  s.display_name = rs.getString("display_name");
  s.employee_number = StringColumn(rs, "employee_number");
  s.phone = rs.getString("phone");
  s.email = rs.getString("email");
  s.status = static_cast<StaffStatus>(rs.getInt("status"));
  s.employer = rs.getString("employer");
  Decode(rs.getString("qualifications_json"), s.qualifications);
  s.version = rs.getInt64("version");
  s.create_time = TimeColumn(rs, "create_time");
  s.update_time = TimeColumn(rs, "update_time");
  return s;
}

absl::Status DuplicateOr(const sql::SQLException& e) {
  if (e.getErrorCode() != db::kErrDuplicateKey) throw;
  return rpc::AlreadyExists("DUPLICATE_EMPLOYEE_NUMBER",
                            "another member of staff has this employee number");
}

// A LIKE pattern matching `prefix` literally at the start.
std::string PrefixPattern(const std::string& prefix) {
  return absl::StrCat(
      absl::StrReplaceAll(prefix, {{"\\", "\\\\"}, {"%", "\\%"}, {"_", "\\_"}}), "%");
}

// An assignment `a` in force on the bound day (two binds).
constexpr const char* kEffective =
    "a.effective_from <= ? AND (a.effective_to IS NULL OR a.effective_to >= ?)";

}  // namespace

absl::StatusOr<std::optional<Staff>> GetStaff(sql::Connection& conn, const std::string& id,
                                              bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM staff s WHERE s.id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next()) return std::optional<Staff>();
  return std::optional<Staff>(Row(*rs));
}

absl::Status InsertStaff(sql::Connection& conn, const Staff& s) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO staff (id, display_name, employee_number, phone, email, status, employer,"
        " qualifications_json, version, create_time, update_time)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, s.id);
    q->setString(2, s.display_name);
    BindOptionalString(*q, 3, s.employee_number);
    q->setString(4, s.phone);
    q->setString(5, s.email);
    q->setInt(6, static_cast<int>(s.status));
    q->setString(7, s.employer);
    q->setString(8, Encode(s.qualifications));
    q->setInt64(9, s.version);
    BindTime(*q, 10, s.create_time);
    BindTime(*q, 11, s.update_time);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    return DuplicateOr(e);
  }
}

absl::Status UpdateStaff(sql::Connection& conn, const Staff& s) {
  try {
    db::Statement q = db::Prepare(conn,
        "UPDATE staff SET display_name = ?, employee_number = ?, phone = ?, email = ?, status = ?,"
        " employer = ?, qualifications_json = ?, version = ?, update_time = ? WHERE id = ?");
    q->setString(1, s.display_name);
    BindOptionalString(*q, 2, s.employee_number);
    q->setString(3, s.phone);
    q->setString(4, s.email);
    q->setInt(5, static_cast<int>(s.status));
    q->setString(6, s.employer);
    q->setString(7, Encode(s.qualifications));
    q->setInt64(8, s.version);
    BindTime(*q, 9, s.update_time);
    q->setString(10, s.id);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    return DuplicateOr(e);
  }
}

absl::StatusOr<std::vector<Staff>> ListStaff(sql::Connection& conn, const StaffQuery& query) {
  std::string sql = absl::StrCat("SELECT ", kColumns, " FROM staff s WHERE s.id > ?");
  if (query.status) absl::StrAppend(&sql, " AND s.status = ?");
  if (!query.name_prefix.empty()) absl::StrAppend(&sql, " AND s.display_name LIKE ?");
  if (!query.unit_id.empty() || !query.subtree_path.empty()) {
    absl::StrAppend(&sql, " AND EXISTS (SELECT 1 FROM assignments a JOIN units u ON u.id = a.unit_id",
                    " WHERE a.staff_id = s.id AND ", kEffective);
    if (!query.unit_id.empty()) absl::StrAppend(&sql, " AND a.unit_id = ?");
    if (!query.subtree_path.empty()) absl::StrAppend(&sql, " AND u.path LIKE CONCAT(?, '%')");
    absl::StrAppend(&sql, ")");
  }
  if (!query.capability.empty()) {
    // The post's version in force on the day grants it, and an ACTING
    // assignment's delegation lists it (or lists nothing: all).
    absl::StrAppend(
        &sql,
        " AND EXISTS (SELECT 1 FROM assignments a JOIN posts p ON p.id = a.post_id",
        " JOIN post_versions v ON v.post_id = p.id AND v.valid_from <= ?",
        " AND (v.valid_until IS NULL OR v.valid_until > ?)",
        " JOIN post_capabilities c ON c.post_id = p.id AND c.valid_from = v.valid_from",
        " WHERE a.staff_id = s.id AND ", kEffective,
        " AND p.effective_from <= ? AND (p.effective_to IS NULL OR p.effective_to >= ?)",
        " AND v.status = 2 AND c.capability = ? AND (a.kind <> 3",
        " OR IFNULL(JSON_LENGTH(a.delegation_json, '$.capabilities'), 0) = 0",
        " OR JSON_CONTAINS(JSON_EXTRACT(a.delegation_json, '$.capabilities'), JSON_QUOTE(?))))");
  }
  if (!query.visible_path.empty()) {
    absl::StrAppend(&sql, " AND (EXISTS (SELECT 1 FROM assignments a JOIN units u ON u.id = a.unit_id",
                    " WHERE a.staff_id = s.id AND ", kEffective,
                    " AND (u.path LIKE CONCAT(?, '%') OR ? LIKE CONCAT(u.path, '%')))");
    if (query.include_unassigned) {
      absl::StrAppend(&sql, " OR NOT EXISTS (SELECT 1 FROM assignments a WHERE a.staff_id = s.id)");
    }
    absl::StrAppend(&sql, ")");
  }
  absl::StrAppend(&sql, " ORDER BY s.id LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setString(i++, query.after_id);
  if (query.status) q->setInt(i++, static_cast<int>(*query.status));
  if (!query.name_prefix.empty()) q->setString(i++, PrefixPattern(query.name_prefix));
  if (!query.unit_id.empty() || !query.subtree_path.empty()) {
    BindDate(*q, i++, query.day);
    BindDate(*q, i++, query.day);
    if (!query.unit_id.empty()) q->setString(i++, query.unit_id);
    if (!query.subtree_path.empty()) q->setString(i++, query.subtree_path);
  }
  if (!query.capability.empty()) {
    for (int k = 0; k < 6; ++k) BindDate(*q, i++, query.day);
    q->setString(i++, query.capability);
    q->setString(i++, query.capability);
  }
  if (!query.visible_path.empty()) {
    BindDate(*q, i++, query.day);
    BindDate(*q, i++, query.day);
    q->setString(i++, query.visible_path);
    q->setString(i++, query.visible_path);
  }
  q->setInt(i, query.limit);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  std::vector<Staff> out;
  while (rs->next()) out.push_back(Row(*rs));
  return out;
}

}  // namespace huinong::org::store
