// See callback_store.h.
#include "svc-tickets/src/store/callback_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "common/db/sql_columns.h"
#include "common/db/statements.h"

namespace huinong::tickets::store {

absl::StatusOr<int> AppendCallback(sql::Connection& conn, const std::string& ticket_id, const CallbackAttempt& a) {
  int seq = 1;
  {
    db::Statement q = db::Prepare(conn, "SELECT COALESCE(MAX(seq), 0) AS last FROM ticket_callbacks WHERE ticket_id = ?");
    q->setString(1, ticket_id);
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    if (rs->next()) seq = rs->getInt("last") + 1;
  }
  db::Statement q = db::Prepare(conn,
      "INSERT INTO ticket_callbacks (ticket_id, seq, caller, time, outcome, satisfaction, opinion, round)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, ticket_id);
  q->setInt(2, seq);
  q->setString(3, a.caller);
  db::BindTime(*q, 4, a.time);
  q->setInt(5, static_cast<int>(a.outcome));
  q->setInt(6, a.satisfaction);
  q->setString(7, a.opinion);
  q->setInt(8, a.round);
  q->executeUpdate();
  return seq;
}

absl::StatusOr<std::vector<CallbackAttempt>> ListCallbacks(sql::Connection& conn, const std::string& ticket_id) {
  db::Statement q = db::Prepare(conn,
      "SELECT caller, time, outcome, satisfaction, opinion, round FROM ticket_callbacks WHERE ticket_id = ?"
      " ORDER BY seq");
  q->setString(1, ticket_id);
  return db::Rows<CallbackAttempt>(*q, [](sql::ResultSet& rs) {
    CallbackAttempt a;
    a.caller = rs.getString("caller");
    a.time = db::TimeColumn(rs, "time");
    a.outcome = static_cast<CallbackOutcome>(rs.getInt("outcome"));
    a.satisfaction = rs.getInt("satisfaction");
    a.opinion = rs.getString("opinion");
    a.round = rs.getInt("round");
    return a;
  });
}

}  // namespace huinong::tickets::store
