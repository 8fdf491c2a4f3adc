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
    "SELECT id, unit_id, township_id, county_id, type, display_name, id_card_number, credit_code, blacklisted, body_json, version,"
    " create_time, update_time FROM borrowers";

Borrower BorrowerRow(sql::ResultSet& rs) {
  Borrower b;
  DecodeBody(std::string(rs.getString("body_json")), b);
  b.id = rs.getString("id");
  b.unit_id = rs.getString("unit_id");
  b.township_id = rs.getString("township_id");
  b.county_id = rs.getString("county_id");
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

// `text` matched literally by LIKE (its wildcards and the escape escaped).
std::string LikeLiteral(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// Another borrower holds the identity number or credit code. The message
// never repeats the number: it is personal data.
absl::Status Taken(const Borrower& b) {
  return rpc::AlreadyExists("BORROWER_EXISTS", b.credit_code.empty() ? "a borrower with this identity number exists"
                                                                     : "a borrower with this credit code exists");
}

}  // namespace

absl::StatusOr<std::optional<Borrower>> GetBorrower(sql::Connection& conn, const std::string& id, bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kColumns, " WHERE id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return db::First(db::Rows<Borrower>(*q, BorrowerRow));
}

void AddPlaces(db::Where& where, const std::vector<PlaceFilter>& places, const std::string& alias) {
  for (const PlaceFilter& p : places) {
    const char* column = p.column == PlaceFilter::Column::kUnit       ? "unit_id"
                         : p.column == PlaceFilter::Column::kTownship ? "township_id"
                                                                      : "county_id";
    where.And(absl::StrCat(alias, ".", column, " = ?"), {p.unit_id});
  }
}

absl::StatusOr<std::vector<Borrower>> ListBorrowers(sql::Connection& conn, const BorrowerQuery& f) {
  db::Where where;
  where.And("b.id > ?", {f.after_id});
  if (!f.unit_ids.empty()) {
    std::string in = absl::StrCat("b.unit_id IN (",
                                  absl::StrJoin(std::vector<std::string>(f.unit_ids.size(), "?"), ","), ")");
    where.And(std::move(in), std::vector<db::Where::Value>(f.unit_ids.begin(), f.unit_ids.end()));
  }
  AddPlaces(where, f.places, "b");
  where.AndIf(f.type != 0, "b.type = ?", {int64_t{f.type}});
  where.AndIf(!f.id_card_number.empty(), "b.id_card_number = ?", {f.id_card_number});
  where.AndIf(!f.credit_code.empty(), "b.credit_code = ?", {f.credit_code});
  // The column's collation ignores case; the prefix's own % _ and \ match themselves.
  where.AndIf(!f.display_name_prefix.empty(), "b.display_name LIKE CONCAT(?, '%')",
              {LikeLiteral(f.display_name_prefix)});
  where.AndIf(f.blacklisted_only, "b.blacklisted = 1");
  db::Statement q = db::Prepare(conn, absl::StrCat(kColumns, " b", where.Sql(), " ORDER BY b.id LIMIT ?"));
  q->setInt(where.Bind(*q), f.limit);
  return db::Rows<Borrower>(*q, BorrowerRow);
}

absl::Status InsertBorrower(sql::Connection& conn, const Borrower& b) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO borrowers (id, unit_id, township_id, county_id, type, display_name, id_card_number,"
        " credit_code, blacklisted, body_json, version, create_time, update_time)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, b.id);
    q->setString(2, b.unit_id);
    q->setString(3, b.township_id);
    q->setString(4, b.county_id);
    q->setInt(5, static_cast<int>(b.profile.type));
    q->setString(6, b.display_name);
    db::BindOptionalString(*q, 7, b.id_card_number);
    db::BindOptionalString(*q, 8, b.credit_code);
    q->setInt(9, b.profile.blacklisted ? 1 : 0);
    q->setString(10, EncodeBody(b));
    q->setInt64(11, b.version);
    db::BindTime(*q, 12, b.create_time);
    db::BindTime(*q, 13, b.update_time);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() != db::kErrDuplicateKey) throw;
    return Taken(b);
  }
}

absl::Status UpdateBorrower(sql::Connection& conn, const Borrower& b) {
  try {
    db::Statement q = db::Prepare(conn,
        "UPDATE borrowers SET unit_id = ?, township_id = ?, county_id = ?, display_name = ?, id_card_number = ?,"
        " credit_code = ?, blacklisted = ?, body_json = ?, version = ?, update_time = ? WHERE id = ?");
    q->setString(1, b.unit_id);
    q->setString(2, b.township_id);
    q->setString(3, b.county_id);
    q->setString(4, b.display_name);
    db::BindOptionalString(*q, 5, b.id_card_number);
    db::BindOptionalString(*q, 6, b.credit_code);
    q->setInt(7, b.profile.blacklisted ? 1 : 0);
    q->setString(8, EncodeBody(b));
    q->setInt64(9, b.version);
    db::BindTime(*q, 10, b.update_time);
    q->setString(11, b.id);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() != db::kErrDuplicateKey) throw;
    return Taken(b);
  }
}

}  // namespace huinong::loans::store
