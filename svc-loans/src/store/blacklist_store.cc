// See blacklist_store.h.
#include "svc-loans/src/store/blacklist_store.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/core/json_fields.h"
#include "common/db/document_ref_json.h"
#include "common/db/pool.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "common/db/where.h"
#include "common/rpc/status_details.h"

namespace huinong::loans::store {
namespace {

constexpr const char* kColumns =
    "SELECT e.id, e.borrower_id, e.category, e.reason, e.loan_id, e.evidence_json, e.active_borrower_id,"
    " e.listed_by, e.list_time, e.removed_by, e.remove_time, e.removal_reason, e.version"
    " FROM blacklist_entries e";

BlacklistEntry EntryRow(sql::ResultSet& rs) {
  BlacklistEntry e;
  e.id = rs.getString("id");
  e.borrower_id = rs.getString("borrower_id");
  e.category = static_cast<BlacklistCategory>(rs.getInt("category"));
  e.reason = rs.getString("reason");
  e.loan_id = rs.getString("loan_id");
  for (const json::Json& d : json::Parse(std::string(rs.getString("evidence_json")))) {
    e.evidence.push_back(db::DocumentRefOf(d));
  }
  e.active = !rs.isNull("active_borrower_id");
  e.listed_by = rs.getString("listed_by");
  e.list_time = db::TimeColumn(rs, "list_time");
  e.removed_by = rs.getString("removed_by");
  e.remove_time = db::OptionalTimeColumn(rs, "remove_time");
  e.removal_reason = rs.getString("removal_reason");
  e.version = rs.getInt64("version");
  return e;
}

std::string EvidenceJson(const BlacklistEntry& e) {
  json::Json list = json::Json::array();
  for (const domain::DocumentRef& d : e.evidence) list.push_back(db::DocumentRefJson(d));
  return json::Print(list);
}

}  // namespace

absl::StatusOr<std::optional<BlacklistEntry>> GetBlacklistEntry(sql::Connection& conn, const std::string& id,
                                                                bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kColumns, " WHERE e.id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return db::First(db::Rows<BlacklistEntry>(*q, EntryRow));
}

absl::Status InsertBlacklistEntry(sql::Connection& conn, const BlacklistEntry& e) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO blacklist_entries (id, borrower_id, active_borrower_id, category, reason, loan_id,"
        " evidence_json, listed_by, list_time, removed_by, remove_time, removal_reason, version)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, e.id);
    q->setString(2, e.borrower_id);
    db::BindOptionalString(*q, 3, e.active ? e.borrower_id : "");
    q->setInt(4, static_cast<int>(e.category));
    q->setString(5, e.reason);
    q->setString(6, e.loan_id);
    q->setString(7, EvidenceJson(e));
    q->setString(8, e.listed_by);
    db::BindTime(*q, 9, e.list_time);
    q->setString(10, e.removed_by);
    db::BindOptionalTime(*q, 11, e.remove_time);
    q->setString(12, e.removal_reason);
    q->setInt64(13, e.version);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& ex) {
    if (ex.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::AlreadyExists("ALREADY_BLACKLISTED", "the borrower has an active blacklist entry");
  }
}

absl::Status UpdateBlacklistEntry(sql::Connection& conn, const BlacklistEntry& e) {
  db::Statement q = db::Prepare(conn,
      "UPDATE blacklist_entries SET active_borrower_id = ?, removed_by = ?, remove_time = ?, removal_reason = ?,"
      " version = ? WHERE id = ?");
  db::BindOptionalString(*q, 1, e.active ? e.borrower_id : "");
  q->setString(2, e.removed_by);
  db::BindOptionalTime(*q, 3, e.remove_time);
  q->setString(4, e.removal_reason);
  q->setInt64(5, e.version);
  q->setString(6, e.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<BlacklistEntry>> ListBlacklistEntries(sql::Connection& conn, const BlacklistQuery& f) {
  db::Where where;
  where.And("e.id > ?", {f.after_id});
  where.AndIf(!f.borrower_id.empty(), "e.borrower_id = ?", {f.borrower_id});
  where.AndIf(f.active_only, "e.active_borrower_id IS NOT NULL");
  AddPlaces(where, f.places, "b");
  const std::string join = f.places.empty() ? "" : " JOIN borrowers b ON b.id = e.borrower_id";
  db::Statement q = db::Prepare(conn, absl::StrCat(kColumns, join, where.Sql(), " ORDER BY e.id LIMIT ?"));
  q->setInt(where.Bind(*q), f.limit);
  return db::Rows<BlacklistEntry>(*q, EntryRow);
}

}  // namespace huinong::loans::store
