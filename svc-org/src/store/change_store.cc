// See change_store.h.
#include "svc-org/src/store/change_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/db/pool.h"
#include "common/db/sql_time.h"
#include "common/db/statements.h"
#include "common/rpc/errors.h"
#include "svc-org/src/store/change_json.h"
#include "svc-org/src/store/json_codec.h"
#include "svc-org/src/store/sql_columns.h"

namespace huinong::org::store {
namespace {

ApprovalChain ChainRow(sql::ResultSet& rs) {
  ApprovalChain c;
  Decode(std::string(rs.getString("body_json")), c);
  c.id = rs.getString("id");
  c.unit_id = rs.getString("unit_id");
  c.version = rs.getInt64("version");
  c.require_change_requests = rs.getInt("require_change_requests") != 0;
  c.create_time = TimeColumn(rs, "create_time");
  c.update_time = TimeColumn(rs, "update_time");
  return c;
}

ChangeRequest ChangeRow(sql::ResultSet& rs) {
  ChangeRequest c;
  DecodeBody(std::string(rs.getString("body_json")), c);
  c.id = rs.getString("id");
  c.unit_id = rs.getString("unit_id");
  c.state = static_cast<ChangeState>(rs.getInt("state"));
  c.effective_date = OptionalDateColumn(rs, "effective_date");
  c.drafted_by = rs.getString("drafted_by");
  c.version = rs.getInt64("version");
  c.create_time = TimeColumn(rs, "create_time");
  c.update_time = TimeColumn(rs, "update_time");
  return c;
}

constexpr const char* kChainColumns =
    "c.id, c.unit_id, c.require_change_requests, c.body_json, c.version, c.create_time, c.update_time";
constexpr const char* kChangeColumns =
    "c.id, c.unit_id, c.state, c.effective_date, c.drafted_by, c.body_json, c.version, c.create_time,"
    " c.update_time";
constexpr const char* kVisible = " AND (u.path LIKE CONCAT(?, '%') OR ? LIKE CONCAT(u.path, '%'))";

}  // namespace

absl::StatusOr<std::optional<ApprovalChain>> GetChain(sql::Connection& conn, const std::string& id,
                                                    bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kChainColumns, " FROM approval_chains c WHERE c.id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return First(Rows<ApprovalChain>(*q, ChainRow));
}

absl::StatusOr<std::optional<ApprovalChain>> NearestChain(sql::Connection& conn,
                                                        const std::vector<std::string>& unit_ids) {
  if (unit_ids.empty()) return std::optional<ApprovalChain>();
  std::vector<std::string> marks(unit_ids.size(), "?");
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT ", kChainColumns, ", u.depth FROM approval_chains c JOIN units u ON u.id = c.unit_id"
                   " WHERE c.unit_id IN (", absl::StrJoin(marks, ","), ") ORDER BY u.depth DESC LIMIT 1"));
  for (size_t i = 0; i < unit_ids.size(); ++i) q->setString(static_cast<int>(i + 1), unit_ids[i]);
  return First(Rows<ApprovalChain>(*q, ChainRow));
}

absl::StatusOr<std::vector<ApprovalChain>> ListChains(sql::Connection& conn, const std::string& visible_path,
                                                    const std::string& after_id, int limit) {
  std::string sql = absl::StrCat("SELECT ", kChainColumns,
                                 " FROM approval_chains c JOIN units u ON u.id = c.unit_id WHERE c.id > ?");
  if (!visible_path.empty()) absl::StrAppend(&sql, kVisible);
  absl::StrAppend(&sql, " ORDER BY c.id LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setString(i++, after_id);
  if (!visible_path.empty()) {
    q->setString(i++, visible_path);
    q->setString(i++, visible_path);
  }
  q->setInt(i, limit);
  return Rows<ApprovalChain>(*q, ChainRow);
}

absl::Status InsertChain(sql::Connection& conn, const ApprovalChain& c, absl::Time now) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO approval_chains (id, unit_id, require_change_requests, body_json, version,"
        " create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, c.id);
    q->setString(2, c.unit_id);
    q->setInt(3, c.require_change_requests ? 1 : 0);
    q->setString(4, Encode(c));
    q->setInt64(5, c.version);
    BindTime(*q, 6, now);
    BindTime(*q, 7, now);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::AlreadyExists("CHAIN_EXISTS", "the unit already has an approval chain");
  }
}

absl::Status UpdateChain(sql::Connection& conn, const ApprovalChain& c, absl::Time now) {
  db::Statement q = db::Prepare(conn,
      "UPDATE approval_chains SET require_change_requests = ?, body_json = ?, version = ?,"
      " update_time = ? WHERE id = ?");
  q->setInt(1, c.require_change_requests ? 1 : 0);
  q->setString(2, Encode(c));
  q->setInt64(3, c.version);
  BindTime(*q, 4, now);
  q->setString(5, c.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<ChangeRequest>> GetChange(sql::Connection& conn, const std::string& id,
                                                      bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kChangeColumns, " FROM change_requests c WHERE c.id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return First(Rows<ChangeRequest>(*q, ChangeRow));
}

absl::StatusOr<std::vector<ChangeRequest>> ListChanges(sql::Connection& conn, const ChangeQuery& f) {
  std::string sql = absl::StrCat("SELECT ", kChangeColumns,
                                 " FROM change_requests c JOIN units u ON u.id = c.unit_id WHERE c.id > ?");
  if (!f.unit_id.empty()) absl::StrAppend(&sql, " AND c.unit_id = ?");
  if (f.state != 0) absl::StrAppend(&sql, " AND c.state = ?");
  if (f.effective_from) absl::StrAppend(&sql, " AND c.effective_date >= ?");
  if (f.effective_to) absl::StrAppend(&sql, " AND c.effective_date <= ?");
  if (!f.visible_path.empty()) absl::StrAppend(&sql, kVisible);
  absl::StrAppend(&sql, " ORDER BY c.id LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setString(i++, f.after_id);
  if (!f.unit_id.empty()) q->setString(i++, f.unit_id);
  if (f.state != 0) q->setInt(i++, f.state);
  if (f.effective_from) BindDate(*q, i++, *f.effective_from);
  if (f.effective_to) BindDate(*q, i++, *f.effective_to);
  if (!f.visible_path.empty()) {
    q->setString(i++, f.visible_path);
    q->setString(i++, f.visible_path);
  }
  q->setInt(i, f.limit);
  return Rows<ChangeRequest>(*q, ChangeRow);
}

absl::Status InsertChange(sql::Connection& conn, const ChangeRequest& c, absl::Time now) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO change_requests (id, unit_id, state, effective_date, drafted_by, body_json,"
      " version, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, c.id);
  q->setString(2, c.unit_id);
  q->setInt(3, static_cast<int>(c.state));
  BindOptionalDate(*q, 4, c.effective_date);
  q->setString(5, c.drafted_by);
  q->setString(6, EncodeBody(c));
  q->setInt64(7, c.version);
  BindTime(*q, 8, now);
  BindTime(*q, 9, now);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::Status UpdateChange(sql::Connection& conn, const ChangeRequest& c, absl::Time now) {
  db::Statement q = db::Prepare(conn,
      "UPDATE change_requests SET state = ?, effective_date = ?, body_json = ?, version = ?,"
      " update_time = ? WHERE id = ?");
  q->setInt(1, static_cast<int>(c.state));
  BindOptionalDate(*q, 2, c.effective_date);
  q->setString(3, EncodeBody(c));
  q->setInt64(4, c.version);
  BindTime(*q, 5, now);
  q->setString(6, c.id);
  q->executeUpdate();
  return absl::OkStatus();
}

}  // namespace huinong::org::store
