// See application_store.h.
#include "svc-loans/src/store/application_store.h"

#include <memory>
#include <utility>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "svc-loans/src/store/application_json.h"

namespace huinong::loans::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, borrower_id, unit_id, township_id, county_id, bank_id, product_id, state, amount_fen, policy_id,"
    " submit_time, review_due, body_json, version, create_time, update_time FROM applications";

Application ApplicationRow(sql::ResultSet& rs) {
  Application a;
  DecodeBody(std::string(rs.getString("body_json")), a);
  a.id = rs.getString("id");
  a.borrower_id = rs.getString("borrower_id");
  a.unit_id = rs.getString("unit_id");
  a.township_id = rs.getString("township_id");
  a.county_id = rs.getString("county_id");
  a.recommended_bank_id = db::StringColumn(rs, "bank_id");
  a.product_id = rs.getString("product_id");
  a.state = static_cast<ApplicationState>(rs.getInt("state"));
  a.request.amount_fen = rs.getInt64("amount_fen");
  a.policy_id = db::StringColumn(rs, "policy_id");
  a.submit_time = db::OptionalTimeColumn(rs, "submit_time");
  a.review_due = db::OptionalTimeColumn(rs, "review_due");
  a.version = rs.getInt64("version");
  a.create_time = db::TimeColumn(rs, "create_time");
  a.update_time = db::TimeColumn(rs, "update_time");
  return a;
}

}  // namespace

absl::StatusOr<std::optional<Application>> GetApplication(sql::Connection& conn, const std::string& id,
                                                          bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kColumns, " WHERE id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return db::First(db::Rows<Application>(*q, ApplicationRow));
}

absl::StatusOr<std::vector<Application>> ListApplications(sql::Connection& conn, const ApplicationQuery& f) {
  // The first narrowing column set comes first, so its (column, id) index
  // serves the page; the other filters only thin it.
  const std::pair<const char*, const std::string*> narrowing[] = {
      {"borrower_id", &f.borrower_id}, {"unit_id", &f.unit_id}, {"township_id", &f.township_id},
      {"county_id", &f.county_id},     {"bank_id", &f.bank_id}, {"product_id", &f.product_id},
  };
  std::string sql = kColumns;
  std::vector<std::string> binds;
  std::string where;
  for (const auto& [column, value] : narrowing) {
    if (value->empty()) continue;
    absl::StrAppend(&where, where.empty() ? " WHERE " : " AND ", column, " = ?");
    binds.push_back(*value);
  }
  if (!f.any_county_id.empty()) {
    absl::StrAppend(&where, where.empty() ? " WHERE " : " AND ", "county_id IN (",
                    absl::StrJoin(std::vector<std::string>(f.any_county_id.size(), "?"), ", "), ")");
    binds.insert(binds.end(), f.any_county_id.begin(), f.any_county_id.end());
  }
  absl::StrAppend(&sql, where, where.empty() ? " WHERE " : " AND ", "id > ?");
  binds.push_back(f.after_id);
  if (f.state != 0) absl::StrAppend(&sql, " AND state = ", f.state);
  if (!f.any_state.empty()) absl::StrAppend(&sql, " AND state IN (", absl::StrJoin(f.any_state, ", "), ")");
  if (f.overdue_at) absl::StrAppend(&sql, " AND state = ", static_cast<int>(ApplicationState::kSurveyed), " AND review_due <= ?");
  absl::StrAppend(&sql, " ORDER BY id LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  for (const std::string& b : binds) q->setString(i++, b);
  if (f.overdue_at) db::BindTime(*q, i++, *f.overdue_at);
  q->setInt(i, f.limit);
  return db::Rows<Application>(*q, ApplicationRow);
}

absl::StatusOr<std::vector<Application>> OverdueReviews(sql::Connection& conn, const std::string& county_id,
                                                        absl::Time now, int limit) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kColumns, " WHERE county_id = ? AND state = ? AND review_due <= ?"
                                                             " ORDER BY review_due, id LIMIT ?"));
  q->setString(1, county_id);
  q->setInt(2, static_cast<int>(ApplicationState::kSurveyed));
  db::BindTime(*q, 3, now);
  q->setInt(4, limit);
  return db::Rows<Application>(*q, ApplicationRow);
}

absl::StatusOr<std::vector<Application>> ApplicationsWrittenSince(sql::Connection& conn, const std::string& county_id,
                                                                  absl::Time written_since, absl::Time created_before) {
  // Every state listed, so the range of each state in applications_report
  // (county, state, update_time; migration 0015) is read, not the county's rows.
  db::Statement q = db::Prepare(
      conn, absl::StrCat(kColumns, " FORCE INDEX (applications_report) WHERE county_id = ? AND state IN (",
                         absl::StrJoin(EveryApplicationState(), ", ", [](std::string* out, ApplicationState st) {
                           absl::StrAppend(out, static_cast<int>(st));
                         }), ") AND update_time >= ? AND create_time < ?"));
  q->setString(1, county_id);
  db::BindTime(*q, 2, written_since);
  db::BindTime(*q, 3, created_before);
  return db::Rows<Application>(*q, ApplicationRow);
}

absl::StatusOr<std::optional<int64_t>> LockApplicationVersion(sql::Connection& conn, const std::string& id) {
  db::Statement q = db::Prepare(conn, "SELECT version FROM applications WHERE id = ? FOR UPDATE");
  q->setString(1, id);
  return db::First(db::Rows<int64_t>(*q, [](sql::ResultSet& rs) -> int64_t { return rs.getInt64(1); }));
}

absl::Status InsertApplication(sql::Connection& conn, const Application& a) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO applications (id, borrower_id, unit_id, township_id, county_id, product_id, state, amount_fen,"
      " policy_id, submit_time, review_due, body_json, version, create_time, update_time, bank_id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, a.id);
  q->setString(2, a.borrower_id);
  q->setString(3, a.unit_id);
  q->setString(4, a.township_id);
  q->setString(5, a.county_id);
  q->setString(6, a.product_id);
  q->setInt(7, static_cast<int>(a.state));
  q->setInt64(8, a.request.amount_fen);
  db::BindOptionalString(*q, 9, a.policy_id);
  db::BindOptionalTime(*q, 10, a.submit_time);
  db::BindOptionalTime(*q, 11, a.review_due);
  q->setString(12, EncodeBody(a));
  q->setInt64(13, a.version);
  db::BindTime(*q, 14, a.create_time);
  db::BindTime(*q, 15, a.update_time);
  db::BindOptionalString(*q, 16, a.recommended_bank_id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::Status UpdateApplication(sql::Connection& conn, const Application& a) {
  db::Statement q = db::Prepare(conn,
      "UPDATE applications SET state = ?, amount_fen = ?, policy_id = ?, submit_time = ?, review_due = ?,"
      " body_json = ?, version = ?, update_time = ?, bank_id = ? WHERE id = ?");
  q->setInt(1, static_cast<int>(a.state));
  q->setInt64(2, a.request.amount_fen);
  db::BindOptionalString(*q, 3, a.policy_id);
  db::BindOptionalTime(*q, 4, a.submit_time);
  db::BindOptionalTime(*q, 5, a.review_due);
  q->setString(6, EncodeBody(a));
  q->setInt64(7, a.version);
  db::BindTime(*q, 8, a.update_time);
  db::BindOptionalString(*q, 9, a.recommended_bank_id);
  q->setString(10, a.id);
  q->executeUpdate();
  return absl::OkStatus();
}

}  // namespace huinong::loans::store
