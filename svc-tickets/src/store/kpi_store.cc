// See kpi_store.h.
#include "svc-tickets/src/store/kpi_store.h"

#include <map>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "svc-tickets/src/store/ticket_json.h"

namespace huinong::tickets::store {
namespace {

// The candidate tickets, as a condition on `t` with three parameters
// (prefix, to, from).
constexpr const char* kCandidates =
    " t.intake_path LIKE ? AND t.create_time < ? AND (t.close_time IS NULL OR t.close_time >= ?)";

void Bind(sql::PreparedStatement& q, const std::string& prefix, absl::Time from, absl::Time to) {
  q.setString(1, prefix + "%");
  db::BindTime(q, 2, to);
  db::BindTime(q, 3, from);
}

}  // namespace

absl::StatusOr<std::vector<KpiRow>> LoadKpiTickets(sql::Connection& conn, const std::string& prefix, absl::Time from,
                                                   absl::Time to) {
  std::vector<KpiRow> rows;
  std::map<std::string, size_t> index;
  {
    db::Statement q = db::Prepare(conn, absl::StrCat("SELECT t.id, t.intake_path, t.type, t.channel, t.priority,"
                                                     " t.create_time, t.body_json FROM tickets t WHERE",
                                                     kCandidates, " ORDER BY t.id"));
    Bind(*q, prefix, from, to);
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      Ticket t;
      DecodeTicketBody(std::string(rs->getString("body_json")), t);
      KpiRow row;
      row.intake_path = rs->getString("intake_path");
      KpiTicket& k = row.facts;
      k.create_time = db::TimeColumn(*rs, "create_time");
      k.type = static_cast<TicketType>(rs->getInt("type"));
      k.channel = static_cast<TicketChannel>(rs->getInt("channel"));
      k.priority = static_cast<Priority>(rs->getInt("priority"));
      k.answered_at_first_contact = t.answered_at_first_contact;
      k.callbacks_required = t.callbacks_required;
      k.cancel_reason = t.cancel_reason;
      k.promises = std::move(t.promises);
      k.activity.push_back(k.create_time);
      index[std::string(rs->getString("id"))] = rows.size();
      rows.push_back(std::move(row));
    }
  }
  if (rows.empty()) return rows;
  {
    db::Statement q = db::Prepare(conn, absl::StrCat("SELECT a.ticket_id, a.time, a.from_state, a.to_state, a.actor_kind"
                                                     " FROM ticket_activities a JOIN tickets t ON t.id = a.ticket_id WHERE",
                                                     kCandidates, " ORDER BY a.ticket_id, a.seq"));
    Bind(*q, prefix, from, to);
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      auto it = index.find(std::string(rs->getString("ticket_id")));
      if (it == index.end()) continue;  // taken after the first statement read the tickets
      KpiTicket& k = rows[it->second].facts;
      const absl::Time at = db::TimeColumn(*rs, "time");
      const auto from_state = static_cast<TicketState>(rs->getInt("from_state"));
      const auto to_state = static_cast<TicketState>(rs->getInt("to_state"));
      if (from_state != to_state) k.changes.push_back({at, from_state, to_state});
      if (rs->getInt("actor_kind") == 0) k.activity.push_back(at);
    }
  }
  {
    db::Statement q = db::Prepare(conn, absl::StrCat("SELECT c.ticket_id, c.kind, c.state, c.event_time, c.start_time,"
                                                     " c.due_time, c.at_risk_time, c.stop_time, c.policy_revision"
                                                     " FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id WHERE",
                                                     kCandidates, " ORDER BY c.ticket_id, c.kind"));
    Bind(*q, prefix, from, to);
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      Clock c;
      c.kind = static_cast<ClockKind>(rs->getInt("kind"));
      c.state = static_cast<ClockState>(rs->getInt("state"));
      c.event = db::TimeColumn(*rs, "event_time");
      c.start = db::TimeColumn(*rs, "start_time");
      c.due = db::OptionalTimeColumn(*rs, "due_time").value_or(absl::InfiniteFuture());
      c.at_risk = db::OptionalTimeColumn(*rs, "at_risk_time").value_or(absl::InfiniteFuture());
      c.stop = db::OptionalTimeColumn(*rs, "stop_time");
      c.policy_revision = rs->getInt("policy_revision");
      auto it = index.find(std::string(rs->getString("ticket_id")));
      if (it != index.end()) rows[it->second].facts.clocks.push_back(c);
    }
  }
  {
    db::Statement q = db::Prepare(conn, absl::StrCat("SELECT b.ticket_id, b.caller, b.time, b.outcome, b.satisfaction,"
                                                     " b.round FROM ticket_callbacks b JOIN tickets t ON t.id = b.ticket_id"
                                                     " WHERE", kCandidates, " ORDER BY b.ticket_id, b.seq"));
    Bind(*q, prefix, from, to);
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      CallbackAttempt a;
      a.caller = rs->getString("caller");
      a.time = db::TimeColumn(*rs, "time");
      a.outcome = static_cast<CallbackOutcome>(rs->getInt("outcome"));
      a.satisfaction = rs->getInt("satisfaction");
      a.round = rs->getInt("round");
      auto it = index.find(std::string(rs->getString("ticket_id")));
      if (it != index.end()) rows[it->second].facts.callbacks.push_back(a);
    }
  }
  return rows;
}

}  // namespace huinong::tickets::store
