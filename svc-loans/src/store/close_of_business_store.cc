// See close_of_business_store.h.
#include "svc-loans/src/store/close_of_business_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/db/sql_columns.h"
#include "common/db/sql_time.h"
#include "common/db/statements.h"

namespace huinong::loans::store {
namespace {

constexpr const char* kProgressColumns =
    "SELECT county_id, last_closed_date, working_date, last_loan_id, loans_done, lease_holder,"
    " (lease_holder IS NOT NULL AND lease_expires > NOW(6)) AS lease_live, last_run_start, last_run_end,"
    " last_run_loans FROM close_of_business";
constexpr const char* kReminderColumns =
    "SELECT loan_id, maturity_date, county_id, township_id, unit_id, borrower_id, bank_id, remind_on,"
    " business_date, outstanding_principal_fen, create_time FROM maturity_reminders";

CobProgress ProgressRow(sql::ResultSet& rs) {
  CobProgress p;
  p.county_id = rs.getString("county_id");
  p.last_closed_date = db::OptionalDateColumn(rs, "last_closed_date");
  p.working_date = db::OptionalDateColumn(rs, "working_date");
  p.last_loan_id = rs.getString("last_loan_id");
  p.loans_done = rs.getInt64("loans_done");
  p.lease_holder = db::StringColumn(rs, "lease_holder");
  p.lease_live = rs.getInt("lease_live") != 0;
  p.last_run_start = db::OptionalTimeColumn(rs, "last_run_start");
  p.last_run_end = db::OptionalTimeColumn(rs, "last_run_end");
  p.last_run_loans = rs.getInt64("last_run_loans");
  return p;
}

MaturityReminder ReminderRow(sql::ResultSet& rs) {
  MaturityReminder r;
  r.loan_id = rs.getString("loan_id");
  r.maturity_date = db::DateColumn(rs, "maturity_date");
  r.place.county_id = rs.getString("county_id");
  r.place.township_id = rs.getString("township_id");
  r.place.unit_id = rs.getString("unit_id");
  r.place.borrower_id = rs.getString("borrower_id");
  r.place.bank_id = rs.getString("bank_id");
  r.remind_on = db::DateColumn(rs, "remind_on");
  r.business_date = db::DateColumn(rs, "business_date");
  r.outstanding_principal_fen = rs.getInt64("outstanding_principal_fen");
  r.create_time = db::TimeColumn(rs, "create_time");
  return r;
}

std::vector<std::string> Strings(sql::PreparedStatement& q) {
  return db::Rows<std::string>(q, [](sql::ResultSet& rs) { return std::string(rs.getString(1)); });
}

int64_t Micros(absl::Duration d) { return absl::ToInt64Microseconds(d); }

}  // namespace

absl::StatusOr<std::optional<CobProgress>> LoadProgress(sql::Connection& conn, const std::string& county_id,
                                                        bool lock) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kProgressColumns, " WHERE county_id = ?", lock ? " FOR UPDATE" : ""));
  q->setString(1, county_id);
  return db::First(db::Rows<CobProgress>(*q, ProgressRow));
}

absl::StatusOr<std::vector<CobProgress>> ListProgress(sql::Connection& conn) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kProgressColumns, " ORDER BY county_id"));
  return db::Rows<CobProgress>(*q, ProgressRow);
}

absl::StatusOr<bool> TakeLease(sql::Connection& conn, const std::string& county_id, const std::string& holder,
                               absl::Duration ttl, absl::Time run_start) {
  {
    db::Statement q = db::Prepare(conn, "INSERT IGNORE INTO close_of_business (county_id, update_time) VALUES (?, ?)");
    q->setString(1, county_id);
    db::BindTime(*q, 2, run_start);
    q->executeUpdate();
  }
  db::Statement q = db::Prepare(conn,
      "UPDATE close_of_business SET lease_holder = ?, lease_expires = NOW(6) + INTERVAL ? MICROSECOND,"
      " last_run_start = ?, update_time = ?"
      " WHERE county_id = ? AND (lease_holder IS NULL OR lease_holder = ? OR lease_expires <= NOW(6))");
  q->setString(1, holder);
  q->setInt64(2, Micros(ttl));
  db::BindTime(*q, 3, run_start);
  db::BindTime(*q, 4, run_start);
  q->setString(5, county_id);
  q->setString(6, holder);
  return q->executeUpdate() == 1;
}

absl::Status SaveProgress(sql::Connection& conn, const CobProgress& p, absl::Duration ttl) {
  db::Statement q = db::Prepare(conn,
      "UPDATE close_of_business SET last_closed_date = ?, working_date = ?, last_loan_id = ?, loans_done = ?,"
      " lease_expires = NOW(6) + INTERVAL ? MICROSECOND, update_time = NOW(6) WHERE county_id = ?");
  db::BindOptionalDate(*q, 1, p.last_closed_date);
  db::BindOptionalDate(*q, 2, p.working_date);
  q->setString(3, p.last_loan_id);
  q->setInt64(4, p.loans_done);
  q->setInt64(5, Micros(ttl));
  q->setString(6, p.county_id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::Status ReleaseLease(sql::Connection& conn, const std::string& county_id, const std::string& holder,
                          absl::Time run_end, int64_t run_loans) {
  db::Statement q = db::Prepare(conn,
      "UPDATE close_of_business SET lease_holder = NULL, lease_expires = NULL, last_run_end = ?,"
      " last_run_loans = ?, update_time = ? WHERE county_id = ? AND lease_holder = ?");
  db::BindTime(*q, 1, run_end);
  q->setInt64(2, run_loans);
  db::BindTime(*q, 3, run_end);
  q->setString(4, county_id);
  q->setString(5, holder);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> CountiesToClose(sql::Connection& conn) {
  db::Statement q = db::Prepare(conn,
      "SELECT county_id FROM county_policies UNION SELECT county_id FROM close_of_business"
      " UNION SELECT DISTINCT county_id FROM loans ORDER BY 1");
  return Strings(*q);
}

absl::StatusOr<std::vector<std::string>> TownshipsOfCounty(sql::Connection& conn, const std::string& county_id) {
  db::Statement q = db::Prepare(conn,
      "SELECT DISTINCT township_id FROM loans WHERE county_id = ?"
      " UNION SELECT township_id FROM township_lending WHERE county_id = ? ORDER BY 1");
  q->setString(1, county_id);
  q->setString(2, county_id);
  return Strings(*q);
}

absl::StatusOr<bool> InsertReminder(sql::Connection& conn, const MaturityReminder& r) {
  db::Statement q = db::Prepare(conn,
      "INSERT IGNORE INTO maturity_reminders (loan_id, maturity_date, county_id, township_id, unit_id, borrower_id,"
      " bank_id, remind_on, business_date, outstanding_principal_fen, create_time)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, r.loan_id);
  db::BindDate(*q, 2, r.maturity_date);
  q->setString(3, r.place.county_id);
  q->setString(4, r.place.township_id);
  q->setString(5, r.place.unit_id);
  q->setString(6, r.place.borrower_id);
  q->setString(7, r.place.bank_id);
  db::BindDate(*q, 8, r.remind_on);
  db::BindDate(*q, 9, r.business_date);
  q->setInt64(10, r.outstanding_principal_fen);
  db::BindTime(*q, 11, r.create_time);
  return q->executeUpdate() == 1;
}

absl::StatusOr<std::vector<MaturityReminder>> ListReminders(sql::Connection& conn, const ReminderQuery& query) {
  const std::vector<std::string> key = absl::StrSplit(query.after, absl::MaxSplits('/', 1));
  const bool from_first = query.after.empty() || key.size() != 2;
  std::string sql = absl::StrCat(kReminderColumns, " WHERE county_id = ?");
  if (query.from) absl::StrAppend(&sql, " AND remind_on >= ?");
  if (query.to) absl::StrAppend(&sql, " AND remind_on <= ?");
  if (!from_first) absl::StrAppend(&sql, " AND (remind_on > ? OR (remind_on = ? AND loan_id > ?))");
  absl::StrAppend(&sql, " ORDER BY remind_on, loan_id LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setString(i++, query.county_id);
  if (query.from) db::BindDate(*q, i++, *query.from);
  if (query.to) db::BindDate(*q, i++, *query.to);
  if (!from_first) {
    q->setString(i++, key[0]);
    q->setString(i++, key[0]);
    q->setString(i++, key[1]);
  }
  q->setInt(i, query.limit);
  return db::Rows<MaturityReminder>(*q, ReminderRow);
}

std::string ReminderKey(const MaturityReminder& r) {
  return absl::StrCat(absl::FormatCivilTime(r.remind_on), "/", r.loan_id);
}

}  // namespace huinong::loans::store
