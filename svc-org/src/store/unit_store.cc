#include "svc-org/src/store/unit_store.h"

#include <algorithm>
#include <map>
#include <memory>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/db/pool.h"
#include "common/db/sql_time.h"
#include "common/core/status_macros.h"
#include "common/db/statements.h"
#include "common/rpc/errors.h"
#include "svc-org/src/domain/org_queries.h"
#include "svc-org/src/domain/version_step.h"

namespace huinong::org::store {
namespace {

constexpr const char* kColumns =
    "id, display_name, kind, level, parent_id, path, depth, status, code, functions_json,"
    " effective_from, effective_to, version, create_time, update_time";

std::string FunctionsJson(const std::vector<std::string>& functions) {
  google::protobuf::ListValue list;
  for (const auto& f : functions) list.add_values()->set_string_value(f);
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(list, &json);
  return json;
}

std::vector<std::string> ParseFunctions(const std::string& json) {
  google::protobuf::ListValue list;
  std::vector<std::string> out;
  if (!google::protobuf::util::JsonStringToMessage(json, &list).ok()) return out;
  for (const auto& v : list.values()) out.push_back(v.string_value());
  return out;
}

std::optional<absl::CivilDay> DateColumn(sql::ResultSet& rs, const char* column) {
  if (rs.isNull(column)) return std::nullopt;
  return db::ParseSqlDate(std::string(rs.getString(column)));
}

Unit Row(sql::ResultSet& rs) {
  Unit u;
  u.id = rs.getString("id");
  u.display_name = rs.getString("display_name");
  u.kind = rs.getInt("kind");
  u.level = static_cast<Level>(rs.getInt("level"));
  u.parent_id = rs.getString("parent_id");
  u.path = rs.getString("path");
  u.depth = rs.getInt("depth");
  u.status = static_cast<UnitStatus>(rs.getInt("status"));
  if (!rs.isNull("code")) u.code = rs.getString("code");
  u.functions = ParseFunctions(rs.getString("functions_json"));
  u.effective_from = DateColumn(rs, "effective_from");
  u.effective_to = DateColumn(rs, "effective_to");
  u.version = rs.getInt64("version");
  u.create_time = db::ParseSqlDateTime(std::string(rs.getString("create_time")));
  u.update_time = db::ParseSqlDateTime(std::string(rs.getString("update_time")));
  return u;
}

std::vector<Unit> Rows(sql::PreparedStatement& q) {
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  std::vector<Unit> out;
  while (rs->next()) out.push_back(Row(*rs));
  return out;
}

void SetOptionalString(sql::PreparedStatement& q, int index, const std::string& value) {
  if (value.empty()) {
    q.setNull(index, 0);
  } else {
    q.setString(index, value);
  }
}

void SetOptionalDate(sql::PreparedStatement& q, int index, const std::optional<absl::CivilDay>& d) {
  if (d) {
    q.setString(index, db::SqlDate(*d));
  } else {
    q.setNull(index, 0);
  }
}

// Unique-key clashes become ALREADY_EXISTS with a reason naming the clash.
absl::Status DuplicateOr(const sql::SQLException& e) {
  if (e.getErrorCode() != db::kErrDuplicateKey) throw;
  std::string what = e.what();
  if (what.find("units_code") != std::string::npos) {
    return rpc::AlreadyExists("DUPLICATE_CODE", "another unit already has this code");
  }
  return rpc::AlreadyExists("DUPLICATE_NAME",
                            "an open unit with this display name already exists under the parent");
}

}  // namespace

absl::StatusOr<std::optional<Unit>> GetUnit(sql::Connection& conn, const std::string& id,
                                            bool for_update) {
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT ", kColumns, " FROM units WHERE id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  std::vector<Unit> rows = Rows(*q);
  if (rows.empty()) return std::optional<Unit>();
  return std::optional<Unit>(std::move(rows.front()));
}

absl::StatusOr<std::vector<Unit>> GetUnits(sql::Connection& conn,
                                           const std::vector<std::string>& ids) {
  if (ids.empty()) return std::vector<Unit>();
  std::vector<std::string> marks(ids.size(), "?");
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM units WHERE id IN (", absl::StrJoin(marks, ","), ") ORDER BY depth"));
  for (size_t i = 0; i < ids.size(); ++i) q->setString(static_cast<int>(i + 1), ids[i]);
  return Rows(*q);
}

absl::StatusOr<std::vector<Unit>> ListUnits(sql::Connection& conn, const UnitFilter& filter,
                                            const std::string& after_id, int limit) {
  std::string sql = absl::StrCat("SELECT ", kColumns, " FROM units WHERE id > ?");
  if (!filter.parent_id.empty()) absl::StrAppend(&sql, " AND parent_id = ?");
  if (filter.level) absl::StrAppend(&sql, " AND level = ?");
  if (filter.kind) absl::StrAppend(&sql, " AND kind = ?");
  if (filter.status) absl::StrAppend(&sql, " AND status = ?");
  if (!filter.within_path.empty()) absl::StrAppend(&sql, " AND path LIKE CONCAT(?, '%')");
  absl::StrAppend(&sql, " ORDER BY id LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setString(i++, after_id);
  if (!filter.parent_id.empty()) q->setString(i++, filter.parent_id);
  if (filter.level) q->setInt(i++, static_cast<int>(*filter.level));
  if (filter.kind) q->setInt(i++, *filter.kind);
  if (filter.status) q->setInt(i++, static_cast<int>(*filter.status));
  if (!filter.within_path.empty()) q->setString(i++, filter.within_path);
  q->setInt(i, limit);
  return Rows(*q);
}

absl::StatusOr<std::vector<Unit>> ListSubtree(sql::Connection& conn, const SubtreeQuery& query) {
  std::string sql = absl::StrCat("SELECT ", kColumns,
                                 " FROM units WHERE path LIKE CONCAT(?, '%') AND path > ?");
  if (query.max_depth > 0) absl::StrAppend(&sql, " AND depth <= ?");
  if (!query.include_abolished) absl::StrAppend(&sql, " AND status <> 4");
  if (!query.visible_path.empty()) {
    // In the caller's subtree, or one of its ancestors.
    absl::StrAppend(&sql, " AND (path LIKE CONCAT(?, '%') OR ? LIKE CONCAT(path, '%'))");
  }
  absl::StrAppend(&sql, " ORDER BY path LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setString(i++, query.root_path);
  q->setString(i++, query.after_path);
  if (query.max_depth > 0) q->setInt(i++, query.max_depth);
  if (!query.visible_path.empty()) {
    q->setString(i++, query.visible_path);
    q->setString(i++, query.visible_path);
  }
  q->setInt(i, query.limit);
  return Rows(*q);
}

absl::StatusOr<int> CountOpenChildren(sql::Connection& conn, const std::string& id) {
  db::Statement q = db::Prepare(conn, "SELECT COUNT(*) FROM units WHERE parent_id = ? AND status <> 4");
  q->setString(1, id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  rs->next();
  return rs->getInt(1);
}

absl::StatusOr<int> LockSubtree(sql::Connection& conn, const std::string& path) {
  db::Statement q = db::Prepare(conn,
      "SELECT id, depth FROM units WHERE path LIKE CONCAT(?, '%') FOR UPDATE");
  q->setString(1, path);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  int deepest = 0;
  while (rs->next()) deepest = std::max(deepest, rs->getInt(2));
  return deepest;
}

absl::StatusOr<bool> SubtreeHasLevel(sql::Connection& conn, const std::string& path, Level level) {
  db::Statement q = db::Prepare(conn,
      "SELECT 1 FROM units WHERE path LIKE CONCAT(?, '%') AND level = ? LIMIT 1");
  q->setString(1, path);
  q->setInt(2, static_cast<int>(level));
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  return rs->next();
}

absl::Status InsertUnit(sql::Connection& conn, const Unit& u) {
  try {
    db::Statement q = db::Prepare(conn,
        absl::StrCat("INSERT INTO units (", kColumns,
                     ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q->setString(1, u.id);
    q->setString(2, u.display_name);
    q->setInt(3, u.kind);
    q->setInt(4, static_cast<int>(u.level));
    q->setString(5, u.parent_id);  // "" for a root
    q->setString(6, u.path);
    q->setInt(7, u.depth);
    q->setInt(8, static_cast<int>(u.status));
    SetOptionalString(*q, 9, u.code);
    q->setString(10, FunctionsJson(u.functions));
    SetOptionalDate(*q, 11, u.effective_from);
    SetOptionalDate(*q, 12, u.effective_to);
    q->setInt64(13, u.version);
    q->setString(14, db::SqlDateTime(u.create_time));
    q->setString(15, db::SqlDateTime(u.update_time));
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    return DuplicateOr(e);
  }
}

absl::Status UpdateUnit(sql::Connection& conn, const Unit& u) {
  try {
    db::Statement q = db::Prepare(conn,
        "UPDATE units SET display_name = ?, kind = ?, status = ?, code = ?, functions_json = ?,"
        " effective_from = ?, effective_to = ?, version = ?, update_time = ? WHERE id = ?");
    q->setString(1, u.display_name);
    q->setInt(2, u.kind);
    q->setInt(3, static_cast<int>(u.status));
    SetOptionalString(*q, 4, u.code);
    q->setString(5, FunctionsJson(u.functions));
    SetOptionalDate(*q, 6, u.effective_from);
    SetOptionalDate(*q, 7, u.effective_to);
    q->setInt64(8, u.version);
    q->setString(9, db::SqlDateTime(u.update_time));
    q->setString(10, u.id);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    return DuplicateOr(e);
  }
}

absl::Status MoveSubtree(sql::Connection& conn, const Unit& unit, const std::string& new_parent_id,
                         const std::string& new_path, int new_depth, absl::Time now) {
  try {
    db::Statement parent = db::Prepare(conn, "UPDATE units SET parent_id = ? WHERE id = ?");
    parent->setString(1, new_parent_id);
    parent->setString(2, unit.id);
    parent->executeUpdate();
    db::Statement q = db::Prepare(conn,
        "UPDATE units SET path = CONCAT(?, SUBSTRING(path, ?)), depth = depth + ?,"
        " version = version + 1, update_time = ? WHERE path LIKE CONCAT(?, '%')");
    q->setString(1, new_path);
    q->setInt(2, static_cast<int>(unit.path.size()) + 1);
    q->setInt(3, new_depth - unit.depth);
    q->setString(4, db::SqlDateTime(now));
    q->setString(5, unit.path);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    return DuplicateOr(e);
  }
}

namespace {

constexpr const char* kVersionColumns =
    "unit_id AS id, display_name, kind, level, parent_id, '' AS path, 0 AS depth, status, code,"
    " functions_json, effective_from, effective_to, version, create_time, update_time,"
    " valid_from, valid_until, change_request_id, scheduled";

UnitVersion VersionRow(sql::ResultSet& rs) {
  UnitVersion v;
  v.unit = Row(rs);
  v.valid_from = *DateColumn(rs, "valid_from");
  v.valid_until = DateColumn(rs, "valid_until");
  if (!rs.isNull("change_request_id")) v.change_request_id = rs.getString("change_request_id");
  v.scheduled = rs.getInt("scheduled") != 0;
  return v;
}

std::vector<UnitVersion> VersionRows(sql::PreparedStatement& q) {
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  std::vector<UnitVersion> out;
  while (rs->next()) out.push_back(VersionRow(*rs));
  return out;
}

std::optional<UnitVersion> First(std::vector<UnitVersion> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace

absl::Status RecordVersion(sql::Connection& conn, const Unit& u, const std::optional<absl::CivilDay>& latest_from,
                           absl::CivilDay from, const std::string& change_request_id, bool scheduled) {
  absl::StatusOr<VersionStep> step = NextVersionStep(latest_from, from);
  if (!step.ok()) return step.status();
  if (*step == VersionStep::kCloseLatestAndOpen) {
    db::Statement close = db::Prepare(conn,
        "UPDATE unit_versions SET valid_until = ? WHERE unit_id = ? AND valid_from = ?");
    close->setString(1, db::SqlDate(from));
    close->setString(2, u.id);
    close->setString(3, db::SqlDate(*latest_from));
    close->executeUpdate();
  }
  // REPLACE: the same day's version (kReplaceLatest) gives way to this one.
  db::Statement q = db::Prepare(conn,
      "REPLACE INTO unit_versions (unit_id, valid_from, valid_until, display_name, kind, level,"
      " parent_id, status, code, functions_json, effective_from, effective_to, version,"
      " create_time, update_time, change_request_id, scheduled)"
      " VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, u.id);
  q->setString(2, db::SqlDate(from));
  q->setString(3, u.display_name);
  q->setInt(4, u.kind);
  q->setInt(5, static_cast<int>(u.level));
  q->setString(6, u.parent_id);
  q->setInt(7, static_cast<int>(u.status));
  SetOptionalString(*q, 8, u.code);
  q->setString(9, FunctionsJson(u.functions));
  SetOptionalDate(*q, 10, u.effective_from);
  SetOptionalDate(*q, 11, u.effective_to);
  q->setInt64(12, u.version);
  q->setString(13, db::SqlDateTime(u.create_time));
  q->setString(14, db::SqlDateTime(u.update_time));
  SetOptionalString(*q, 15, change_request_id);
  q->setInt(16, scheduled ? 1 : 0);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<UnitVersion>> LatestVersion(sql::Connection& conn, const std::string& id,
                                                         bool for_update) {
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT ", kVersionColumns, " FROM unit_versions WHERE unit_id = ?"
                   " ORDER BY valid_from DESC LIMIT 1", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return First(VersionRows(*q));
}

absl::StatusOr<std::optional<UnitVersion>> VersionOn(sql::Connection& conn, const std::string& id,
                                                     absl::CivilDay day) {
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT ", kVersionColumns, " FROM unit_versions WHERE unit_id = ?"
                   " AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1"));
  q->setString(1, id);
  q->setString(2, db::SqlDate(day));
  return First(VersionRows(*q));
}

absl::StatusOr<std::vector<Unit>> UnitsOn(sql::Connection& conn, absl::CivilDay day) {
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT ", kVersionColumns, " FROM unit_versions WHERE valid_from <= ?"
                   " AND (valid_until IS NULL OR valid_until > ?)"));
  q->setString(1, db::SqlDate(day));
  q->setString(2, db::SqlDate(day));
  std::vector<Unit> out;
  for (auto& v : VersionRows(*q)) out.push_back(std::move(v.unit));
  return out;
}

absl::StatusOr<std::vector<UnitVersion>> ListVersions(sql::Connection& conn, const std::string& id,
                                                      std::optional<absl::CivilDay> after, int limit) {
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT ", kVersionColumns, " FROM unit_versions WHERE unit_id = ?"
                   " AND valid_from > ? ORDER BY valid_from LIMIT ?"));
  q->setString(1, id);
  q->setString(2, after ? db::SqlDate(*after) : "0001-01-01");
  q->setInt(3, limit);
  return VersionRows(*q);
}

absl::StatusOr<std::vector<DayUnit>> SubtreeOnDay(sql::Connection& conn, const std::string& root_id,
                                                  absl::CivilDay day, const std::string& visible_path) {
  ASSIGN_OR_RETURN(std::vector<Unit> units, UnitsOn(conn, day));
  std::vector<Unit> tree = TreeOn(std::move(units));
  std::string root_path;
  for (const auto& u : tree) {
    if (u.id == root_id && UnitStoodOn(u, day)) root_path = u.path;
  }
  std::vector<DayUnit> out;
  if (root_path.empty()) return out;
  std::vector<std::string> ids;
  for (auto& u : tree) {
    if (!InSubtree(u.path, root_path) || !UnitStoodOn(u, day)) continue;
    ids.push_back(u.id);
    out.push_back({std::move(u), ""});
  }
  ASSIGN_OR_RETURN(std::vector<Unit> today, GetUnits(conn, ids));
  std::map<std::string, std::string> today_path;
  for (const auto& u : today) today_path[u.id] = u.path;
  for (auto& d : out) d.today_path = today_path[d.unit.id];
  if (!visible_path.empty()) {
    std::erase_if(out, [&](const DayUnit& d) {
      return !InSubtree(d.today_path, visible_path) && !InSubtree(visible_path, d.today_path);
    });
  }
  return out;
}

absl::StatusOr<std::vector<UnitVersion>> DueVersions(sql::Connection& conn, absl::CivilDay day,
                                                     int limit) {
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT ", kVersionColumns, " FROM unit_versions WHERE scheduled = 1"
                   " AND valid_from <= ? ORDER BY valid_from, unit_id LIMIT ?"));
  q->setString(1, db::SqlDate(day));
  q->setInt(2, limit);
  return VersionRows(*q);
}

absl::Status MarkVersionApplied(sql::Connection& conn, const std::string& id, absl::CivilDay from) {
  db::Statement q = db::Prepare(conn,
      "UPDATE unit_versions SET scheduled = 0 WHERE unit_id = ? AND valid_from = ?");
  q->setString(1, id);
  q->setString(2, db::SqlDate(from));
  q->executeUpdate();
  return absl::OkStatus();
}

absl::Status DropScheduledVersion(sql::Connection& conn, const std::string& id, absl::CivilDay from) {
  db::Statement drop = db::Prepare(conn,
      "DELETE FROM unit_versions WHERE unit_id = ? AND valid_from = ? AND scheduled = 1");
  drop->setString(1, id);
  drop->setString(2, db::SqlDate(from));
  drop->executeUpdate();
  db::Statement reopen = db::Prepare(conn,
      "UPDATE unit_versions SET valid_until = NULL WHERE unit_id = ? AND valid_until = ?");
  reopen->setString(1, id);
  reopen->setString(2, db::SqlDate(from));
  reopen->executeUpdate();
  return absl::OkStatus();
}

}  // namespace huinong::org::store
