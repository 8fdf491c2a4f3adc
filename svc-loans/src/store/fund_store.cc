// See fund_store.h. A claim's reviews are JSON: [{"party", "approved",
// "reviewer", "review_time", "comment"}].
#include "svc-loans/src/store/fund_store.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/core/json_fields.h"
#include "common/db/pool.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "common/db/where.h"
#include "common/rpc/status_details.h"

namespace huinong::loans::store {
namespace {

using json::Json;

constexpr const char* kFundColumns =
    "SELECT id, county_id, title, finance_bureau_id, poverty_office_id, balance_fen, total_contributions_fen, total_compensations_fen,"
    " total_recoveries_fen, version, create_time, update_time FROM risk_funds";

RiskFund FundRow(sql::ResultSet& rs) {
  RiskFund f;
  f.id = rs.getString("id");
  f.county_id = rs.getString("county_id");
  f.title = rs.getString("title");
  f.finance_bureau_id = rs.getString("finance_bureau_id");
  f.poverty_office_id = rs.getString("poverty_office_id");
  f.balance_fen = rs.getInt64("balance_fen");
  f.total_contributions_fen = rs.getInt64("total_contributions_fen");
  f.total_compensations_fen = rs.getInt64("total_compensations_fen");
  f.total_recoveries_fen = rs.getInt64("total_recoveries_fen");
  f.version = rs.getInt64("version");
  f.create_time = db::TimeColumn(rs, "create_time");
  f.update_time = db::TimeColumn(rs, "update_time");
  return f;
}

constexpr const char* kMovementColumns =
    "SELECT id, fund_id, kind, amount_fen, value_date, reference, claim_id, loan_id, balance_after_fen, note,"
    " recorded_by, record_time FROM fund_transactions";

FundMovement MovementRow(sql::ResultSet& rs) {
  FundMovement m;
  m.id = rs.getString("id");
  m.fund_id = rs.getString("fund_id");
  m.kind = static_cast<FundMovementKind>(rs.getInt("kind"));
  m.amount_fen = rs.getInt64("amount_fen");
  m.value_date = db::DateColumn(rs, "value_date");
  m.reference = rs.getString("reference");
  m.claim_id = rs.getString("claim_id");
  m.loan_id = rs.getString("loan_id");
  m.balance_after_fen = rs.getInt64("balance_after_fen");
  m.note = rs.getString("note");
  m.recorded_by = rs.getString("recorded_by");
  m.record_time = db::TimeColumn(rs, "record_time");
  return m;
}

constexpr const char* kClaimColumns =
    "SELECT id, fund_id, loan_id, county_id, loss_fen, ratio_bp, policy_id, amount_fen, state, reviews_json,"
    " payment_transaction_id, recovered_to_fund_fen, filed_by, rejection_reason, rejected_by, reject_time,"
    " version, create_time, update_time FROM compensation_claims";

std::string ReviewsJson(const std::vector<PartyReview>& reviews) {
  Json out = Json::array();
  for (const PartyReview& r : reviews) {
    out.push_back({{"party", static_cast<int>(r.party)},
                   {"approved", r.approved},
                   {"reviewer", r.reviewer},
                   {"review_time", json::InstantText(r.review_time)},
                   {"comment", r.comment}});
  }
  return json::Print(out);
}

CompensationClaim ClaimRow(sql::ResultSet& rs) {
  CompensationClaim c;
  c.id = rs.getString("id");
  c.fund_id = rs.getString("fund_id");
  c.loan_id = rs.getString("loan_id");
  c.county_id = rs.getString("county_id");
  c.loss_fen = rs.getInt64("loss_fen");
  c.ratio_bp = rs.getInt("ratio_bp");
  c.policy_id = rs.getString("policy_id");
  c.amount_fen = rs.getInt64("amount_fen");
  c.state = static_cast<ClaimState>(rs.getInt("state"));
  const Json reviews = json::Parse(std::string(rs.getString("reviews_json")));
  if (reviews.is_array()) {
    for (const Json& r : reviews) {
      PartyReview p;
      p.party = static_cast<ReviewParty>(json::Int(r, "party"));
      p.approved = json::Bool(r, "approved");
      p.reviewer = json::String(r, "reviewer");
      p.review_time = json::Instant(r, "review_time").value_or(absl::UnixEpoch());
      p.comment = json::String(r, "comment");
      c.reviews.push_back(std::move(p));
    }
  }
  c.payment_transaction_id = rs.getString("payment_transaction_id");
  c.recovered_to_fund_fen = rs.getInt64("recovered_to_fund_fen");
  c.filed_by = rs.getString("filed_by");
  c.rejection_reason = rs.getString("rejection_reason");
  c.rejected_by = rs.getString("rejected_by");
  c.reject_time = db::OptionalTimeColumn(rs, "reject_time");
  c.version = rs.getInt64("version");
  c.create_time = db::TimeColumn(rs, "create_time");
  c.update_time = db::TimeColumn(rs, "update_time");
  return c;
}

}  // namespace

absl::StatusOr<std::optional<RiskFund>> GetRiskFund(sql::Connection& conn, const std::string& id, bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kFundColumns, " WHERE id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return db::First(db::Rows<RiskFund>(*q, FundRow));
}

absl::StatusOr<std::optional<RiskFund>> RiskFundOfCounty(sql::Connection& conn, const std::string& county_id) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kFundColumns, " WHERE county_id = ?"));
  q->setString(1, county_id);
  return db::First(db::Rows<RiskFund>(*q, FundRow));
}

absl::Status InsertRiskFund(sql::Connection& conn, const RiskFund& f) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO risk_funds (id, county_id, title, finance_bureau_id, poverty_office_id, balance_fen,"
        " total_contributions_fen, total_compensations_fen, total_recoveries_fen, version, create_time,"
        " update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, f.id);
    q->setString(2, f.county_id);
    q->setString(3, f.title);
    q->setString(4, f.finance_bureau_id);
    q->setString(5, f.poverty_office_id);
    q->setInt64(6, f.balance_fen);
    q->setInt64(7, f.total_contributions_fen);
    q->setInt64(8, f.total_compensations_fen);
    q->setInt64(9, f.total_recoveries_fen);
    q->setInt64(10, f.version);
    db::BindTime(*q, 11, f.create_time);
    db::BindTime(*q, 12, f.update_time);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& ex) {
    if (ex.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::AlreadyExists("FUND_EXISTS", absl::StrCat("units/", f.county_id, " has a risk fund"));
  }
}

absl::Status UpdateRiskFund(sql::Connection& conn, const RiskFund& f) {
  db::Statement q = db::Prepare(conn,
      "UPDATE risk_funds SET balance_fen = ?, total_contributions_fen = ?, total_compensations_fen = ?,"
      " total_recoveries_fen = ?, version = ?, update_time = ? WHERE id = ?");
  q->setInt64(1, f.balance_fen);
  q->setInt64(2, f.total_contributions_fen);
  q->setInt64(3, f.total_compensations_fen);
  q->setInt64(4, f.total_recoveries_fen);
  q->setInt64(5, f.version);
  db::BindTime(*q, 6, f.update_time);
  q->setString(7, f.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<RiskFund>> ListRiskFunds(sql::Connection& conn, const std::string& county_id,
                                                    const std::string& after_id, int limit) {
  db::Where where;
  where.And("id > ?", {after_id});
  where.AndIf(!county_id.empty(), "county_id = ?", {county_id});
  db::Statement q = db::Prepare(conn, absl::StrCat(kFundColumns, where.Sql(), " ORDER BY id LIMIT ?"));
  q->setInt(where.Bind(*q), limit);
  return db::Rows<RiskFund>(*q, FundRow);
}

absl::Status InsertFundMovement(sql::Connection& conn, const FundMovement& m) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO fund_transactions (id, fund_id, kind, amount_fen, value_date, reference, claim_id, loan_id,"
      " balance_after_fen, note, recorded_by, record_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, m.id);
  q->setString(2, m.fund_id);
  q->setInt(3, static_cast<int>(m.kind));
  q->setInt64(4, m.amount_fen);
  db::BindDate(*q, 5, m.value_date);
  q->setString(6, m.reference);
  q->setString(7, m.claim_id);
  q->setString(8, m.loan_id);
  q->setInt64(9, m.balance_after_fen);
  q->setString(10, m.note);
  q->setString(11, m.recorded_by);
  db::BindTime(*q, 12, m.record_time);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<FundMovement>> GetFundMovement(sql::Connection& conn, const std::string& id) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kMovementColumns, " WHERE id = ?"));
  q->setString(1, id);
  return db::First(db::Rows<FundMovement>(*q, MovementRow));
}

absl::StatusOr<std::vector<FundMovement>> ListFundMovements(sql::Connection& conn, const FundMovementQuery& f) {
  db::Where where;
  where.And("fund_id = ?", {f.fund_id});
  where.And("id > ?", {f.after_id});
  where.AndIf(f.kind != 0, "kind = ?", {int64_t{f.kind}});
  if (f.from) where.And("value_date >= ?", {*f.from});
  if (f.to) where.And("value_date <= ?", {*f.to});
  db::Statement q = db::Prepare(conn, absl::StrCat(kMovementColumns, where.Sql(), " ORDER BY id LIMIT ?"));
  q->setInt(where.Bind(*q), f.limit);
  return db::Rows<FundMovement>(*q, MovementRow);
}

absl::StatusOr<LedgerSums> SumFundMovements(sql::Connection& conn, const std::string& fund_id) {
  db::Statement q = db::Prepare(conn,
      "SELECT kind, COALESCE(SUM(amount_fen), 0) AS total, COUNT(*) AS n FROM fund_transactions"
      " WHERE fund_id = ? GROUP BY kind");
  q->setString(1, fund_id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  LedgerSums sums;
  while (rs->next()) {
    const int64_t total = rs->getInt64("total");
    sums.count += rs->getInt64("n");
    switch (static_cast<FundMovementKind>(rs->getInt("kind"))) {
      case FundMovementKind::kContribution:
      case FundMovementKind::kReplenishment: sums.contributions_fen += total; break;
      case FundMovementKind::kCompensation: sums.compensations_fen += total; break;
      case FundMovementKind::kRecovery: sums.recoveries_fen += total; break;
    }
  }
  return sums;
}

absl::StatusOr<std::optional<CompensationClaim>> GetClaim(sql::Connection& conn, const std::string& id,
                                                          bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kClaimColumns, " WHERE id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return db::First(db::Rows<CompensationClaim>(*q, ClaimRow));
}

absl::StatusOr<std::optional<CompensationClaim>> ClaimOfLoan(sql::Connection& conn, const std::string& loan_id,
                                                             bool for_update) {
  db::Statement q =
      db::Prepare(conn, absl::StrCat(kClaimColumns, " WHERE loan_id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, loan_id);
  return db::First(db::Rows<CompensationClaim>(*q, ClaimRow));
}

absl::Status InsertClaim(sql::Connection& conn, const CompensationClaim& c) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO compensation_claims (id, fund_id, loan_id, county_id, loss_fen, ratio_bp, policy_id,"
        " amount_fen, state, reviews_json, filed_by, version, create_time, update_time)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, c.id);
    q->setString(2, c.fund_id);
    q->setString(3, c.loan_id);
    q->setString(4, c.county_id);
    q->setInt64(5, c.loss_fen);
    q->setInt(6, c.ratio_bp);
    q->setString(7, c.policy_id);
    q->setInt64(8, c.amount_fen);
    q->setInt(9, static_cast<int>(c.state));
    q->setString(10, ReviewsJson(c.reviews));
    q->setString(11, c.filed_by);
    q->setInt64(12, c.version);
    db::BindTime(*q, 13, c.create_time);
    db::BindTime(*q, 14, c.update_time);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& ex) {
    if (ex.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::AlreadyExists("CLAIM_EXISTS", absl::StrCat("loans/", c.loan_id, " has a compensation claim"));
  }
}

absl::Status UpdateClaim(sql::Connection& conn, const CompensationClaim& c) {
  db::Statement q = db::Prepare(conn,
      "UPDATE compensation_claims SET state = ?, reviews_json = ?, payment_transaction_id = ?,"
      " recovered_to_fund_fen = ?, rejection_reason = ?, rejected_by = ?, reject_time = ?, version = ?,"
      " update_time = ? WHERE id = ?");
  q->setInt(1, static_cast<int>(c.state));
  q->setString(2, ReviewsJson(c.reviews));
  q->setString(3, c.payment_transaction_id);
  q->setInt64(4, c.recovered_to_fund_fen);
  q->setString(5, c.rejection_reason);
  q->setString(6, c.rejected_by);
  db::BindOptionalTime(*q, 7, c.reject_time);
  q->setInt64(8, c.version);
  db::BindTime(*q, 9, c.update_time);
  q->setString(10, c.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<CompensationClaim>> ListClaims(sql::Connection& conn, const ClaimQuery& f) {
  db::Where where;
  where.And("id > ?", {f.after_id});
  where.AndIf(!f.fund_id.empty(), "fund_id = ?", {f.fund_id});
  where.AndIf(!f.loan_id.empty(), "loan_id = ?", {f.loan_id});
  if (f.county_ids) {
    if (f.county_ids->empty()) return std::vector<CompensationClaim>{};
    std::string marks;
    std::vector<db::Where::Value> values;
    for (const std::string& c : *f.county_ids) {
      absl::StrAppend(&marks, marks.empty() ? "?" : ", ?");
      values.emplace_back(c);
    }
    where.And(absl::StrCat("county_id IN (", marks, ")"), values);
  }
  where.AndIf(f.state != 0, "state = ?", {int64_t{f.state}});
  db::Statement q = db::Prepare(conn, absl::StrCat(kClaimColumns, where.Sql(), " ORDER BY id LIMIT ?"));
  q->setInt(where.Bind(*q), f.limit);
  return db::Rows<CompensationClaim>(*q, ClaimRow);
}

absl::StatusOr<std::vector<ClaimCount>> CountClaims(sql::Connection& conn) {
  db::Statement q = db::Prepare(conn,
      "SELECT county_id, state, COUNT(*) AS n FROM compensation_claims GROUP BY county_id, state");
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  std::vector<ClaimCount> out;
  while (rs->next()) out.push_back({rs->getString("county_id"), rs->getInt("state"), rs->getInt64("n")});
  return out;
}

}  // namespace huinong::loans::store
