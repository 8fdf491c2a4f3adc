// See clock_store.h.
#include "svc-tickets/src/store/clock_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "svc-tickets/src/store/ticket_store.h"

namespace huinong::tickets::store {
namespace {

ClockRecord ClockRow(sql::ResultSet& rs) {
  ClockRecord r;
  Clock& c = r.watched.clock;
  c.kind = static_cast<ClockKind>(rs.getInt("kind"));
  c.state = static_cast<ClockState>(rs.getInt("state"));
  c.event = db::TimeColumn(rs, "event_time");
  c.start = db::TimeColumn(rs, "start_time");
  c.due = db::OptionalTimeColumn(rs, "due_time").value_or(absl::InfiniteFuture());
  c.at_risk = db::OptionalTimeColumn(rs, "at_risk_time").value_or(absl::InfiniteFuture());
  c.stop = db::OptionalTimeColumn(rs, "stop_time");
  c.paused = absl::Microseconds(rs.getInt64("paused_us"));
  c.policy_revision = rs.getInt("policy_revision");
  r.policy = rs.getString("policy");
  r.priority = static_cast<Priority>(rs.getInt("priority"));
  r.watched.at_risk_mark = db::OptionalTimeColumn(rs, "at_risk_mark_time");
  r.watched.breach_mark = db::OptionalTimeColumn(rs, "breach_mark_time");
  return r;
}

std::optional<absl::Time> Finite(absl::Time t) {
  if (t == absl::InfiniteFuture()) return std::nullopt;
  return t;
}

}  // namespace

absl::StatusOr<std::vector<ClockRecord>> LoadClocks(sql::Connection& conn, const std::string& ticket_id) {
  db::Statement q = db::Prepare(conn,
      "SELECT kind, state, event_time, start_time, due_time, at_risk_time, stop_time, paused_us, policy,"
      " policy_revision, priority, at_risk_mark_time, breach_mark_time FROM ticket_clocks WHERE ticket_id = ?"
      " ORDER BY kind");
  q->setString(1, ticket_id);
  return db::Rows<ClockRecord>(*q, ClockRow);
}

absl::Status InsertClocks(sql::Connection& conn, const std::string& ticket_id, const std::vector<ClockRecord>& clocks,
                          std::optional<absl::Time> next_check) {
  if (!clocks.empty()) {
    // One multi-row INSERT: at most one text per number of clocks (eight kinds).
    std::string sql =
        "INSERT INTO ticket_clocks (ticket_id, kind, state, event_time, start_time, due_time, at_risk_time,"
        " stop_time, paused_us, policy, policy_revision, priority, at_risk_mark_time, breach_mark_time) VALUES ";
    for (std::size_t i = 0; i < clocks.size(); ++i) {
      absl::StrAppend(&sql, i == 0 ? "" : ", ", "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    db::Statement q = db::Prepare(conn, sql);
    int at = 0;
    for (const ClockRecord& r : clocks) {
      const Clock& c = r.watched.clock;
      q->setString(++at, ticket_id);
      q->setInt(++at, static_cast<int>(c.kind));
      q->setInt(++at, static_cast<int>(c.state));
      db::BindTime(*q, ++at, c.event);
      db::BindTime(*q, ++at, c.start);
      db::BindOptionalTime(*q, ++at, Finite(c.due));
      db::BindOptionalTime(*q, ++at, Finite(c.at_risk));
      db::BindOptionalTime(*q, ++at, c.stop);
      q->setInt64(++at, absl::ToInt64Microseconds(c.paused));
      q->setString(++at, r.policy);
      q->setInt(++at, c.policy_revision);
      q->setInt(++at, static_cast<int>(r.priority));
      db::BindOptionalTime(*q, ++at, r.watched.at_risk_mark);
      db::BindOptionalTime(*q, ++at, r.watched.breach_mark);
    }
    q->executeUpdate();
  }
  if (next_check) {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO ticket_deadlines (ticket_id, next_check) VALUES (?, ?)"
        " ON DUPLICATE KEY UPDATE next_check = VALUES(next_check)");
    q->setString(1, ticket_id);
    db::BindTime(*q, 2, *next_check);
    q->executeUpdate();
  }
  return absl::OkStatus();
}

absl::Status SaveClocks(sql::Connection& conn, const std::string& ticket_id, const std::vector<ClockRecord>& clocks,
                        std::optional<absl::Time> next_check) {
  {
    db::Statement q = db::Prepare(conn, "DELETE FROM ticket_clocks WHERE ticket_id = ?");
    q->setString(1, ticket_id);
    q->executeUpdate();
  }
  if (!next_check) {
    db::Statement q = db::Prepare(conn, "DELETE FROM ticket_deadlines WHERE ticket_id = ?");
    q->setString(1, ticket_id);
    q->executeUpdate();
  }
  return InsertClocks(conn, ticket_id, clocks, next_check);
}

absl::Status PostponeCheck(sql::Connection& conn, const std::string& ticket_id, absl::Time at) {
  db::Statement q = db::Prepare(conn, "UPDATE ticket_deadlines SET next_check = ? WHERE ticket_id = ?");
  db::BindTime(*q, 1, at);
  q->setString(2, ticket_id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> DueTickets(sql::Connection& conn, absl::Time now, int limit) {
  db::Statement q = db::Prepare(conn,
      "SELECT ticket_id FROM ticket_deadlines WHERE next_check <= ? ORDER BY next_check, ticket_id LIMIT ?");
  db::BindTime(*q, 1, now);
  q->setInt(2, limit);
  return db::Rows<std::string>(*q, [](sql::ResultSet& rs) { return std::string(rs.getString("ticket_id")); });
}

absl::StatusOr<bool> TakeScannerLease(sql::Connection& conn, const std::string& holder, absl::Duration ttl) {
  db::Statement q = db::Prepare(conn,
      "UPDATE sla_scanner_lease SET holder = ?, expires = NOW(6) + INTERVAL ? MICROSECOND"
      " WHERE id = 1 AND (holder = '' OR holder = ? OR expires < NOW(6))");
  q->setString(1, holder);
  q->setInt64(2, absl::ToInt64Microseconds(ttl));
  q->setString(3, holder);
  if (q->executeUpdate() > 0) return true;
  // An UPDATE that changes nothing reports no row: read whether we hold it.
  db::Statement r = db::Prepare(conn, "SELECT holder FROM sla_scanner_lease WHERE id = 1");
  std::unique_ptr<sql::ResultSet> rs(r->executeQuery());
  return rs->next() && std::string(rs->getString("holder")) == holder;
}

absl::Status ReleaseScannerLease(sql::Connection& conn, const std::string& holder) {
  db::Statement q = db::Prepare(conn,
      "UPDATE sla_scanner_lease SET holder = '', last_pass_time = NOW(6) WHERE id = 1 AND holder = ?");
  q->setString(1, holder);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<OpenCount>> CountOpenTickets(sql::Connection& conn) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT priority, worst, COUNT(*) AS n FROM (SELECT t.priority,"
      " COALESCE(MAX(CASE WHEN c.stop_time IS NULL AND c.breach_mark_time IS NOT NULL THEN 2"
      " WHEN c.stop_time IS NULL AND c.at_risk_mark_time IS NOT NULL THEN 1 ELSE 0 END), 0) AS worst"
      " FROM tickets t LEFT JOIN ticket_clocks c ON c.ticket_id = t.id WHERE t.", kOpenStateSql,
      " GROUP BY t.id, t.priority) x GROUP BY priority, worst"));
  return db::Rows<OpenCount>(*q, [](sql::ResultSet& rs) {
    const int worst = rs.getInt("worst");
    return OpenCount{static_cast<Priority>(rs.getInt("priority")),
                     worst == 2 ? "breached" : worst == 1 ? "at_risk" : "ok", rs.getInt64("n")};
  });
}

absl::StatusOr<std::optional<absl::Time>> OldestDueCheck(sql::Connection& conn, absl::Time now) {
  db::Statement q = db::Prepare(conn, "SELECT MIN(next_check) AS oldest FROM ticket_deadlines WHERE next_check <= ?");
  db::BindTime(*q, 1, now);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next()) return std::optional<absl::Time>();
  return db::OptionalTimeColumn(*rs, "oldest");
}

}  // namespace huinong::tickets::store
