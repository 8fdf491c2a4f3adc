// See ticket_store.h.
#include "svc-tickets/src/store/ticket_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "common/db/where.h"
#include "svc-tickets/src/store/created_between.h"
#include "svc-tickets/src/store/ticket_json.h"

namespace huinong::tickets::store {
namespace {

constexpr const char* kColumns =
    "id, seq, state, type, priority, channel, intake_unit, intake_path, resolver_unit, resolver_path,"
    " first_responder, accountable, assignee, customer_id, follow_up_of, related_service, related_name,"
    " body_json, version, create_time, update_time, close_time";

Ticket TicketRow(sql::ResultSet& rs) {
  Ticket t;
  DecodeTicketBody(std::string(rs.getString("body_json")), t);
  t.id = rs.getString("id");
  t.seq = rs.getInt64("seq");
  t.state = static_cast<TicketState>(rs.getInt("state"));
  t.type = static_cast<TicketType>(rs.getInt("type"));
  t.priority = static_cast<Priority>(rs.getInt("priority"));
  t.channel = static_cast<TicketChannel>(rs.getInt("channel"));
  t.intake_unit = rs.getString("intake_unit");
  t.intake_path = rs.getString("intake_path");
  t.people.resolver_unit = rs.getString("resolver_unit");
  t.resolver_path = rs.getString("resolver_path");
  t.people.first_responder = rs.getString("first_responder");
  t.people.accountable = rs.getString("accountable");
  t.people.assignee = rs.getString("assignee");
  t.customer_id = rs.getString("customer_id");
  t.follow_up_of = db::StringColumn(rs, "follow_up_of");
  t.related.service = db::StringColumn(rs, "related_service");
  t.related.name = db::StringColumn(rs, "related_name");
  t.version = rs.getInt64("version");
  t.create_time = db::TimeColumn(rs, "create_time");
  t.update_time = db::TimeColumn(rs, "update_time");
  t.close_time = db::OptionalTimeColumn(rs, "close_time");
  return t;
}

// Binds the columns shared by insert and update, from index 1; returns the next.
int BindColumns(sql::PreparedStatement& q, const Ticket& t) {
  q.setInt(1, static_cast<int>(t.state));
  q.setInt(2, static_cast<int>(t.type));
  q.setInt(3, static_cast<int>(t.priority));
  q.setInt(4, static_cast<int>(t.channel));
  q.setString(5, t.intake_unit);
  q.setString(6, t.intake_path);
  q.setString(7, t.people.resolver_unit);
  q.setString(8, t.resolver_path);
  q.setString(9, t.people.first_responder);
  q.setString(10, t.people.accountable);
  q.setString(11, t.people.assignee);
  q.setString(12, t.customer_id);
  db::BindOptionalString(q, 13, t.follow_up_of);
  db::BindOptionalString(q, 14, t.related.service);
  db::BindOptionalString(q, 15, t.related.name);
  q.setString(16, EncodeTicketBody(t));
  q.setInt64(17, t.version);
  db::BindTime(q, 18, t.update_time);
  db::BindOptionalTime(q, 19, t.close_time);
  return 20;
}

TicketActivity ActivityRow(sql::ResultSet& rs) {
  TicketActivity a;
  a.ticket_id = rs.getString("ticket_id");
  a.seq = rs.getInt("seq");
  a.kind = static_cast<ActivityKind>(rs.getInt("kind"));
  a.actor = rs.getString("actor");
  a.by_service = rs.getInt("actor_kind") != 0;
  a.time = db::TimeColumn(rs, "time");
  a.note = rs.getString("note");
  a.customer_informed = rs.getInt("customer_informed") != 0;
  a.source = rs.getString("source");
  a.target = rs.getString("target");
  a.from_state = static_cast<TicketState>(rs.getInt("from_state"));
  a.to_state = static_cast<TicketState>(rs.getInt("to_state"));
  a.request_id = rs.getString("request_id");
  return a;
}

absl::Status InsertActivity(sql::Connection& conn, const TicketActivity& a) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO ticket_activities (ticket_id, seq, kind, actor, actor_kind, time, note, customer_informed, source,"
      " target, from_state, to_state, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, a.ticket_id);
  q->setInt(2, a.seq);
  q->setInt(3, static_cast<int>(a.kind));
  q->setString(4, a.actor);
  q->setInt(5, a.by_service ? 1 : 0);
  db::BindTime(*q, 6, a.time);
  q->setString(7, a.note);
  q->setInt(8, a.customer_informed ? 1 : 0);
  q->setString(9, a.source);
  q->setString(10, a.target);
  q->setInt(11, static_cast<int>(a.from_state));
  q->setInt(12, static_cast<int>(a.to_state));
  q->setString(13, a.request_id);
  q->executeUpdate();
  return absl::OkStatus();
}

}  // namespace

absl::Status InsertTicket(sql::Connection& conn, Ticket& t) {
  {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO tickets (state, type, priority, channel, intake_unit, intake_path, resolver_unit, resolver_path,"
        " first_responder, accountable, assignee, customer_id, follow_up_of, related_service, related_name,"
        " body_json, version, update_time, close_time, id, create_time)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const int next = BindColumns(*q, t);
    q->setString(next, t.id);
    db::BindTime(*q, next + 1, t.create_time);
    q->executeUpdate();
  }
  db::Statement q = db::Prepare(conn, "SELECT LAST_INSERT_ID() AS seq");
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (rs->next()) t.seq = rs->getInt64("seq");
  return absl::OkStatus();
}

absl::Status UpdateTicket(sql::Connection& conn, const Ticket& t) {
  db::Statement q = db::Prepare(conn,
      "UPDATE tickets SET state = ?, type = ?, priority = ?, channel = ?, intake_unit = ?, intake_path = ?,"
      " resolver_unit = ?, resolver_path = ?, first_responder = ?, accountable = ?, assignee = ?, customer_id = ?,"
      " follow_up_of = ?, related_service = ?, related_name = ?, body_json = ?, version = ?, update_time = ?,"
      " close_time = ? WHERE id = ?");
  const int next = BindColumns(*q, t);
  q->setString(next, t.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<Ticket>> GetTicket(sql::Connection& conn, const std::string& id) {
  db::Statement q = db::Prepare(conn, absl::StrCat("SELECT ", kColumns, " FROM tickets WHERE id = ?"));
  q->setString(1, id);
  return db::First(db::Rows<Ticket>(*q, TicketRow));
}

absl::StatusOr<std::optional<Ticket>> LockTicket(sql::Connection& conn, const std::string& id) {
  db::Statement q = db::Prepare(conn, absl::StrCat("SELECT ", kColumns, " FROM tickets WHERE id = ? FOR UPDATE"));
  q->setString(1, id);
  return db::First(db::Rows<Ticket>(*q, TicketRow));
}

absl::StatusOr<std::vector<Ticket>> ListTickets(sql::Connection& conn, const TicketQuery& query) {
  db::Where where;
  if (!query.scope_paths.empty()) {
    std::string any;
    std::vector<db::Where::Value> values;
    for (const std::string& p : query.scope_paths) {
      absl::StrAppend(&any, any.empty() ? "" : " OR ", "intake_path LIKE ? OR resolver_path LIKE ?");
      values.push_back(p + "%");
      values.push_back(p + "%");
    }
    where.And(absl::StrCat("(", any, ")"), std::move(values));
  }
  where.AndIf(query.state != 0, "state = ?", {int64_t{query.state}});
  where.AndIf(query.open_only, kOpenStateSql);
  where.AndIf(query.priority != 0, "priority = ?", {int64_t{query.priority}});
  where.AndIf(query.type != 0, "type = ?", {int64_t{query.type}});
  where.AndIf(query.channel != 0, "channel = ?", {int64_t{query.channel}});
  if (!query.resolver_path_prefix.empty()) {
    where.And(query.resolver_exact ? "resolver_path = ?" : "resolver_path LIKE ?",
              {query.resolver_exact ? query.resolver_path_prefix : query.resolver_path_prefix + "%"});
  }
  if (!query.intake_path_prefix.empty()) {
    where.And(query.intake_exact ? "intake_path = ?" : "intake_path LIKE ?",
              {query.intake_exact ? query.intake_path_prefix : query.intake_path_prefix + "%"});
  }
  where.AndIf(!query.assignee.empty(), "assignee = ?", {query.assignee});
  where.AndIf(!query.first_responder.empty(), "first_responder = ?", {query.first_responder});
  where.AndIf(!query.accountable.empty(), "accountable = ?", {query.accountable});
  where.AndIf(!query.customer_id.empty(), "customer_id = ?", {query.customer_id});
  where.AndIf(!query.follow_up_of.empty(), "follow_up_of = ?", {query.follow_up_of});
  where.AndIf(!query.related_service.empty(), "related_service = ?", {query.related_service});
  where.AndIf(!query.related_name.empty(), "related_name = ?", {query.related_name});
  where.AndIf(query.sla_state != 0,
              "EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = tickets.id AND c.state = ?)",
              {int64_t{query.sla_state}});
  AndCreatedBetween(where, query.created_from, query.created_to);
  where.And("id > ?", {query.after_id});
  db::Statement q =
      db::Prepare(conn, absl::StrCat("SELECT ", kColumns, " FROM tickets", where.Sql(), " ORDER BY id LIMIT ?"));
  q->setInt(where.Bind(*q), query.limit);
  return db::Rows<Ticket>(*q, TicketRow);
}

absl::StatusOr<bool> AutoEscalatedSincePersonActed(sql::Connection& conn, const std::string& ticket_id) {
  db::Statement q = db::Prepare(conn,
      "SELECT MAX(CASE WHEN actor_kind = 0 THEN seq END) AS person,"
      " MAX(CASE WHEN actor_kind = 1 AND kind = ? THEN seq END) AS scanner"
      " FROM ticket_activities WHERE ticket_id = ?");
  q->setInt(1, static_cast<int>(ActivityKind::kEscalated));
  q->setString(2, ticket_id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next() || rs->isNull("scanner")) return false;
  return rs->isNull("person") || rs->getInt("scanner") > rs->getInt("person");
}

absl::Status AppendActivity(sql::Connection& conn, TicketActivity& a) {
  {
    db::Statement q = db::Prepare(conn, "SELECT COALESCE(MAX(seq), 0) AS last FROM ticket_activities WHERE ticket_id = ?");
    q->setString(1, a.ticket_id);
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    a.seq = rs->next() ? rs->getInt("last") + 1 : 1;
  }
  return InsertActivity(conn, a);
}

absl::Status InsertFirstActivity(sql::Connection& conn, TicketActivity& a) {
  a.seq = 1;
  return InsertActivity(conn, a);
}

absl::StatusOr<std::vector<TicketActivity>> ListActivities(sql::Connection& conn, const std::string& ticket_id,
                                                           int after_seq, int limit) {
  db::Statement q = db::Prepare(conn,
      "SELECT ticket_id, seq, kind, actor, actor_kind, time, note, customer_informed, source, target, from_state,"
      " to_state, request_id FROM ticket_activities WHERE ticket_id = ? AND seq > ? ORDER BY seq LIMIT ?");
  q->setString(1, ticket_id);
  q->setInt(2, after_seq);
  q->setInt(3, limit);
  return db::Rows<TicketActivity>(*q, ActivityRow);
}

}  // namespace huinong::tickets::store
