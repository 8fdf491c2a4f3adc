// See loan_store.h.
#include "svc-loans/src/store/loan_store.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <utility>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/db/pool.h"
#include "common/db/sql_columns.h"
#include "common/db/sql_time.h"
#include "common/db/statements.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/domain/close_of_business.h"
#include "svc-loans/src/store/loan_json.h"
#include "svc-loans/src/store/report_snapshot_store.h"

namespace huinong::loans::store {
namespace {

constexpr const char* kLoanColumns =
    "SELECT id, application_id, credit_line_id, borrower_id, product_id, unit_id, township_id, county_id, bank_id,"
    " bank_reference, status, principal_fen, outstanding_principal_fen, disbursement_date, maturity_date,"
    " body_json, classification, days_past_due, version, create_time, update_time FROM loans";
constexpr const char* kLineColumns =
    "SELECT id, application_id, borrower_id, unit_id, township_id, county_id, bank_id, state, limit_fen,"
    " outstanding_fen, body_json, version, create_time, update_time FROM credit_lines";

LendingPlace PlaceRow(sql::ResultSet& rs) {
  return {rs.getString("borrower_id"), db::StringColumn(rs, "product_id"), rs.getString("unit_id"),
          rs.getString("township_id"), rs.getString("county_id"),         rs.getString("bank_id")};
}

Loan LoanRow(sql::ResultSet& rs) {
  Loan l;
  DecodeLoanBody(std::string(rs.getString("body_json")), l);
  l.id = rs.getString("id");
  l.application_id = rs.getString("application_id");
  l.credit_line_id = db::StringColumn(rs, "credit_line_id");
  l.place = PlaceRow(rs);
  l.bank_reference = rs.getString("bank_reference");
  l.status = static_cast<LoanStatus>(rs.getInt("status"));
  l.principal_fen = rs.getInt64("principal_fen");
  l.outstanding_principal_fen = rs.getInt64("outstanding_principal_fen");
  l.disbursement_date = db::DateColumn(rs, "disbursement_date");
  l.maturity_date = db::DateColumn(rs, "maturity_date");
  l.loan_class = static_cast<LoanClass>(rs.getInt("classification"));
  l.days_past_due = rs.getInt("days_past_due");
  l.version = rs.getInt64("version");
  l.create_time = db::TimeColumn(rs, "create_time");
  l.update_time = db::TimeColumn(rs, "update_time");
  return l;
}

CreditLineRecord LineRow(sql::ResultSet& rs) {
  CreditLineRecord c;
  DecodeCreditLineBody(std::string(rs.getString("body_json")), c);  // the product and the expiry too
  const std::string product_id = c.place.product_id;
  c.id = rs.getString("id");
  c.application_id = rs.getString("application_id");
  c.place = LendingPlace{rs.getString("borrower_id"), product_id,           rs.getString("unit_id"),
                         rs.getString("township_id"), rs.getString("county_id"), rs.getString("bank_id")};
  c.state = static_cast<CreditLineState>(rs.getInt("state"));
  c.line.limit_fen = rs.getInt64("limit_fen");
  c.line.outstanding_principal_fen = rs.getInt64("outstanding_fen");
  c.version = rs.getInt64("version");
  c.create_time = db::TimeColumn(rs, "create_time");
  c.update_time = db::TimeColumn(rs, "update_time");
  return c;
}

// The WHERE of a page: every filter set, then the keyset position.
struct Page {
  std::string sql;
  std::vector<std::string> strings;
};

Page PageOf(const char* columns, const LendingQuery& q, const char* state_column, bool loans) {
  const std::pair<const char*, const std::string*> narrowing[] = {
      {"borrower_id", &q.borrower_id}, {"credit_line_id", &q.credit_line_id}, {"unit_id", &q.unit_id},
      {"township_id", &q.township_id}, {"county_id", &q.county_id},           {"bank_id", &q.bank_id},
  };
  Page page{columns, {}};
  std::string where;
  for (const auto& [column, value] : narrowing) {
    if (value->empty() || (!loans && std::string(column) == "credit_line_id")) continue;
    absl::StrAppend(&where, where.empty() ? " WHERE " : " AND ", column, " = ?");
    page.strings.push_back(*value);
  }
  if (loans && !q.product_id.empty()) {
    absl::StrAppend(&where, where.empty() ? " WHERE " : " AND ", "product_id = ?");
    page.strings.push_back(q.product_id);
  }
  if (loans && q.maturing_from) {
    absl::StrAppend(&where, where.empty() ? " WHERE " : " AND ", "maturity_date >= ?");
    page.strings.push_back(db::SqlDate(*q.maturing_from));
  }
  if (loans && q.maturing_to) {
    absl::StrAppend(&where, where.empty() ? " WHERE " : " AND ", "maturity_date <= ?");
    page.strings.push_back(db::SqlDate(*q.maturing_to));
  }
  if (loans) {  // whole numbers checked by the caller, written as literals
    const auto narrow = [&where](auto... parts) {
      absl::StrAppend(&where, where.empty() ? " WHERE " : " AND ", parts...);
    };
    if (q.borrower_type != 0) narrow("JSON_VALUE(body_json, '$.borrower_type') = ", q.borrower_type);
    if (q.loan_class != 0) narrow("classification = ", q.loan_class);
    if (q.min_days_past_due > 0) narrow("days_past_due >= ", q.min_days_past_due);
    if (q.with_accountability) narrow("id IN (SELECT loan_id FROM loan_accountability)");
  }
  absl::StrAppend(&where, where.empty() ? " WHERE " : " AND ", "id > ?");
  page.strings.push_back(q.after_id);
  if (q.state != 0) absl::StrAppend(&where, " AND ", state_column, " = ", q.state);
  absl::StrAppend(&page.sql, where, " ORDER BY id LIMIT ?");
  return page;
}

template <class T, class RowFn>
absl::StatusOr<std::vector<T>> RunPage(sql::Connection& conn, const Page& page, int limit, RowFn row) {
  db::Statement s = db::Prepare(conn, page.sql);
  int i = 1;
  for (const std::string& b : page.strings) s->setString(i++, b);
  s->setInt(i, limit);
  return db::Rows<T>(*s, row);
}

}  // namespace

absl::StatusOr<std::optional<Loan>> GetLoan(sql::Connection& conn, const std::string& id, bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kLoanColumns, " WHERE id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return db::First(db::Rows<Loan>(*q, LoanRow));
}

absl::StatusOr<std::vector<Loan>> ListLoans(sql::Connection& conn, const LendingQuery& query) {
  return RunPage<Loan>(conn, PageOf(kLoanColumns, query, "status", true), query.limit, LoanRow);
}

absl::StatusOr<std::vector<Loan>> LockLoansToClose(sql::Connection& conn, const std::string& county_id,
                                                   absl::CivilDay date, const std::string& after_id, int limit) {
  constexpr int kActive = static_cast<int>(LoanStatus::kActive);
  db::Statement active = db::Prepare(conn, absl::StrCat(kLoanColumns, " WHERE county_id = ? AND status = ", kActive,
                                                        " AND id > ? ORDER BY id LIMIT ? FOR UPDATE"));
  active->setString(1, county_id);
  active->setString(2, after_id);
  active->setInt(3, limit);
  std::vector<Loan> loans = db::Rows<Loan>(*active, LoanRow);
  // A full batch ends at its last active loan; a short one is the county's
  // last, so the closed loans after it belong to it too.
  const bool full = static_cast<int>(loans.size()) == limit;
  db::Statement closed = db::Prepare(conn, absl::StrCat(
      kLoanColumns, " WHERE county_id = ? AND status <> ", kActive, " AND id > ? AND (? OR id <= ?) AND id IN",
      " (SELECT loan_id FROM loan_standings WHERE county_id = ? AND as_of > ? AND status <> ", kActive, ")",
      " ORDER BY id FOR UPDATE"));
  closed->setString(1, county_id);
  closed->setString(2, after_id);
  closed->setBoolean(3, !full);
  closed->setString(4, full ? loans.back().id : after_id);
  closed->setString(5, county_id);
  db::BindDate(*closed, 6, date);
  std::vector<Loan> since = db::Rows<Loan>(*closed, LoanRow);
  if (since.empty()) return loans;
  loans.insert(loans.end(), std::make_move_iterator(since.begin()), std::make_move_iterator(since.end()));
  std::sort(loans.begin(), loans.end(), [](const Loan& x, const Loan& y) { return x.id < y.id; });
  return loans;
}

absl::Status RecordStanding(sql::Connection& conn, const Loan& l, absl::CivilDay as_of) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO loan_standings (loan_id, as_of, county_id, township_id, status, classification, days_past_due,"
      " outstanding_principal_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
      " ON DUPLICATE KEY UPDATE status = VALUES(status), classification = VALUES(classification),"
      " days_past_due = VALUES(days_past_due), outstanding_principal_fen = VALUES(outstanding_principal_fen)");
  q->setString(1, l.id);
  db::BindDate(*q, 2, as_of);
  q->setString(3, l.place.county_id);
  q->setString(4, l.place.township_id);
  q->setInt(5, static_cast<int>(l.status));
  q->setInt(6, static_cast<int>(l.loan_class));
  q->setInt(7, l.days_past_due);
  q->setInt64(8, l.outstanding_principal_fen);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<Loan>> StandingOn(sql::Connection& conn, const Loan& loan, absl::CivilDay as_of) {
  db::Statement q = db::Prepare(conn,
      "SELECT status, classification, days_past_due, outstanding_principal_fen FROM loan_standings"
      " WHERE loan_id = ? AND as_of <= ? ORDER BY as_of DESC LIMIT 1");
  q->setString(1, loan.id);
  db::BindDate(*q, 2, as_of);
  return db::First(db::Rows<Loan>(*q, [&loan](sql::ResultSet& rs) {
    Loan stood = loan;
    stood.status = static_cast<LoanStatus>(rs.getInt(1));
    stood.loan_class = static_cast<LoanClass>(rs.getInt(2));
    stood.days_past_due = rs.getInt(3);
    stood.outstanding_principal_fen = rs.getInt64(4);
    return stood;
  }));
}

absl::Status InsertLoan(sql::Connection& conn, const Loan& l) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO loans (id, application_id, credit_line_id, borrower_id, product_id, unit_id, township_id,"
        " county_id, bank_id, bank_reference, status, principal_fen, outstanding_principal_fen, disbursement_date,"
        " maturity_date, body_json, version, create_time, update_time)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, l.id);
    q->setString(2, l.application_id);
    db::BindOptionalString(*q, 3, l.credit_line_id);
    q->setString(4, l.place.borrower_id);
    q->setString(5, l.place.product_id);
    q->setString(6, l.place.unit_id);
    q->setString(7, l.place.township_id);
    q->setString(8, l.place.county_id);
    q->setString(9, l.place.bank_id);
    q->setString(10, l.bank_reference);
    q->setInt(11, static_cast<int>(l.status));
    q->setInt64(12, l.principal_fen);
    q->setInt64(13, l.outstanding_principal_fen);
    db::BindDate(*q, 14, l.disbursement_date);
    db::BindDate(*q, 15, l.maturity_date);
    q->setString(16, EncodeLoanBody(l));
    q->setInt64(17, l.version);
    db::BindTime(*q, 18, l.create_time);
    db::BindTime(*q, 19, l.update_time);
    q->executeUpdate();
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::AlreadyExists("BANK_REFERENCE_USED",
                              absl::StrCat("the bank's reference ", l.bank_reference, " has paid out a loan already"));
  }
  RETURN_IF_ERROR(RecordStanding(conn, l, l.disbursement_date));
  return ForgetReportsFrom(conn, l.place.county_id, l.disbursement_date);
}

absl::Status UpdateLoanServicing(sql::Connection& conn, const Loan& before, const Loan& l,
                                 absl::CivilDay posting_date) {
  db::Statement q = db::Prepare(conn,
      "UPDATE loans SET status = ?, outstanding_principal_fen = ?, classification = ?, days_past_due = ?,"
      " version = ?, update_time = ? WHERE id = ?");
  q->setInt(1, static_cast<int>(l.status));
  q->setInt64(2, l.outstanding_principal_fen);
  q->setInt(3, static_cast<int>(l.loan_class));
  q->setInt(4, l.days_past_due);
  q->setInt64(5, l.version);
  db::BindTime(*q, 6, l.update_time);
  q->setString(7, l.id);
  q->executeUpdate();
  if (!StandingChanged(before, l)) return absl::OkStatus();
  return RecordStanding(conn, l, posting_date);
}

absl::Status UpdateLoanTerms(sql::Connection& conn, const Loan& before, const Loan& l, absl::CivilDay posting_date) {
  db::Statement q = db::Prepare(conn, "UPDATE loans SET maturity_date = ?, body_json = ? WHERE id = ?");
  db::BindDate(*q, 1, l.maturity_date);
  q->setString(2, EncodeLoanBody(l));
  q->setString(3, l.id);
  q->executeUpdate();
  return UpdateLoanServicing(conn, before, l, posting_date);
}

absl::StatusOr<std::optional<CreditLineRecord>> GetCreditLine(sql::Connection& conn, const std::string& id,
                                                              bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kLineColumns, " WHERE id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return db::First(db::Rows<CreditLineRecord>(*q, LineRow));
}

absl::StatusOr<std::vector<CreditLineRecord>> ListCreditLines(sql::Connection& conn, const LendingQuery& query) {
  return RunPage<CreditLineRecord>(conn, PageOf(kLineColumns, query, "state", false), query.limit, LineRow);
}

absl::Status InsertCreditLine(sql::Connection& conn, const CreditLineRecord& c) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO credit_lines (id, application_id, borrower_id, unit_id, township_id, county_id, bank_id, state,"
      " limit_fen, outstanding_fen, body_json, version, create_time, update_time)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, c.id);
  q->setString(2, c.application_id);
  q->setString(3, c.place.borrower_id);
  q->setString(4, c.place.unit_id);
  q->setString(5, c.place.township_id);
  q->setString(6, c.place.county_id);
  q->setString(7, c.place.bank_id);
  q->setInt(8, static_cast<int>(c.state));
  q->setInt64(9, c.line.limit_fen);
  q->setInt64(10, c.line.outstanding_principal_fen);
  q->setString(11, EncodeCreditLineBody(c));
  q->setInt64(12, c.version);
  db::BindTime(*q, 13, c.create_time);
  db::BindTime(*q, 14, c.update_time);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::Status UpdateCreditLine(sql::Connection& conn, const CreditLineRecord& c) {
  db::Statement q = db::Prepare(conn,
      "UPDATE credit_lines SET state = ?, outstanding_fen = ?, body_json = ?, version = ?, update_time = ?"
      " WHERE id = ?");
  q->setInt(1, static_cast<int>(c.state));
  q->setInt64(2, c.line.outstanding_principal_fen);
  q->setString(3, EncodeCreditLineBody(c));
  q->setInt64(4, c.version);
  db::BindTime(*q, 5, c.update_time);
  q->setString(6, c.id);
  q->executeUpdate();
  return absl::OkStatus();
}

}  // namespace huinong::loans::store
