// The assignment half of staff_store.h.
#include <memory>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/db/statements.h"
#include "svc-org/src/store/json_codec.h"
#include "svc-org/src/store/sql_columns.h"
#include "svc-org/src/store/staff_store.h"

namespace huinong::org::store {
namespace {

constexpr const char* kColumns =
    "a.id, a.staff_id, a.post_id, a.unit_id, a.kind, a.effective_from, a.effective_to,"
    " a.delegation_json, a.secondment_json, a.mitigation_json, a.note, a.end_reason, a.version,"
    " a.create_time, a.update_time";

constexpr const char* kEffective =
    "a.effective_from <= ? AND (a.effective_to IS NULL OR a.effective_to >= ?)";

template <class T>
std::optional<T> JsonColumn(sql::ResultSet& rs, const char* column) {
  if (rs.isNull(column)) return std::nullopt;
  T value;
  Decode(std::string(rs.getString(column)), value);
  return value;
}

Assignment Row(sql::ResultSet& rs) {
  Assignment a;
  a.id = rs.getString("id");
  a.staff_id = rs.getString("staff_id");
  a.post_id = rs.getString("post_id");
  a.unit_id = rs.getString("unit_id");
  a.kind = static_cast<AssignmentKind>(rs.getInt("kind"));
  a.effective_from = DateColumn(rs, "effective_from");
  a.effective_to = OptionalDateColumn(rs, "effective_to");
  a.delegation = JsonColumn<Delegation>(rs, "delegation_json");
  a.secondment = JsonColumn<Secondment>(rs, "secondment_json");
  a.mitigation = JsonColumn<Mitigation>(rs, "mitigation_json");
  a.note = rs.getString("note");
  a.end_reason = rs.getString("end_reason");
  a.version = rs.getInt64("version");
  a.create_time = TimeColumn(rs, "create_time");
  a.update_time = TimeColumn(rs, "update_time");
  return a;
}

std::vector<Assignment> Rows(sql::PreparedStatement& q) {
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  std::vector<Assignment> out;
  while (rs->next()) out.push_back(Row(*rs));
  return out;
}

template <class T>
void BindJson(sql::PreparedStatement& q, int index, const std::optional<T>& value) {
  if (value) {
    q.setString(index, Encode(*value));
  } else {
    q.setNull(index, 0);
  }
}

}  // namespace

absl::StatusOr<std::optional<Assignment>> GetAssignment(sql::Connection& conn, const std::string& id,
                                                        bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM assignments a WHERE a.id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  std::vector<Assignment> rows = Rows(*q);
  if (rows.empty()) return std::optional<Assignment>();
  return std::optional<Assignment>(std::move(rows.front()));
}

absl::Status InsertAssignment(sql::Connection& conn, const Assignment& a) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO assignments (id, staff_id, post_id, unit_id, kind, effective_from, effective_to,"
      " acting_for_id, delegation_json, secondment_json, mitigation_json, note, end_reason, version,"
      " create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, a.id);
  q->setString(2, a.staff_id);
  q->setString(3, a.post_id);
  q->setString(4, a.unit_id);
  q->setInt(5, static_cast<int>(a.kind));
  BindDate(*q, 6, a.effective_from);
  BindOptionalDate(*q, 7, a.effective_to);
  BindOptionalString(*q, 8, a.delegation ? a.delegation->acting_for_id : "");
  BindJson(*q, 9, a.delegation);
  BindJson(*q, 10, a.secondment);
  BindJson(*q, 11, a.mitigation);
  q->setString(12, a.note);
  q->setString(13, a.end_reason);
  q->setInt64(14, a.version);
  BindTime(*q, 15, a.create_time);
  BindTime(*q, 16, a.update_time);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::Status UpdateAssignment(sql::Connection& conn, const Assignment& a) {
  db::Statement q = db::Prepare(conn,
      "UPDATE assignments SET effective_to = ?, acting_for_id = ?, delegation_json = ?,"
      " secondment_json = ?, mitigation_json = ?, note = ?, end_reason = ?, version = ?,"
      " update_time = ? WHERE id = ?");
  BindOptionalDate(*q, 1, a.effective_to);
  BindOptionalString(*q, 2, a.delegation ? a.delegation->acting_for_id : "");
  BindJson(*q, 3, a.delegation);
  BindJson(*q, 4, a.secondment);
  BindJson(*q, 5, a.mitigation);
  q->setString(6, a.note);
  q->setString(7, a.end_reason);
  q->setInt64(8, a.version);
  BindTime(*q, 9, a.update_time);
  q->setString(10, a.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Assignment>> AssignmentsOfStaff(sql::Connection& conn,
                                                           const std::string& staff_id) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM assignments a WHERE a.staff_id = ? ORDER BY a.effective_from, a.id"));
  q->setString(1, staff_id);
  return Rows(*q);
}

absl::StatusOr<std::vector<Assignment>> AssignmentsOfPost(sql::Connection& conn,
                                                          const std::string& post_id) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM assignments a WHERE a.post_id = ? ORDER BY a.effective_from, a.id"));
  q->setString(1, post_id);
  return Rows(*q);
}

absl::StatusOr<std::vector<Assignment>> AssignmentsOfUnitOn(sql::Connection& conn,
                                                            const std::string& unit_id,
                                                            absl::CivilDay day) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM assignments a WHERE a.unit_id = ? AND ", kEffective, " ORDER BY a.id"));
  q->setString(1, unit_id);
  BindDate(*q, 2, day);
  BindDate(*q, 3, day);
  return Rows(*q);
}

absl::StatusOr<std::vector<Assignment>> AssignmentsOfPostsOn(sql::Connection& conn,
                                                             const std::vector<std::string>& post_ids,
                                                             absl::CivilDay day) {
  if (post_ids.empty()) return std::vector<Assignment>();
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM assignments a WHERE a.post_id IN (",
      absl::StrJoin(std::vector<std::string>(post_ids.size(), "?"), ","), ") AND ", kEffective,
      " ORDER BY a.id"));
  int i = 1;
  for (const auto& id : post_ids) q->setString(i++, id);
  BindDate(*q, i++, day);
  BindDate(*q, i, day);
  return Rows(*q);
}

absl::StatusOr<int> CountAssignmentsAfter(sql::Connection& conn, const std::string& post_id,
                                          absl::CivilDay last_day) {
  // A cancelled schedule (last day before its first) is in force on no day.
  db::Statement q = db::Prepare(conn,
      "SELECT COUNT(*) FROM assignments WHERE post_id = ? AND (effective_to IS NULL"
      " OR (effective_to > ? AND effective_to >= effective_from))");
  q->setString(1, post_id);
  BindDate(*q, 2, last_day);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  rs->next();
  return rs->getInt(1);
}

absl::StatusOr<std::vector<Assignment>> ListAssignments(sql::Connection& conn,
                                                        const AssignmentQuery& query) {
  db::Where where;
  where.And("a.id > ?", {query.after_id});
  where.AndIf(!query.staff_id.empty(), "a.staff_id = ?", {query.staff_id});
  where.AndIf(!query.post_id.empty(), "a.post_id = ?", {query.post_id});
  where.AndIf(!query.unit_id.empty(), "a.unit_id = ?", {query.unit_id});
  where.AndIf(!query.subtree_path.empty(), "u.path LIKE CONCAT(?, '%')", {query.subtree_path});
  if (query.kind) where.And("a.kind = ?", {static_cast<int64_t>(*query.kind)});
  if (query.day) where.And(kEffective, {*query.day, *query.day});
  AndVisibleFrom(where, query.visible_path);
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT ", kColumns, " FROM assignments a JOIN units u ON u.id = a.unit_id", where.Sql(),
                   " ORDER BY a.id LIMIT ?"));
  q->setInt(where.Bind(*q), query.limit);
  return Rows(*q);
}

}  // namespace huinong::org::store
