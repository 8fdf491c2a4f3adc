// See loss_store.h.
#include "svc-loans/src/store/loss_store.h"

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
#include "common/rpc/status_details.h"

namespace huinong::loans::store {
namespace {

constexpr const char* kWriteOffColumns =
    "SELECT loan_id, county_id, state, write_off_date, principal_fen, interest_fen, reason, documents_json,"
    " requested_by, request_time, decided_by, decide_time, decision_comment, version FROM loan_write_offs";

WriteOffRecord WriteOffRow(sql::ResultSet& rs) {
  WriteOffRecord w;
  w.loan_id = rs.getString("loan_id");
  w.county_id = rs.getString("county_id");
  w.state = static_cast<WriteOffState>(rs.getInt("state"));
  w.date = db::DateColumn(rs, "write_off_date");
  w.principal_fen = rs.getInt64("principal_fen");
  w.interest_fen = rs.getInt64("interest_fen");
  w.reason = rs.getString("reason");
  w.documents = db::DocumentRefsOf(json::Parse(std::string(rs.getString("documents_json"))));
  w.requested_by = rs.getString("requested_by");
  w.request_time = db::TimeColumn(rs, "request_time");
  w.decided_by = rs.getString("decided_by");
  w.decide_time = db::OptionalTimeColumn(rs, "decide_time");
  w.decision_comment = rs.getString("decision_comment");
  w.version = rs.getInt64("version");
  return w;
}

constexpr const char* kRecoveryColumns =
    "SELECT id, loan_id, request_id, amount_fen, value_date, source, bank_reference, note, malicious_evasion,"
    " closes_case, fund_share_fen, fund_transaction_id, blacklist_entry_id, recorded_by, record_time"
    " FROM loan_recoveries";

RecoveryRecord RecoveryRow(sql::ResultSet& rs) {
  RecoveryRecord r;
  r.id = rs.getString("id");
  r.loan_id = rs.getString("loan_id");
  r.request_id = rs.getString("request_id");
  r.amount_fen = rs.getInt64("amount_fen");
  r.value_date = db::DateColumn(rs, "value_date");
  r.source = static_cast<RecoverySource>(rs.getInt("source"));
  r.bank_reference = rs.getString("bank_reference");
  r.note = rs.getString("note");
  r.malicious_evasion = rs.getInt("malicious_evasion") != 0;
  r.closes_case = rs.getInt("closes_case") != 0;
  r.fund_share_fen = rs.getInt64("fund_share_fen");
  r.fund_transaction_id = rs.getString("fund_transaction_id");
  r.blacklist_entry_id = rs.getString("blacklist_entry_id");
  r.recorded_by = rs.getString("recorded_by");
  r.record_time = db::TimeColumn(rs, "record_time");
  return r;
}

AccountabilityRecord AccountabilityRow(sql::ResultSet& rs) {
  AccountabilityRecord a;
  a.loan_id = rs.getString("loan_id");
  a.index = rs.getInt("idx");
  a.staff_id = rs.getString("staff_id");
  a.kind = static_cast<AccountabilityKind>(rs.getInt("kind"));
  a.finding = rs.getString("finding");
  a.decision = rs.getString("decision");
  a.documents = db::DocumentRefsOf(json::Parse(std::string(rs.getString("documents_json"))));
  a.recorded_by = rs.getString("recorded_by");
  a.record_time = db::TimeColumn(rs, "record_time");
  return a;
}

}  // namespace

absl::StatusOr<std::optional<WriteOffRecord>> GetWriteOff(sql::Connection& conn, const std::string& loan_id) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kWriteOffColumns, " WHERE loan_id = ?"));
  q->setString(1, loan_id);
  return db::First(db::Rows<WriteOffRecord>(*q, WriteOffRow));
}

absl::Status SaveWriteOff(sql::Connection& conn, const WriteOffRecord& w) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO loan_write_offs (loan_id, county_id, state, write_off_date, principal_fen, interest_fen, reason,"
      " documents_json, requested_by, request_time, decided_by, decide_time, decision_comment, version)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE state = VALUES(state),"
      " write_off_date = VALUES(write_off_date), principal_fen = VALUES(principal_fen),"
      " interest_fen = VALUES(interest_fen), reason = VALUES(reason), documents_json = VALUES(documents_json),"
      " requested_by = VALUES(requested_by), request_time = VALUES(request_time), decided_by = VALUES(decided_by),"
      " decide_time = VALUES(decide_time), decision_comment = VALUES(decision_comment), version = VALUES(version)");
  q->setString(1, w.loan_id);
  q->setString(2, w.county_id);
  q->setInt(3, static_cast<int>(w.state));
  db::BindDate(*q, 4, w.date);
  q->setInt64(5, w.principal_fen);
  q->setInt64(6, w.interest_fen);
  q->setString(7, w.reason);
  q->setString(8, json::Print(db::DocumentRefsJson(w.documents)));
  q->setString(9, w.requested_by);
  db::BindTime(*q, 10, w.request_time);
  q->setString(11, w.decided_by);
  db::BindOptionalTime(*q, 12, w.decide_time);
  q->setString(13, w.decision_comment);
  q->setInt64(14, w.version);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::Status InsertRecovery(sql::Connection& conn, const RecoveryRecord& r) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO loan_recoveries (id, loan_id, request_id, amount_fen, value_date, source, bank_reference, note,"
        " malicious_evasion, closes_case, fund_share_fen, fund_transaction_id, blacklist_entry_id, recorded_by,"
        " record_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, r.id);
    q->setString(2, r.loan_id);
    q->setString(3, r.request_id);
    q->setInt64(4, r.amount_fen);
    db::BindDate(*q, 5, r.value_date);
    q->setInt(6, static_cast<int>(r.source));
    q->setString(7, r.bank_reference);
    q->setString(8, r.note);
    q->setInt(9, r.malicious_evasion ? 1 : 0);
    q->setInt(10, r.closes_case ? 1 : 0);
    q->setInt64(11, r.fund_share_fen);
    q->setString(12, r.fund_transaction_id);
    q->setString(13, r.blacklist_entry_id);
    q->setString(14, r.recorded_by);
    db::BindTime(*q, 15, r.record_time);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& ex) {
    if (ex.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::AlreadyExists("BANK_REFERENCE_USED",
                              absl::StrCat("the bank's reference ", r.bank_reference, " recovered money before"));
  }
}

absl::StatusOr<std::vector<RecoveryRecord>> LoanRecoveries(sql::Connection& conn, const std::string& loan_id) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kRecoveryColumns, " WHERE loan_id = ? ORDER BY id"));
  q->setString(1, loan_id);
  return db::Rows<RecoveryRecord>(*q, RecoveryRow);
}

absl::StatusOr<std::vector<RecoveryRecord>> ListRecoveries(sql::Connection& conn, const std::string& loan_id,
                                                           const std::string& after_id, int limit) {
  db::Statement q =
      db::Prepare(conn, absl::StrCat(kRecoveryColumns, " WHERE loan_id = ? AND id > ? ORDER BY id LIMIT ?"));
  q->setString(1, loan_id);
  q->setString(2, after_id);
  q->setInt(3, limit);
  return db::Rows<RecoveryRecord>(*q, RecoveryRow);
}

absl::Status InsertAccountability(sql::Connection& conn, const AccountabilityRecord& a) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO loan_accountability (loan_id, idx, staff_id, kind, finding, decision, documents_json,"
      " recorded_by, record_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, a.loan_id);
  q->setInt(2, a.index);
  q->setString(3, a.staff_id);
  q->setInt(4, static_cast<int>(a.kind));
  q->setString(5, a.finding);
  q->setString(6, a.decision);
  q->setString(7, json::Print(db::DocumentRefsJson(a.documents)));
  q->setString(8, a.recorded_by);
  db::BindTime(*q, 9, a.record_time);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<AccountabilityRecord>> LoanAccountability(sql::Connection& conn,
                                                                     const std::string& loan_id) {
  db::Statement q = db::Prepare(conn,
      "SELECT loan_id, idx, staff_id, kind, finding, decision, documents_json, recorded_by, record_time"
      " FROM loan_accountability WHERE loan_id = ? ORDER BY idx");
  q->setString(1, loan_id);
  return db::Rows<AccountabilityRecord>(*q, AccountabilityRow);
}

}  // namespace huinong::loans::store
