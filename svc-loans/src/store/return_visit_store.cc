// See return_visit_store.h. The body is JSON of the domain visit: visitors,
// findings, the use of funds and production status as their numbers, the
// documents as every store writes a DocumentRef.
#include "svc-loans/src/store/return_visit_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/core/json_fields.h"
#include "common/db/document_ref_json.h"
#include "common/db/sql_columns.h"
#include "common/db/sql_time.h"
#include "common/db/statements.h"
#include "common/db/where.h"

namespace huinong::loans::store {
namespace {

using json::Json;

std::string EncodeBody(const ReturnVisit& r) {
  Json documents = Json::array();
  for (const domain::DocumentRef& d : r.documents) documents.push_back(db::DocumentRefJson(d));
  return json::Print(Json{{"visitors", r.visitors},
                          {"findings", r.findings},
                          {"funds_use", static_cast<int>(r.funds_use)},
                          {"production_status", static_cast<int>(r.production_status)},
                          {"documents", std::move(documents)}});
}

void DecodeBody(const std::string& text, ReturnVisit& r) {
  const Json v = json::Parse(text);
  if (!v.is_object()) return;
  for (const Json& s : json::Array(v, "visitors")) r.visitors.push_back(json::AsString(s));
  r.findings = json::String(v, "findings");
  r.funds_use = static_cast<FundsUse>(json::Int(v, "funds_use"));
  r.production_status = static_cast<ProductionStatus>(json::Int(v, "production_status"));
  for (const Json& d : json::Array(v, "documents")) r.documents.push_back(db::DocumentRefOf(d));
}

ReturnVisit VisitRow(sql::ResultSet& rs) {
  ReturnVisit r;
  DecodeBody(std::string(rs.getString("body_json")), r);
  r.id = rs.getString("id");
  r.loan_id = rs.getString("loan_id");
  r.place.unit_id = rs.getString("unit_id");
  r.place.township_id = rs.getString("township_id");
  r.place.county_id = rs.getString("county_id");
  r.place.bank_id = rs.getString("bank_id");
  r.visit_date = db::DateColumn(rs, "visit_date");
  r.follow_up = rs.getInt("follow_up") != 0;
  r.recorded_by = rs.getString("recorded_by");
  r.record_time = db::TimeColumn(rs, "create_time");
  return r;
}

}  // namespace

absl::Status InsertReturnVisit(sql::Connection& conn, const ReturnVisit& r) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO return_visits (id, loan_id, unit_id, township_id, county_id, bank_id, visit_date, follow_up,"
      " body_json, recorded_by, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, r.id);
  q->setString(2, r.loan_id);
  q->setString(3, r.place.unit_id);
  q->setString(4, r.place.township_id);
  q->setString(5, r.place.county_id);
  q->setString(6, r.place.bank_id);
  db::BindDate(*q, 7, r.visit_date);
  q->setInt(8, r.follow_up ? 1 : 0);
  q->setString(9, EncodeBody(r));
  q->setString(10, r.recorded_by);
  db::BindTime(*q, 11, r.record_time);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ReturnVisit>> ListReturnVisits(sql::Connection& conn, const ReturnVisitQuery& query) {
  const LendingQuery& p = query.place;
  db::Where where;
  where.AndIf(!query.loan_id.empty(), "loan_id = ?", {query.loan_id});
  where.AndIf(!p.unit_id.empty(), "unit_id = ?", {p.unit_id});
  where.AndIf(!p.township_id.empty(), "township_id = ?", {p.township_id});
  where.AndIf(query.follow_up_only, "follow_up = 1");
  where.AndIf(!p.county_id.empty(), "county_id = ?", {p.county_id});
  where.AndIf(!p.bank_id.empty(), "bank_id = ?", {p.bank_id});
  where.And("id > ?", {p.after_id});
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT id, loan_id, unit_id, township_id, county_id, bank_id, visit_date, follow_up, body_json,"
                   " recorded_by, create_time FROM return_visits",
                   where.Sql(), " ORDER BY id LIMIT ?"));
  q->setInt(where.Bind(*q), p.limit);
  return db::Rows<ReturnVisit>(*q, VisitRow);
}

}  // namespace huinong::loans::store
