// See borrower_store.h.
#include "svc-loans/src/store/borrower_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/db/pool.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "common/rpc/errors.h"
#include "svc-loans/src/store/borrower_json.h"

namespace huinong::loans::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, unit_id, type, display_name, id_card_number, credit_code, blacklisted, body_json, version,"
    " create_time, update_time FROM borrowers";

Borrower BorrowerRow(sql::ResultSet& rs) {
  Borrower b;
  DecodeBody(std::string(rs.getString("body_json")), b);
  b.id = rs.getString("id");
  b.unit_id = rs.getString("unit_id");
  b.profile.type = static_cast<BorrowerType>(rs.getInt("type"));
  b.display_name = rs.getString("display_name");
  b.id_card_number = db::StringColumn(rs, "id_card_number");
  b.credit_code = db::StringColumn(rs, "credit_code");
  b.profile.blacklisted = rs.getInt("blacklisted") != 0;
  b.version = rs.getInt64("version");
  b.create_time = db::TimeColumn(rs, "create_time");
  b.update_time = db::TimeColumn(rs, "update_time");
  return b;
}

}  // namespace

absl::StatusOr<std::optional<Borrower>> GetBorrower(sql::Connection& conn, const std::string& id, bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kColumns, " WHERE id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return db::First(db::Rows<Borrower>(*q, BorrowerRow));
}

absl::StatusOr<std::vector<Borrower>> ListBorrowers(sql::Connection& conn, const BorrowerQuery& f) {
  std::string sql = absl::StrCat(kColumns, " WHERE id > ?");
  if (!f.unit_ids.empty()) {
    absl::StrAppend(&sql, " AND unit_id IN (", absl::StrJoin(std::vector<std::string>(f.unit_ids.size(), "?"), ","),
                    ")");
  }
  if (f.type != 0) absl::StrAppend(&sql, " AND type = ?");
  absl::StrAppend(&sql, " ORDER BY id LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setString(i++, f.after_id);
  for (const std::string& unit : f.unit_ids) q->setString(i++, unit);
  if (f.type != 0) q->setInt(i++, f.type);
  q->setInt(i, f.limit);
  return db::Rows<Borrower>(*q, BorrowerRow);
}

absl::Status InsertBorrower(sql::Connection& conn, const Borrower& b) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO borrowers (id, unit_id, type, display_name, id_card_number, credit_code, blacklisted,"
        " body_json, version, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, b.id);
    q->setString(2, b.unit_id);
    q->setInt(3, static_cast<int>(b.profile.type));
    q->setString(4, b.display_name);
    db::BindOptionalString(*q, 5, b.id_card_number);
    db::BindOptionalString(*q, 6, b.credit_code);
    q->setInt(7, b.profile.blacklisted ? 1 : 0);
    q->setString(8, EncodeBody(b));
    q->setInt64(9, b.version);
    db::BindTime(*q, 10, b.create_time);
    db::BindTime(*q, 11, b.update_time);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() != db::kErrDuplicateKey) throw;
    // The message never repeats the number: it is personal data.
    return rpc::AlreadyExists("BORROWER_EXISTS",
                              b.credit_code.empty() ? "a borrower with this identity number exists"
                                                    : "a borrower with this credit code exists");
  }
}

absl::Status UpdateBorrower(sql::Connection& conn, const Borrower& b) {
  db::Statement q = db::Prepare(conn,
      "UPDATE borrowers SET unit_id = ?, display_name = ?, blacklisted = ?, body_json = ?, version = ?,"
      " update_time = ? WHERE id = ?");
  q->setString(1, b.unit_id);
  q->setString(2, b.display_name);
  q->setInt(3, b.profile.blacklisted ? 1 : 0);
  q->setString(4, EncodeBody(b));
  q->setInt64(5, b.version);
  db::BindTime(*q, 6, b.update_time);
  q->setString(7, b.id);
  q->executeUpdate();
  return absl::OkStatus();
}

}  // namespace huinong::loans::store
