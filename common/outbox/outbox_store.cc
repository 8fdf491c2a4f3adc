// See outbox_store.h. Every query is served by the primary key or by
// outbox_unsent (sent_at, seq), so none scans sent history.
#include "common/outbox/outbox_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/db/sql_time.h"
#include "common/db/statements.h"

namespace huinong::outbox::store {

bool TryLease(sql::Connection& conn) {
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  std::unique_ptr<sql::ResultSet> rs(
      st->executeQuery("SELECT id FROM outbox_lease WHERE id = 1 FOR UPDATE SKIP LOCKED"));
  return rs->next();
}

std::vector<PendingEvent> Pending(sql::Connection& conn, int limit) {
  db::Statement q = db::Prepare(conn,
      "SELECT seq, payload FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?");
  q->setInt(1, limit);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  std::vector<PendingEvent> out;
  while (rs->next()) {
    PendingEvent e;
    e.seq = rs->getInt64(1);
    e.payload = rs->getString(2);
    out.push_back(std::move(e));
  }
  return out;
}

void MarkSent(sql::Connection& conn, const std::vector<int64_t>& seqs) {
  if (seqs.empty()) return;
  // Integers only, so joining them into the statement cannot inject anything.
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  st->executeUpdate(absl::StrCat("UPDATE outbox SET sent_at = UTC_TIMESTAMP(6) WHERE seq IN (",
                                 absl::StrJoin(seqs, ","), ") AND sent_at IS NULL"));
}

int DeleteSentBefore(sql::Connection& conn, absl::Time cutoff, int limit) {
  db::Statement del = db::Prepare(conn,
      "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ? ORDER BY sent_at LIMIT ?");
  del->setString(1, db::SqlDateTime(cutoff));
  del->setInt(2, limit);
  return del->executeUpdate();
}

Backlog ReadBacklog(sql::Connection& conn) {
  Backlog b;
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  {
    std::unique_ptr<sql::ResultSet> rs(
        st->executeQuery("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"));
    if (rs->next()) b.unsent = rs->getInt64(1);
  }
  if (b.unsent > 0) {
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery(
        "SELECT event_time FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT 1"));
    if (rs->next()) b.oldest = db::ParseSqlDateTime(std::string(rs->getString(1)));
  }
  return b;
}

}  // namespace huinong::outbox::store
