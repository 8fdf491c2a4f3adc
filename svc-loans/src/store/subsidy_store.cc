// See subsidy_store.h. Place, state, period, amount and notice dates are
// columns (lists filter on them); the rest of the record is body_json
// (times as RFC 3339, days as "YYYY-MM-DD", enums as numbers).
#include "svc-loans/src/store/subsidy_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/core/json_fields.h"
#include "common/db/document_ref_json.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "common/db/where.h"

namespace huinong::loans::store {
namespace {

using json::Json;

using db::DocumentRefsJson;
using db::DocumentRefsOf;

Json StepJson(const SubsidyStep& s) {
  return {{"decided_by", s.decided_by},
          {"decide_time", json::InstantText(s.decide_time)},
          {"comment", s.comment},
          {"documents", DocumentRefsJson(s.documents)}};
}
std::optional<SubsidyStep> StepOf(const Json& body, const char* key) {
  const Json& v = json::Field(body, key);
  if (!v.is_object()) return std::nullopt;
  SubsidyStep s;
  s.decided_by = json::String(v, "decided_by");
  s.decide_time = json::Instant(v, "decide_time").value_or(absl::UnixEpoch());
  s.comment = json::String(v, "comment");
  s.documents = DocumentRefsOf(v, "documents");
  return s;
}

Json LinesJson(const SubsidyComputation& c) {
  Json lines = Json::array();
  for (const SubsidyLine& l : c.lines) {
    lines.push_back({{"class", static_cast<int>(l.subsidy_class)},
                     {"principal_fen", l.principal_fen},
                     {"days", l.days},
                     {"rate_bp", l.rate_bp},
                     {"amount_fen", l.amount_fen}});
  }
  return {{"lines", lines}, {"computed_fen", c.computed_fen}};
}
SubsidyComputation ComputationOf(const Json& body, int64_t amount_fen) {
  SubsidyComputation c;
  const Json& v = json::Field(body, "computation");
  for (const Json& l : json::Array(v, "lines")) {
    c.lines.push_back({static_cast<SubsidyClass>(json::Int(l, "class")), json::Int(l, "principal_fen"),
                       static_cast<int>(json::Int(l, "days")), static_cast<int>(json::Int(l, "rate_bp")),
                       json::Int(l, "amount_fen")});
  }
  c.computed_fen = json::Int(v, "computed_fen");
  c.amount_fen = amount_fen;
  return c;
}

std::string BodyJson(const SubsidyClaimRecord& r) {
  Json body = Json::object();
  body["interest_paid_fen"] = r.interest_paid_fen;
  body["vouchers"] = DocumentRefsJson(r.vouchers);
  body["bank_card_number"] = r.bank_card_number;
  body["computation"] = LinesJson(r.computation);
  body["request_id"] = r.request_id;
  if (r.township_check) body["township_check"] = StepJson(*r.township_check);
  if (r.county_review) body["county_review"] = StepJson(*r.county_review);
  if (!r.notice.empty()) body["notice"] = db::DocumentRefJson(r.notice);
  Json objections = Json::array();
  for (const SubsidyObjection& o : r.objections) {
    objections.push_back({{"index", o.index},
                          {"objector", o.objector},
                          {"content", o.content},
                          {"documents", DocumentRefsJson(o.documents)},
                          {"recorded_by", o.recorded_by},
                          {"record_time", json::InstantText(o.record_time)},
                          {"resolved", o.resolved}});
  }
  body["objections"] = objections;
  if (r.payment) {
    body["payment"] = {{"amount_fen", r.payment->amount_fen},
                       {"paid_date", json::DayText(r.payment->paid_date)},
                       {"finance_reference", r.payment->finance_reference},
                       {"paid_by", r.payment->paid_by},
                       {"record_time", json::InstantText(r.payment->record_time)}};
  }
  if (r.clawback) {
    body["clawback"] = {{"category", static_cast<int>(r.clawback->category)},
                        {"amount_fen", r.clawback->amount_fen},
                        {"finding", r.clawback->finding},
                        {"documents", DocumentRefsJson(r.clawback->documents)},
                        {"recorded_by", r.clawback->recorded_by},
                        {"record_time", json::InstantText(r.clawback->record_time)}};
  }
  if (r.rejection) {
    body["rejection"] = {{"reason", r.rejection->reason},
                         {"rejected_by", r.rejection->rejected_by},
                         {"reject_time", json::InstantText(r.rejection->reject_time)}};
  }
  return json::Print(body);
}

constexpr char kColumns[] =
    "id, loan_id, borrower_id, unit_id, township_id, county_id, state, period_start, period_end, amount_fen,"
    " notice_start_date, notice_end_date, policy_id, body_json, version, create_time, update_time";

SubsidyClaimRecord RecordOf(sql::ResultSet& rs) {
  SubsidyClaimRecord r;
  r.id = db::StringColumn(rs, "id");
  r.loan_id = db::StringColumn(rs, "loan_id");
  r.borrower_id = db::StringColumn(rs, "borrower_id");
  r.unit_id = db::StringColumn(rs, "unit_id");
  r.township_id = db::StringColumn(rs, "township_id");
  r.county_id = db::StringColumn(rs, "county_id");
  r.state = static_cast<SubsidyClaimState>(rs.getInt("state"));
  r.period = {db::DateColumn(rs, "period_start"), db::DateColumn(rs, "period_end")};
  r.notice_start_date = db::OptionalDateColumn(rs, "notice_start_date");
  r.notice_end_date = db::OptionalDateColumn(rs, "notice_end_date");
  r.policy_id = db::StringColumn(rs, "policy_id");
  r.version = rs.getInt64("version");
  r.create_time = db::TimeColumn(rs, "create_time");
  r.update_time = db::TimeColumn(rs, "update_time");
  const Json body = json::Parse(db::StringColumn(rs, "body_json"));
  r.interest_paid_fen = json::Int(body, "interest_paid_fen");
  r.vouchers = DocumentRefsOf(body, "vouchers");
  r.bank_card_number = json::String(body, "bank_card_number");
  r.computation = ComputationOf(body, rs.getInt64("amount_fen"));
  r.request_id = json::String(body, "request_id");
  r.township_check = StepOf(body, "township_check");
  r.county_review = StepOf(body, "county_review");
  if (json::Field(body, "notice").is_object()) r.notice = db::DocumentRefOf(json::Field(body, "notice"));
  for (const Json& o : json::Array(body, "objections")) {
    SubsidyObjection x;
    x.index = static_cast<int>(json::Int(o, "index"));
    x.objector = json::String(o, "objector");
    x.content = json::String(o, "content");
    x.documents = DocumentRefsOf(o, "documents");
    x.recorded_by = json::String(o, "recorded_by");
    x.record_time = json::Instant(o, "record_time").value_or(absl::UnixEpoch());
    x.resolved = json::Bool(o, "resolved");
    r.objections.push_back(std::move(x));
  }
  if (const Json& p = json::Field(body, "payment"); p.is_object()) {
    r.payment = SubsidyPayment{json::Int(p, "amount_fen"), json::Day(p, "paid_date").value_or(absl::CivilDay()),
                               json::String(p, "finance_reference"), json::String(p, "paid_by"),
                               json::Instant(p, "record_time").value_or(absl::UnixEpoch())};
  }
  if (const Json& c = json::Field(body, "clawback"); c.is_object()) {
    SubsidyClawback x;
    x.category = static_cast<ClawbackCategory>(json::Int(c, "category"));
    x.amount_fen = json::Int(c, "amount_fen");
    x.finding = json::String(c, "finding");
    x.documents = DocumentRefsOf(c, "documents");
    x.recorded_by = json::String(c, "recorded_by");
    x.record_time = json::Instant(c, "record_time").value_or(absl::UnixEpoch());
    r.clawback = std::move(x);
  }
  if (const Json& j = json::Field(body, "rejection"); j.is_object()) {
    r.rejection = SubsidyRejection{json::String(j, "reason"), json::String(j, "rejected_by"),
                                   json::Instant(j, "reject_time").value_or(absl::UnixEpoch())};
  }
  return r;
}

// A claw-back for a diverted or fraudulent loan takes the subsidy from the loan.
bool ForfeitsLoan(const SubsidyClaimRecord& r) {
  return r.state == SubsidyClaimState::kClawedBack && r.clawback &&
         r.clawback->category != ClawbackCategory::kOverpaid;
}

// Binds every column of the row, in kColumns' order plus forfeits_loan.
int BindRow(sql::PreparedStatement& q, const SubsidyClaimRecord& r) {
  int i = 1;
  q.setString(i++, r.id);
  q.setString(i++, r.loan_id);
  q.setString(i++, r.borrower_id);
  q.setString(i++, r.unit_id);
  q.setString(i++, r.township_id);
  q.setString(i++, r.county_id);
  q.setInt(i++, static_cast<int>(r.state));
  db::BindDate(q, i++, r.period.start);
  db::BindDate(q, i++, r.period.end);
  q.setInt64(i++, r.computation.amount_fen);
  db::BindOptionalDate(q, i++, r.notice_start_date);
  db::BindOptionalDate(q, i++, r.notice_end_date);
  q.setString(i++, r.policy_id);
  q.setString(i++, BodyJson(r));
  q.setInt64(i++, r.version);
  db::BindTime(q, i++, r.create_time);
  db::BindTime(q, i++, r.update_time);
  q.setInt(i++, ForfeitsLoan(r) ? 1 : 0);
  return i;
}

}  // namespace

absl::StatusOr<std::optional<SubsidyClaimRecord>> GetSubsidyClaim(sql::Connection& conn, const std::string& id,
                                                                 bool lock) {
  db::Statement q = db::Prepare(
      conn, absl::StrCat("SELECT ", kColumns, " FROM subsidy_claims WHERE id = ?", lock ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return db::First(db::Rows<SubsidyClaimRecord>(*q, RecordOf));
}

absl::StatusOr<std::vector<SubsidyClaimRecord>> LoanSubsidyClaims(sql::Connection& conn, const std::string& loan_id,
                                                                  bool lock) {
  db::Statement q = db::Prepare(conn, absl::StrCat("SELECT ", kColumns,
                                                   " FROM subsidy_claims WHERE loan_id = ? ORDER BY id",
                                                   lock ? " FOR UPDATE" : ""));
  q->setString(1, loan_id);
  return db::Rows<SubsidyClaimRecord>(*q, RecordOf);
}

absl::StatusOr<bool> SubsidyForfeited(sql::Connection& conn, const std::string& loan_id) {
  db::Statement q = db::Prepare(conn, "SELECT 1 AS one FROM subsidy_claims WHERE loan_id = ? AND forfeits_loan = 1 LIMIT 1");
  q->setString(1, loan_id);
  return db::First(db::Rows<int>(*q, [](sql::ResultSet& rs) { return rs.getInt("one"); })).has_value();
}

absl::Status InsertSubsidyClaim(sql::Connection& conn, const SubsidyClaimRecord& claim) {
  db::Statement q = db::Prepare(conn, absl::StrCat("INSERT INTO subsidy_claims (", kColumns,
                                                   ", forfeits_loan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                                   " ?, ?, ?, ?, ?)"));
  BindRow(*q, claim);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::Status UpdateSubsidyClaim(sql::Connection& conn, const SubsidyClaimRecord& claim) {
  db::Statement q = db::Prepare(conn,
      "UPDATE subsidy_claims SET id = ?, loan_id = ?, borrower_id = ?, unit_id = ?, township_id = ?, county_id = ?,"
      " state = ?, period_start = ?, period_end = ?, amount_fen = ?, notice_start_date = ?, notice_end_date = ?,"
      " policy_id = ?, body_json = ?, version = ?, create_time = ?, update_time = ?, forfeits_loan = ?"
      " WHERE id = ?");
  const int next = BindRow(*q, claim);
  q->setString(next, claim.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<SubsidyClaimRecord>> ListSubsidyClaims(sql::Connection& conn,
                                                                  const SubsidyClaimQuery& f) {
  db::Where where;
  where.And("id > ?", {f.after_id});
  where.AndIf(!f.loan_id.empty(), "loan_id = ?", {f.loan_id});
  where.AndIf(!f.borrower_id.empty(), "borrower_id = ?", {f.borrower_id});
  where.AndIf(!f.unit_id.empty(), "unit_id = ?", {f.unit_id});
  where.AndIf(!f.township_id.empty(), "township_id = ?", {f.township_id});
  where.AndIf(!f.county_id.empty(), "county_id = ?", {f.county_id});
  if (f.state) where.And("state = ?", {static_cast<int64_t>(*f.state)});
  if (f.notice_end_from) where.And("notice_end_date >= ?", {*f.notice_end_from});
  if (f.notice_end_to) where.And("notice_end_date <= ?", {*f.notice_end_to});
  db::Statement q =
      db::Prepare(conn, absl::StrCat("SELECT ", kColumns, " FROM subsidy_claims", where.Sql(), " ORDER BY id LIMIT ?"));
  const int next = where.Bind(*q);
  q->setInt(next, f.limit);
  return db::Rows<SubsidyClaimRecord>(*q, RecordOf);
}

absl::StatusOr<std::vector<std::pair<int, int64_t>>> CountSubsidyClaimsByState(sql::Connection& conn) {
  db::Statement q = db::Prepare(conn, "SELECT state, COUNT(*) AS n FROM subsidy_claims GROUP BY state");
  return db::Rows<std::pair<int, int64_t>>(
      *q, [](sql::ResultSet& rs) { return std::make_pair(rs.getInt("state"), rs.getInt64("n")); });
}

}  // namespace huinong::loans::store
