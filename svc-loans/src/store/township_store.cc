// See township_store.h. The breaker's filter columns and last measurement
// are columns; the tolerance, suspension, plan and the
// history of states are body_json (times as
// RFC 3339, days as "YYYY-MM-DD", enums as numbers).
#include "svc-loans/src/store/township_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "common/core/json_fields.h"
#include "common/db/document_ref_json.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "svc-loans/src/domain/loan.h"

namespace huinong::loans::store {
namespace {

using json::Json;

Json RatioJson(const NplRatio& r) { return {{"non_performing", r.non_performing}, {"outstanding", r.outstanding}}; }
std::optional<NplRatio> RatioOf(const Json& v, const char* key) {
  const Json& r = json::Field(v, key);
  if (!r.is_object()) return std::nullopt;
  return NplRatio{json::Int(r, "non_performing"), json::Int(r, "outstanding")};
}

Json PlanJson(const RectificationPlan& p) {
  Json docs = Json::array();
  for (const auto& d : p.documents) docs.push_back(db::DocumentRefJson(d));
  return {{"findings", p.findings},
          {"measures", p.measures},
          {"investigators", p.investigators},
          {"target_date", json::DayText(p.target_date)},
          {"documents", docs},
          {"filed_by", p.filed_by},
          {"file_time", json::InstantText(p.file_time)},
          {"approved_by", p.approved_by},
          {"approve_time", json::InstantText(p.approve_time)},
          {"approval_comment", p.approval_comment},
          {"rejected_by", p.rejected_by},
          {"reject_time", json::InstantText(p.reject_time)},
          {"rejection_reason", p.rejection_reason}};
}

RectificationPlan PlanOf(const Json& v) {
  RectificationPlan p;
  p.findings = json::String(v, "findings");
  p.measures = json::String(v, "measures");
  for (const Json& i : json::Array(v, "investigators")) p.investigators.push_back(json::AsString(i));
  p.target_date = json::Day(v, "target_date");
  for (const Json& d : json::Array(v, "documents")) p.documents.push_back(db::DocumentRefOf(d));
  p.filed_by = json::String(v, "filed_by");
  p.file_time = json::Instant(v, "file_time").value_or(absl::UnixEpoch());
  p.approved_by = json::String(v, "approved_by");
  p.approve_time = json::Instant(v, "approve_time");
  p.approval_comment = json::String(v, "approval_comment");
  p.rejected_by = json::String(v, "rejected_by");
  p.reject_time = json::Instant(v, "reject_time");
  p.rejection_reason = json::String(v, "rejection_reason");
  return p;
}

std::string BodyJson(const TownshipBreakerRecord& r) {
  Json body = Json::object();
  if (r.breaker.tolerated_ratio) body["tolerated_ratio"] = RatioJson(*r.breaker.tolerated_ratio);
  if (r.suspend_time) body["suspend_time"] = json::InstantText(r.suspend_time);
  if (r.suspended_at) body["suspended_at"] = RatioJson(*r.suspended_at);
  if (r.plan) body["plan"] = PlanJson(*r.plan);
  if (r.lift_time) body["lift_time"] = json::InstantText(r.lift_time);
  Json history = Json::array();
  for (const BreakerStateChange& c : r.history) {
    history.push_back({{"state", static_cast<int>(c.state)}, {"at", json::InstantText(c.at)}});
  }
  if (!history.empty()) body["history"] = history;
  return json::Print(body);
}

constexpr char kColumns[] =
    "township_id, county_id, state, npl_measure, npl_numerator, npl_denominator, threshold_bp, policy_id,"
    " measure_time, body_json, version, update_time";

TownshipBreakerRecord RecordOf(sql::ResultSet& rs) {
  TownshipBreakerRecord r;
  r.township_id = db::StringColumn(rs, "township_id");
  r.county_id = db::StringColumn(rs, "county_id");
  r.breaker.state = static_cast<BreakerState>(rs.getInt("state"));
  r.measure = static_cast<NplMeasure>(rs.getInt("npl_measure"));
  r.ratio = NplRatio{rs.getInt64("npl_numerator"), rs.getInt64("npl_denominator")};
  r.threshold_bp = rs.getInt("threshold_bp");
  r.policy_id = db::StringColumn(rs, "policy_id");
  r.measure_time = db::OptionalTimeColumn(rs, "measure_time");
  r.version = rs.getInt64("version");
  r.update_time = db::TimeColumn(rs, "update_time");
  const Json body = json::Parse(db::StringColumn(rs, "body_json"));
  r.breaker.tolerated_ratio = RatioOf(body, "tolerated_ratio");
  r.suspend_time = json::Instant(body, "suspend_time");
  r.suspended_at = RatioOf(body, "suspended_at");
  if (json::Field(body, "plan").is_object()) r.plan = PlanOf(json::Field(body, "plan"));
  r.lift_time = json::Instant(body, "lift_time");
  for (const Json& c : json::Array(body, "history")) {
    r.history.push_back({static_cast<BreakerState>(json::Int(c, "state")),
                         json::Instant(c, "at").value_or(absl::UnixEpoch())});
  }
  return r;
}

}  // namespace

absl::StatusOr<LendingStatus> TownshipLendingStatus(sql::Connection& conn, const std::string& township_id) {
  db::Statement q = db::Prepare(conn, "SELECT status FROM township_lending WHERE township_id = ? LOCK IN SHARE MODE");
  q->setString(1, township_id);
  std::optional<int> status = db::First(db::Rows<int>(*q, [](sql::ResultSet& rs) { return rs.getInt("status"); }));
  return status ? static_cast<LendingStatus>(*status) : LendingStatus::kOpen;
}

absl::StatusOr<std::optional<TownshipBreakerRecord>> LoadTownshipBreaker(sql::Connection& conn,
                                                                        const std::string& township_id, bool lock) {
  db::Statement q = db::Prepare(conn, std::string("SELECT ") + kColumns +
                                          " FROM township_lending WHERE township_id = ?" + (lock ? " FOR UPDATE" : ""));
  q->setString(1, township_id);
  return db::First(db::Rows<TownshipBreakerRecord>(*q, RecordOf));
}

absl::Status SaveTownshipBreaker(sql::Connection& conn, TownshipBreakerRecord& r) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO township_lending (township_id, county_id, status, state, npl_measure, npl_numerator,"
      " npl_denominator, threshold_bp, policy_id, measure_time, body_json, version, update_time)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON DUPLICATE KEY UPDATE county_id = VALUES(county_id), status = VALUES(status), state = VALUES(state),"
      " npl_measure = VALUES(npl_measure), npl_numerator = VALUES(npl_numerator),"
      " npl_denominator = VALUES(npl_denominator), threshold_bp = VALUES(threshold_bp),"
      " policy_id = VALUES(policy_id), measure_time = VALUES(measure_time), body_json = VALUES(body_json),"
      " version = VALUES(version), update_time = VALUES(update_time)");
  const int64_t next = r.version + 1;
  q->setString(1, r.township_id);
  q->setString(2, r.county_id);
  q->setInt(3, static_cast<int>(LendingStatusOf(r.breaker.state)));
  q->setInt(4, static_cast<int>(r.breaker.state));
  q->setInt(5, static_cast<int>(r.measure));
  q->setInt64(6, r.ratio.non_performing);
  q->setInt64(7, r.ratio.outstanding);
  q->setInt(8, r.threshold_bp);
  q->setString(9, r.policy_id);
  db::BindOptionalTime(*q, 10, r.measure_time);
  q->setString(11, BodyJson(r));
  q->setInt64(12, next);
  db::BindTime(*q, 13, r.update_time);
  q->executeUpdate();
  r.version = next;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<TownshipBreakerRecord>> ListTownshipBreakers(sql::Connection& conn,
                                                                       const BreakerFilter& f,
                                                                       const std::string& after, int limit) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM township_lending WHERE township_id > ?";
  if (!f.county_id.empty()) sql += " AND county_id = ?";
  if (!f.township_id.empty()) sql += " AND township_id = ?";
  if (f.state) sql += " AND state = ?";
  sql += " ORDER BY township_id LIMIT ?";
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setString(i++, after);
  if (!f.county_id.empty()) q->setString(i++, f.county_id);
  if (!f.township_id.empty()) q->setString(i++, f.township_id);
  if (f.state) q->setInt(i++, static_cast<int>(*f.state));
  q->setInt(i, limit);
  return db::Rows<TownshipBreakerRecord>(*q, RecordOf);
}

absl::StatusOr<TownshipExposure> LoadTownshipExposure(sql::Connection& conn, const std::string& township_id) {
  db::Statement q = db::Prepare(conn,
      "SELECT county_id, classification, COUNT(*) AS loans, SUM(outstanding_principal_fen) AS outstanding"
      " FROM loans FORCE INDEX (loans_township_exposure)"
      " WHERE township_id = ? AND status = ? AND outstanding_principal_fen > 0 GROUP BY classification, county_id");
  q->setString(1, township_id);
  q->setInt(2, static_cast<int>(LoanStatus::kActive));
  TownshipExposure out;
  db::Rows<int>(*q, [&out](sql::ResultSet& rs) {
    out.county_id = db::StringColumn(rs, "county_id");
    out.loans.push_back(LoanExposure{rs.getInt64("outstanding"), static_cast<LoanClass>(rs.getInt("classification")),
                                     rs.getInt64("loans")});
    return 0;
  });
  return out;
}

}  // namespace huinong::loans::store
