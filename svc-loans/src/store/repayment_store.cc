// See repayment_store.h. The schedule and the allocation are JSON: amounts
// in fen, days as "YYYY-MM-DD".
#include "svc-loans/src/store/repayment_store.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/core/json_fields.h"
#include "common/db/pool.h"
#include "common/db/sql_columns.h"
#include "common/db/sql_time.h"
#include "common/db/statements.h"

namespace huinong::loans::store {
namespace {

using json::Json;

constexpr const char* kRepaymentColumns =
    "SELECT id, loan_id, request_id, bank_reference, value_date, posting_date, amount_fen, allocation_json,"
    " recorded_by, create_time FROM repayments";

absl::CivilDay DayOr(const Json& v, const char* key) { return json::Day(v, key).value_or(absl::CivilDay(1970, 1, 1)); }

std::string EncodeAllocation(const Allocation& a) {
  return json::Print(Json{{"interest_fen", a.interest_fen},
                          {"principal_fen", a.principal_fen},
                          {"prepaid_principal_fen", a.prepaid_principal_fen},
                          {"unapplied_fen", a.unapplied_fen},
                          {"rebuilt", a.rebuilt},
                          {"settled", a.settled}});
}

RepaymentRecord RepaymentRow(sql::ResultSet& rs) {
  RepaymentRecord r;
  r.id = rs.getString("id");
  r.loan_id = rs.getString("loan_id");
  r.request_id = rs.getString("request_id");
  r.bank_reference = rs.getString("bank_reference");
  r.repayment = Repayment{r.id, db::DateColumn(rs, "value_date"), db::DateColumn(rs, "posting_date"),
                          rs.getInt64("amount_fen")};
  const Json a = json::Parse(std::string(rs.getString("allocation_json")));
  r.allocation.request_id = r.id;
  r.allocation.value_date = r.repayment.value_date;
  r.allocation.posting_date = r.repayment.posting_date;
  r.allocation.interest_fen = json::Int(a, "interest_fen");
  r.allocation.principal_fen = json::Int(a, "principal_fen");
  r.allocation.prepaid_principal_fen = json::Int(a, "prepaid_principal_fen");
  r.allocation.unapplied_fen = json::Int(a, "unapplied_fen");
  r.allocation.rebuilt = json::Bool(a, "rebuilt");
  r.allocation.settled = json::Bool(a, "settled");
  r.recorded_by = rs.getString("recorded_by");
  r.create_time = db::TimeColumn(rs, "create_time");
  return r;
}

}  // namespace

absl::Status SaveSchedule(sql::Connection& conn, const std::string& loan_id, const std::vector<Instalment>& schedule) {
  Json rows = Json::array();
  for (const Instalment& i : schedule) {
    rows.push_back({{"index", i.index},
                    {"period_start", absl::FormatCivilTime(i.period_start)},
                    {"due_date", absl::FormatCivilTime(i.due_date)},
                    {"days", i.days},
                    {"principal_due_fen", i.principal_due_fen},
                    {"interest_due_fen", i.interest_due_fen}});
  }
  db::Statement q = db::Prepare(conn, "UPDATE loans SET schedule_json = ? WHERE id = ?");
  q->setString(1, json::Print(Json{{"instalments", rows}}));
  q->setString(2, loan_id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Instalment>> GetSchedule(sql::Connection& conn, const std::string& loan_id) {
  db::Statement q = db::Prepare(conn, "SELECT schedule_json FROM loans WHERE id = ?");
  q->setString(1, loan_id);
  const std::optional<std::string> text = db::First(db::Rows<std::string>(*q, [](sql::ResultSet& rs) {
    return db::StringColumn(rs, "schedule_json");
  }));
  std::vector<Instalment> out;
  if (!text || text->empty()) return out;
  const Json doc = json::Parse(*text);  // outlives the loop (Array returns a member)
  for (const Json& row : json::Array(doc, "instalments")) {
    Instalment i;
    i.index = static_cast<int>(json::Int(row, "index"));
    i.period_start = DayOr(row, "period_start");
    i.due_date = DayOr(row, "due_date");
    i.days = static_cast<int>(json::Int(row, "days"));
    i.principal_due_fen = json::Int(row, "principal_due_fen");
    i.interest_due_fen = json::Int(row, "interest_due_fen");
    out.push_back(i);
  }
  return out;
}

absl::Status InsertRepayment(sql::Connection& conn, const RepaymentRecord& r) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO repayments (id, loan_id, request_id, bank_reference, value_date, posting_date, amount_fen,"
      " allocation_json, recorded_by, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, r.id);
  q->setString(2, r.loan_id);
  q->setString(3, r.request_id);
  q->setString(4, r.bank_reference);
  db::BindDate(*q, 5, r.repayment.value_date);
  db::BindDate(*q, 6, r.repayment.posting_date);
  q->setInt64(7, r.repayment.amount_fen);
  q->setString(8, EncodeAllocation(r.allocation));
  q->setString(9, r.recorded_by);
  db::BindTime(*q, 10, r.create_time);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<RepaymentRecord>> FindRepaymentByReference(sql::Connection& conn,
                                                                        const std::string& loan_id,
                                                                        const std::string& bank_reference) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kRepaymentColumns, " WHERE loan_id = ? AND bank_reference = ?"));
  q->setString(1, loan_id);
  q->setString(2, bank_reference);
  return db::First(db::Rows<RepaymentRecord>(*q, RepaymentRow));
}

absl::StatusOr<std::vector<RepaymentRecord>> LoanRepayments(sql::Connection& conn, const std::string& loan_id) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kRepaymentColumns, " WHERE loan_id = ? ORDER BY value_date, id"));
  q->setString(1, loan_id);
  return db::Rows<RepaymentRecord>(*q, RepaymentRow);
}

absl::StatusOr<absl::flat_hash_map<std::string, std::vector<RepaymentRecord>>> RepaymentsOfLoans(
    sql::Connection& conn, const std::vector<std::string>& loan_ids) {
  absl::flat_hash_map<std::string, std::vector<RepaymentRecord>> out;
  if (loan_ids.empty()) return out;
  std::string marks;
  for (size_t i = 0; i < loan_ids.size(); ++i) absl::StrAppend(&marks, i == 0 ? "?" : ", ?");
  db::Statement q = db::Prepare(
      conn, absl::StrCat(kRepaymentColumns, " WHERE loan_id IN (", marks, ") ORDER BY loan_id, value_date, id"));
  for (size_t i = 0; i < loan_ids.size(); ++i) q->setString(static_cast<int>(i) + 1, loan_ids[i]);
  for (RepaymentRecord& r : db::Rows<RepaymentRecord>(*q, RepaymentRow)) out[r.loan_id].push_back(std::move(r));
  return out;
}

absl::StatusOr<std::vector<RepaymentRecord>> ListRepayments(sql::Connection& conn, const std::string& loan_id,
                                                            const std::string& after, int limit) {
  const std::vector<std::string> key = absl::StrSplit(after, absl::MaxSplits('/', 1));
  const bool from_first = after.empty() || key.size() != 2;
  db::Statement q = db::Prepare(conn, absl::StrCat(kRepaymentColumns, " WHERE loan_id = ?",
                                                   from_first ? "" : " AND (value_date > ? OR (value_date = ? AND id > ?))",
                                                   " ORDER BY value_date, id LIMIT ?"));
  int i = 1;
  q->setString(i++, loan_id);
  if (!from_first) {
    q->setString(i++, key[0]);
    q->setString(i++, key[0]);
    q->setString(i++, key[1]);
  }
  q->setInt(i, limit);
  return db::Rows<RepaymentRecord>(*q, RepaymentRow);
}

std::string RepaymentKey(const RepaymentRecord& r) {
  return absl::StrCat(absl::FormatCivilTime(r.repayment.value_date), "/", r.id);
}

}  // namespace huinong::loans::store
