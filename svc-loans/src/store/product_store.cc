// See product_store.h.
#include "svc-loans/src/store/product_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/db/pool.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "common/rpc/errors.h"

namespace huinong::loans::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, code, title, kind, borrower_types, max_amount_fen, max_term_months, min_rate_multiple_bp,"
    " max_rate_multiple_bp, revolving, repayment_method, day_count, fee_schedule,"
    " counter_guarantee_threshold_fen, status, version, create_time, update_time FROM products";

// The borrower_types column: bit (type - 1) per type.
int TypeBit(BorrowerType type) { return 1 << (static_cast<int>(type) - 1); }

int TypeBits(const std::vector<BorrowerType>& types) {
  int bits = 0;
  for (BorrowerType t : types) bits |= TypeBit(t);
  return bits;
}

std::vector<BorrowerType> TypesOf(int bits) {
  std::vector<BorrowerType> types;
  for (BorrowerType t : {BorrowerType::kHousehold, BorrowerType::kFamilyFarm, BorrowerType::kCooperative,
                         BorrowerType::kLeadingEnterprise, BorrowerType::kShareCooperative}) {
    if ((bits & TypeBit(t)) != 0) types.push_back(t);
  }
  return types;
}

Product ProductRow(sql::ResultSet& rs) {
  Product p;
  p.id = rs.getString("id");
  p.code = rs.getString("code");
  p.title = rs.getString("title");
  p.kind = static_cast<ProductKind>(rs.getInt("kind"));
  p.borrower_types = TypesOf(rs.getInt("borrower_types"));
  p.max_amount_fen = rs.getInt64("max_amount_fen");
  p.max_term_months = rs.getInt("max_term_months");
  p.min_rate_multiple_bp = rs.getInt("min_rate_multiple_bp");
  p.max_rate_multiple_bp = rs.getInt("max_rate_multiple_bp");
  p.revolving = rs.getInt("revolving") != 0;
  p.repayment_method = static_cast<RepaymentMethod>(rs.getInt("repayment_method"));
  p.day_count = static_cast<DayCount>(rs.getInt("day_count"));
  if (!rs.isNull("fee_schedule")) p.fee_schedule = static_cast<FeeSchedule>(rs.getInt("fee_schedule"));
  p.counter_guarantee_threshold_fen = rs.getInt64("counter_guarantee_threshold_fen");
  p.status = static_cast<ProductStatus>(rs.getInt("status"));
  p.version = rs.getInt64("version");
  p.create_time = db::TimeColumn(rs, "create_time");
  p.update_time = db::TimeColumn(rs, "update_time");
  return p;
}

// Binds the settings an update may change, from `i` on; returns the next index.
int BindSettings(sql::PreparedStatement& q, int i, const Product& p) {
  q.setString(i++, p.title);
  q.setInt(i++, TypeBits(p.borrower_types));
  q.setInt64(i++, p.max_amount_fen);
  q.setInt(i++, p.max_term_months);
  q.setInt(i++, p.min_rate_multiple_bp);
  q.setInt(i++, p.max_rate_multiple_bp);
  q.setInt(i++, p.revolving ? 1 : 0);
  q.setInt(i++, static_cast<int>(p.repayment_method));
  q.setInt(i++, static_cast<int>(p.day_count));
  if (p.fee_schedule) {
    q.setInt(i++, static_cast<int>(*p.fee_schedule));
  } else {
    q.setNull(i++, 0);
  }
  q.setInt64(i++, p.counter_guarantee_threshold_fen);
  q.setInt(i++, static_cast<int>(p.status));
  q.setInt64(i++, p.version);
  db::BindTime(q, i++, p.update_time);
  return i;
}

}  // namespace

absl::StatusOr<std::optional<Product>> GetProduct(sql::Connection& conn, const std::string& id, bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kColumns, " WHERE id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return db::First(db::Rows<Product>(*q, ProductRow));
}

absl::StatusOr<std::vector<Product>> ListProducts(sql::Connection& conn, const ProductQuery& f) {
  std::string sql = absl::StrCat(kColumns, " WHERE id > ?");
  if (f.kind) absl::StrAppend(&sql, " AND kind = ?");
  if (f.status) absl::StrAppend(&sql, " AND status = ?");
  if (f.borrower_type) absl::StrAppend(&sql, " AND (borrower_types & ?) <> 0");
  absl::StrAppend(&sql, " ORDER BY id LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setString(i++, f.after_id);
  if (f.kind) q->setInt(i++, static_cast<int>(*f.kind));
  if (f.status) q->setInt(i++, static_cast<int>(*f.status));
  if (f.borrower_type) q->setInt(i++, TypeBit(*f.borrower_type));
  q->setInt(i, f.limit);
  return db::Rows<Product>(*q, ProductRow);
}

absl::Status InsertProduct(sql::Connection& conn, const Product& p) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO products (title, borrower_types, max_amount_fen, max_term_months, min_rate_multiple_bp,"
        " max_rate_multiple_bp, revolving, repayment_method, day_count, fee_schedule,"
        " counter_guarantee_threshold_fen, status, version, update_time, id, code, kind, create_time)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    int i = BindSettings(*q, 1, p);
    q->setString(i++, p.id);
    q->setString(i++, p.code);
    q->setInt(i++, static_cast<int>(p.kind));
    db::BindTime(*q, i, p.create_time);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::AlreadyExists("PRODUCT_EXISTS", absl::StrCat("a product with code \"", p.code, "\" exists"));
  }
}

absl::Status UpdateProduct(sql::Connection& conn, const Product& p) {
  db::Statement q = db::Prepare(conn,
      "UPDATE products SET title = ?, borrower_types = ?, max_amount_fen = ?, max_term_months = ?,"
      " min_rate_multiple_bp = ?, max_rate_multiple_bp = ?, revolving = ?, repayment_method = ?, day_count = ?,"
      " fee_schedule = ?, counter_guarantee_threshold_fen = ?, status = ?, version = ?, update_time = ?"
      " WHERE id = ?");
  const int i = BindSettings(*q, 1, p);
  q->setString(i, p.id);
  q->executeUpdate();
  return absl::OkStatus();
}

}  // namespace huinong::loans::store
