// See policy_store.h. A revision's body is JSON: enums as their numbers
// (the proto values), working time in seconds.
#include "svc-tickets/src/store/policy_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/json_fields.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "common/db/where.h"
#include "common/rpc/validate.h"

namespace huinong::tickets::store {
namespace {

using json::Json;

constexpr char kColumns[] =
    "p.id, p.unit_id, p.unit_path, p.create_time, r.revision, r.body_json, r.revise_time"
    " FROM sla_policies p JOIN sla_policy_revisions r ON r.policy_id = p.id";

Json TargetJson(const SlaTarget& t) {
  return Json{{"kind", static_cast<int>(t.kind)},
              {"seconds", absl::ToInt64Seconds(t.working_time)},
              {"days", t.working_days}};
}

SlaTarget TargetOf(const Json& v) {
  SlaTarget t;
  t.kind = static_cast<SlaTarget::Kind>(json::Int(v, "kind"));
  t.working_time = absl::Seconds(json::Int(v, "seconds"));
  t.working_days = static_cast<int>(json::Int(v, "days"));
  return t;
}

std::string EncodeBody(const ConfiguredPolicy& p) {
  const SlaPolicy& r = p.rules;
  Json types = Json::array();
  for (TicketType t : p.scope.types) types.push_back(static_cast<int>(t));
  Json priorities = Json::array();
  for (Priority x : p.scope.priorities) priorities.push_back(static_cast<int>(x));
  return json::Print(Json{{"display_name", p.display_name},
                          {"types", std::move(types)},
                          {"priorities", std::move(priorities)},
                          {"all_day", r.all_day},
                          {"first_response", TargetJson(r.first_response)},
                          {"on_site", TargetJson(r.on_site)},
                          {"manager_notification", TargetJson(r.manager_notification)},
                          {"reply", TargetJson(r.reply)},
                          {"resolution", TargetJson(r.resolution)},
                          {"complaint_closure", TargetJson(r.complaint_closure)},
                          {"callback", TargetJson(r.callback)},
                          {"follow_up_gap", TargetJson(r.follow_up_gap)},
                          {"at_risk_bp", r.at_risk_bp},
                          {"callbacks_required", r.callbacks_required},
                          {"max_callback_attempts", r.max_callback_attempts},
                          {"reply_approval_required", r.reply_approval_required},
                          {"escalate_on_breach", r.escalate_on_breach}});
}

ConfiguredPolicy PolicyRow(sql::ResultSet& rs) {
  ConfiguredPolicy p;
  p.id = rs.getString("id");
  p.scope.unit = rs.getString("unit_id");
  p.unit_path = rs.getString("unit_path");
  p.create_time = db::TimeColumn(rs, "create_time");
  p.update_time = db::TimeColumn(rs, "revise_time");
  SlaPolicy& r = p.rules;
  r.name = rpc::FormatName("slaPolicies", p.id);
  r.revision = rs.getInt("revision");
  const Json body = json::Parse(rs.getString("body_json"));
  p.display_name = json::String(body, "display_name");
  for (const Json& t : json::Array(body, "types")) p.scope.types.push_back(static_cast<TicketType>(t.get<int>()));
  for (const Json& x : json::Array(body, "priorities")) {
    p.scope.priorities.push_back(static_cast<Priority>(x.get<int>()));
  }
  r.all_day = json::Bool(body, "all_day");
  r.first_response = TargetOf(json::Field(body, "first_response"));
  r.on_site = TargetOf(json::Field(body, "on_site"));
  r.manager_notification = TargetOf(json::Field(body, "manager_notification"));
  r.reply = TargetOf(json::Field(body, "reply"));
  r.resolution = TargetOf(json::Field(body, "resolution"));
  r.complaint_closure = TargetOf(json::Field(body, "complaint_closure"));
  r.callback = TargetOf(json::Field(body, "callback"));
  r.follow_up_gap = TargetOf(json::Field(body, "follow_up_gap"));
  r.at_risk_bp = static_cast<int>(json::Int(body, "at_risk_bp"));
  r.callbacks_required = static_cast<int>(json::Int(body, "callbacks_required"));
  r.max_callback_attempts = static_cast<int>(json::Int(body, "max_callback_attempts"));
  r.reply_approval_required = json::Bool(body, "reply_approval_required");
  r.escalate_on_breach = json::Bool(body, "escalate_on_breach");
  return p;
}

void WriteRevisionRow(sql::Connection& conn, const ConfiguredPolicy& p) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO sla_policy_revisions (policy_id, revision, body_json, revise_time) VALUES (?, ?, ?, ?)");
  q->setString(1, p.id);
  q->setInt(2, p.rules.revision);
  q->setString(3, EncodeBody(p));
  db::BindTime(*q, 4, p.update_time);
  q->executeUpdate();
}

}  // namespace

absl::Status LockPolicyUnit(sql::Connection& conn, const std::string& unit_id) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO sla_policy_units (unit_id) VALUES (?) ON DUPLICATE KEY UPDATE unit_id = unit_id");
  q->setString(1, unit_id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::Status InsertPolicy(sql::Connection& conn, const ConfiguredPolicy& p) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO sla_policies (id, unit_id, unit_path, revision, create_time, update_time)"
      " VALUES (?, ?, ?, ?, ?, ?)");
  q->setString(1, p.id);
  q->setString(2, p.scope.unit);
  q->setString(3, p.unit_path);
  q->setInt(4, p.rules.revision);
  db::BindTime(*q, 5, p.create_time);
  db::BindTime(*q, 6, p.update_time);
  q->executeUpdate();
  WriteRevisionRow(conn, p);
  return absl::OkStatus();
}

absl::Status InsertRevision(sql::Connection& conn, const ConfiguredPolicy& p) {
  WriteRevisionRow(conn, p);
  db::Statement q = db::Prepare(conn, "UPDATE sla_policies SET revision = ?, update_time = ? WHERE id = ?");
  q->setInt(1, p.rules.revision);
  db::BindTime(*q, 2, p.update_time);
  q->setString(3, p.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<ConfiguredPolicy>> GetPolicy(sql::Connection& conn, const std::string& id,
                                                          int revision, bool lock) {
  db::Statement q = db::Prepare(conn, absl::StrCat("SELECT ", kColumns, " AND r.revision = ",
                                                   revision > 0 ? "?" : "p.revision", " WHERE p.id = ?",
                                                   lock ? " FOR UPDATE" : ""));
  int i = 1;
  if (revision > 0) q->setInt(i++, revision);
  q->setString(i, id);
  return db::First(db::Rows<ConfiguredPolicy>(*q, PolicyRow));
}

absl::StatusOr<std::vector<ConfiguredPolicy>> ListRevisions(sql::Connection& conn, const std::string& id,
                                                            int after_revision, int limit) {
  db::Statement q = db::Prepare(conn, absl::StrCat("SELECT ", kColumns,
                                                   " WHERE p.id = ? AND r.revision > ? ORDER BY r.revision LIMIT ?"));
  q->setString(1, id);
  q->setInt(2, after_revision);
  q->setInt(3, limit);
  return db::Rows<ConfiguredPolicy>(*q, PolicyRow);
}

absl::StatusOr<std::vector<ConfiguredPolicy>> ListPolicies(sql::Connection& conn, const PolicyQuery& query) {
  db::Where where;
  if (!query.unit_path.empty()) {
    where.And(query.subtree ? "p.unit_path LIKE ?" : "p.unit_path = ?",
              {query.subtree ? query.unit_path + "%" : query.unit_path});
  }
  if (!query.below.empty() || !query.on_chain.empty()) {
    std::vector<std::string> any;
    std::vector<db::Where::Value> values;
    for (const std::string& path : query.below) {
      any.push_back("p.unit_path LIKE ?");
      values.push_back(path + "%");
    }
    for (const std::string& unit : query.on_chain) {
      any.push_back("p.unit_id = ?");
      values.push_back(unit);
    }
    where.And(absl::StrCat("(", absl::StrJoin(any, " OR "), ")"), std::move(values));
  }
  where.And("p.id > ?", {query.after_id});
  db::Statement q = db::Prepare(
      conn, absl::StrCat("SELECT ", kColumns, " AND r.revision = p.revision", where.Sql(), " ORDER BY p.id LIMIT ?"));
  q->setInt(where.Bind(*q), query.limit);
  return db::Rows<ConfiguredPolicy>(*q, PolicyRow);
}

absl::StatusOr<std::vector<ConfiguredPolicy>> PoliciesAt(sql::Connection& conn,
                                                         const std::vector<std::string>& unit_ids) {
  if (unit_ids.empty()) return std::vector<ConfiguredPolicy>();
  db::Where where;
  std::vector<db::Where::Value> values(unit_ids.begin(), unit_ids.end());
  where.And(absl::StrCat("p.unit_id IN (", absl::StrJoin(std::vector<std::string>(unit_ids.size(), "?"), ", "), ")"),
            std::move(values));
  db::Statement q = db::Prepare(
      conn, absl::StrCat("SELECT ", kColumns, " AND r.revision = p.revision", where.Sql(), " ORDER BY p.id"));
  where.Bind(*q);
  return db::Rows<ConfiguredPolicy>(*q, PolicyRow);
}

}  // namespace huinong::tickets::store
