#include "svc-audit/src/store/event_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/core/sha256.h"
#include "common/core/status_macros.h"
#include "common/db/pool.h"
#include "common/db/sql_time.h"
#include "common/db/statements.h"
#include "common/rpc/errors.h"
#include "common/rpc/status_details.h"

namespace huinong::audit::store {
namespace {

constexpr const char* kColumns =
    "seq, event_id, event_time, append_time, service, actor_subject, actor_unit, actor_roles,"
    " action, resource_type, resource_id, resource_unit, request_id, before_json, after_json,"
    " prev_hash, hash";
constexpr size_t kInsertChunk = 100;
// One INSERT stays well under max_allowed_packet (16 MiB) even when every
// event carries two 64 KiB JSON documents that hex literals double.
constexpr size_t kInsertChunkBytes = 4 << 20;
constexpr absl::string_view kAppendRace = "APPEND_RACE";

// Columns by position (kColumns' order): Connector/C++ looks a column label
// up by upper-casing it and searching a map, on every call. Fills `e` in
// place, so an Event reused across reads keeps its strings' capacity.
void ReadRow(sql::ResultSet& rs, Event& e) {
  e.sequence = rs.getInt64(1);
  e.event_id = rs.getString(2).asStdString();
  e.time = db::ParseSqlDateTime(rs.getString(3).asStdString());
  e.append_time = db::ParseSqlDateTime(rs.getString(4).asStdString());
  e.service = rs.getString(5).asStdString();
  e.actor_subject = rs.getString(6).asStdString();
  e.actor_unit = rs.getString(7).asStdString();
  e.actor_roles.clear();
  const sql::SQLString roles = rs.getString(8);
  if (!roles.asStdString().empty()) {
    for (absl::string_view role : absl::StrSplit(roles.asStdString(), ',')) e.actor_roles.emplace_back(role);
  }
  e.action = rs.getString(9).asStdString();
  e.resource_type = rs.getString(10).asStdString();
  e.resource_id = rs.getString(11).asStdString();
  e.resource_unit = rs.getString(12).asStdString();
  e.request_id = rs.getString(13).asStdString();
  e.before_json = rs.getString(14).asStdString();
  e.after_json = rs.getString(15).asStdString();
  e.prev_hash = rs.getString(16).asStdString();
  e.hash = rs.getString(17).asStdString();
}

Event Row(sql::ResultSet& rs) {
  Event e;
  ReadRow(rs, e);
  return e;
}

std::vector<Event> Rows(sql::PreparedStatement& q) {
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  std::vector<Event> out;
  while (rs->next()) out.push_back(Row(*rs));
  return out;
}

// The append's statements are sent as text with their values inline, not
// prepared: each batch writes up to 1 700 values, and Connector/C++ spends
// more on binding and releasing that many parameters (a map entry each), and
// MariaDB on a prepare/execute/close round trip per statement, than on the
// insert itself. Every string and hash is written as a hex literal (X'…'),
// so no byte of an event reaches the SQL text as text: there is nothing to
// escape. MariaDB stores a hex literal in a text column byte for byte (and
// refuses invalid UTF-8 as it would a bound parameter); numbers and times are
// formatted by this code.
void HexLiteral(std::string& out, absl::string_view value) {
  absl::StrAppend(&out, "X'", HexEncode(std::string_view(value.data(), value.size())), "'");
}

void AppendRow(std::string& sql, const Event& e, const std::string& now) {
  absl::StrAppend(&sql, "(", e.sequence, ",");
  HexLiteral(sql, e.event_id);
  absl::StrAppend(&sql, ",'", db::SqlDateTime(e.time), "','", now, "',");
  for (const std::string* value : {&e.service, &e.actor_subject, &e.actor_unit}) {
    HexLiteral(sql, *value);
    sql.push_back(',');
  }
  HexLiteral(sql, absl::StrJoin(e.actor_roles, ","));
  for (const std::string* value : {&e.action, &e.resource_type, &e.resource_id, &e.resource_unit,
                                   &e.request_id, &e.before_json, &e.after_json}) {
    sql.push_back(',');
    HexLiteral(sql, *value);
  }
  sql.push_back(',');
  HexLiteral(sql, e.prev_hash);
  sql.push_back(',');
  HexLiteral(sql, e.hash);
  sql.push_back(')');
}

// Multi-row INSERTs of at most kInsertChunk rows or about kInsertChunkBytes.
// A row already stored under the same event_id (an appender that raced this
// one between its duplicate check and its insert) is kAppendRace.
absl::Status InsertRows(sql::Connection& conn, const std::vector<Event>& rows, absl::Time now) {
  const std::string now_text = db::SqlDateTime(now);
  const std::string head = absl::StrCat("INSERT INTO events (", kColumns, ") VALUES ");
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  std::string sql;
  size_t in_statement = 0;
  try {
    for (size_t i = 0; i < rows.size(); ++i) {
      if (in_statement == 0) sql = head;
      if (in_statement > 0) sql.push_back(',');
      AppendRow(sql, rows[i], now_text);
      ++in_statement;
      if (in_statement == kInsertChunk || sql.size() >= kInsertChunkBytes || i + 1 == rows.size()) {
        st->execute(sql);
        in_statement = 0;
      }
    }
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::WithReason(absl::AbortedError("an event of this batch was stored by a concurrent append"),
                           kAppendRace);
  }
  return absl::OkStatus();
}

// The stored events among `events`' ids, by event id.
absl::flat_hash_map<std::string, Event> StoredEvents(sql::Connection& conn,
                                                     const std::vector<Event>& events) {
  std::string sql = absl::StrCat("SELECT ", kColumns, " FROM events WHERE event_id IN (");
  for (size_t i = 0; i < events.size(); ++i) {
    if (i > 0) sql.push_back(',');
    HexLiteral(sql, events[i].event_id);
  }
  sql.push_back(')');
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery(sql));
  absl::flat_hash_map<std::string, Event> stored;
  while (rs->next()) {
    Event e = Row(*rs);
    std::string id = e.event_id;
    stored.emplace(std::move(id), std::move(e));
  }
  return stored;
}

Checkpoint CheckpointRow(sql::ResultSet& rs) {
  Checkpoint c;
  c.sequence = rs.getInt64("seq");
  c.head_hash = rs.getString("head_hash");
  c.time = db::ParseSqlDateTime(std::string(rs.getString("created_at")));
  c.key_id = rs.getString("key_id");
  c.signature = rs.getString("signature");
  return c;
}

}  // namespace

absl::StatusOr<Head> ReadHead(sql::Connection& conn) {
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT seq, hash FROM chain_head WHERE id = 1"));
  if (!rs->next()) return absl::InternalError("chain_head row is missing");
  return Head{rs->getInt64(1), rs->getString(2)};
}

absl::StatusOr<std::vector<Appended>> AppendBatch(sql::Connection& conn, std::vector<Event> events,
                                                  absl::Time now) {
  // Read before taking the chain head's lock, so concurrent appenders do not
  // wait for each other's lookups. A fresh batch finds nothing; an event
  // stored between this read and the insert below fails the insert on the
  // unique event_id (kAppendRace), and the retry finds it here.
  const absl::flat_hash_map<std::string, Event> stored = StoredEvents(conn, events);

  std::unique_ptr<sql::Statement> st(conn.createStatement());
  std::unique_ptr<sql::ResultSet> head_rs(
      st->executeQuery("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE"));
  if (!head_rs->next()) return absl::InternalError("chain_head row is missing");
  Head head{head_rs->getInt64(1), head_rs->getString(2)};

  std::vector<Appended> results;
  std::vector<Event> fresh;
  for (Event& e : events) {
    e.time = TruncateToMicros(e.time);
    auto it = stored.find(e.event_id);
    if (it != stored.end()) {
      e.sequence = it->second.sequence;
      if (CanonicalBytes(e) != CanonicalBytes(it->second)) {
        return rpc::AlreadyExists(
            "EVENT_ID_CONFLICT",
            absl::StrCat("event ", e.event_id, " is already stored with different content"));
      }
      results.push_back({e.sequence, true});
      continue;
    }
    e.sequence = head.sequence + 1;
    e.prev_hash = head.hash;
    e.hash = ChainHash(e.prev_hash, e);
    head = {e.sequence, e.hash};
    results.push_back({e.sequence, false});
    fresh.push_back(std::move(e));
  }
  if (fresh.empty()) return results;
  RETURN_IF_ERROR(InsertRows(conn, fresh, now));
  std::string update = absl::StrCat("UPDATE chain_head SET seq = ", head.sequence, ", hash = ");
  HexLiteral(update, head.hash);
  absl::StrAppend(&update, " WHERE id = 1");
  st->execute(update);
  return results;
}

bool LostAppendRace(const absl::Status& status) { return rpc::ReasonOf(status) == kAppendRace; }

absl::StatusOr<int64_t> MaxSequence(sql::Connection& conn) {
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT COALESCE(MAX(seq), 0) FROM events"));
  rs->next();
  return rs->getInt64(1);
}

absl::StatusOr<std::vector<Event>> ReadRange(sql::Connection& conn, int64_t from, int64_t to,
                                             int limit) {
  std::vector<Event> out;
  RETURN_IF_ERROR(ReadRangeInto(conn, from, to, limit, out));
  return out;
}

absl::Status ReadRangeInto(sql::Connection& conn, int64_t from, int64_t to, int limit,
                           std::vector<Event>& out) {
  // Text protocol (the bounds are numbers this code formats): Connector/C++'s
  // prepared result sets look up each column's type and format every
  // DATETIME with snprintf on each getString, which cost more than hashing
  // the event when VerifyChain reads the whole chain.
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery(absl::StrCat(
      "SELECT ", kColumns, " FROM events WHERE seq BETWEEN ", from, " AND ", to, " ORDER BY seq LIMIT ",
      limit)));
  size_t n = 0;
  while (rs->next()) {
    if (n == out.size()) out.emplace_back();
    ReadRow(*rs, out[n++]);
  }
  out.resize(n);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<std::string>> HashAt(sql::Connection& conn, int64_t sequence) {
  db::Statement q = db::Prepare(conn, "SELECT hash FROM events WHERE seq = ?");
  q->setInt64(1, sequence);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next()) return std::optional<std::string>();
  return std::optional<std::string>(rs->getString(1));
}

absl::StatusOr<std::vector<Event>> Search(sql::Connection& conn, const SearchFilter& f,
                                          int64_t after_sequence, int limit) {
  std::string sql = absl::StrCat("SELECT ", kColumns, " FROM events WHERE ",
                                 f.newest_first ? "seq < ?" : "seq > ?");
  std::vector<std::string> binds;
  auto equal = [&](const std::string& value, const char* column) {
    if (value.empty()) return;
    absl::StrAppend(&sql, " AND ", column, " = ?");
    binds.push_back(value);
  };
  equal(f.resource_type, "resource_type");
  equal(f.resource_id, "resource_id");
  equal(f.actor_subject, "actor_subject");
  equal(f.actor_unit, "actor_unit");
  equal(f.action, "action");
  equal(f.service, "service");
  equal(f.request_id, "request_id");
  if (f.time_from) {
    absl::StrAppend(&sql, " AND event_time >= ?");
    binds.push_back(db::SqlDateTime(*f.time_from));
  }
  if (f.time_to) {
    absl::StrAppend(&sql, " AND event_time < ?");
    binds.push_back(db::SqlDateTime(*f.time_to));
  }
  if (f.units) {
    if (f.units->empty()) return std::vector<Event>();
    std::vector<std::string> marks(f.units->size(), "?");
    const std::string in = absl::StrJoin(marks, ",");
    absl::StrAppend(&sql, " AND (actor_unit IN (", in, ") OR resource_unit IN (", in, "))");
    for (int pass = 0; pass < 2; ++pass) binds.insert(binds.end(), f.units->begin(), f.units->end());
  }
  absl::StrAppend(&sql, " ORDER BY seq ", f.newest_first ? "DESC" : "ASC", " LIMIT ?");
  db::Statement q = db::Prepare(conn, sql);
  int i = 1;
  q->setInt64(i++, after_sequence);
  for (const auto& b : binds) q->setString(i++, b);
  q->setInt(i, limit);
  return Rows(*q);
}

absl::StatusOr<std::optional<std::pair<int64_t, int64_t>>> SequencesInTime(sql::Connection& conn,
                                                                          absl::Time from,
                                                                          absl::Time to) {
  db::Statement q = db::Prepare(conn,
      "SELECT MIN(seq), MAX(seq) FROM events WHERE event_time >= ? AND event_time < ?");
  q->setString(1, db::SqlDateTime(from));
  q->setString(2, db::SqlDateTime(to));
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next() || rs->isNull(1)) return std::optional<std::pair<int64_t, int64_t>>();
  return std::optional<std::pair<int64_t, int64_t>>({rs->getInt64(1), rs->getInt64(2)});
}

absl::Status InsertCheckpoint(sql::Connection& conn, const Checkpoint& c) {
  db::Statement q = db::Prepare(conn,
      "INSERT IGNORE INTO checkpoints (seq, head_hash, created_at, key_id, signature)"
      " VALUES (?, ?, ?, ?, ?)");
  q->setInt64(1, c.sequence);
  q->setString(2, c.head_hash);
  q->setString(3, db::SqlDateTime(c.time));
  q->setString(4, c.key_id);
  q->setString(5, c.signature);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<Checkpoint>> GetCheckpoint(sql::Connection& conn,
                                                        std::optional<int64_t> sequence) {
  db::Statement q = db::Prepare(conn,
      sequence ? "SELECT * FROM checkpoints WHERE seq = ?"
               : "SELECT * FROM checkpoints ORDER BY seq DESC LIMIT 1");
  if (sequence) q->setInt64(1, *sequence);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next()) return std::optional<Checkpoint>();
  return std::optional<Checkpoint>(CheckpointRow(*rs));
}

absl::StatusOr<std::vector<Checkpoint>> ListCheckpoints(sql::Connection& conn, int64_t from,
                                                        int64_t to, int64_t after, int limit) {
  db::Statement q = db::Prepare(conn,
      "SELECT * FROM checkpoints WHERE seq BETWEEN ? AND ? AND seq > ? ORDER BY seq LIMIT ?");
  q->setInt64(1, from);
  q->setInt64(2, to);
  q->setInt64(3, after);
  q->setInt(4, limit);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  std::vector<Checkpoint> out;
  while (rs->next()) out.push_back(CheckpointRow(*rs));
  return out;
}

absl::StatusOr<std::optional<Checkpoint>> CheckpointAtOrAfter(sql::Connection& conn,
                                                              int64_t sequence) {
  db::Statement q = db::Prepare(conn, "SELECT * FROM checkpoints WHERE seq >= ? ORDER BY seq LIMIT 1");
  q->setInt64(1, sequence);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next()) return std::optional<Checkpoint>();
  return std::optional<Checkpoint>(CheckpointRow(*rs));
}

absl::Status InsertKeyIfMissing(sql::Connection& conn, const StoredKey& key) {
  db::Statement q = db::Prepare(conn,
      "INSERT IGNORE INTO signing_keys (key_id, public_key, create_time) VALUES (?, ?, ?)");
  q->setString(1, key.key_id);
  q->setString(2, key.public_key);
  q->setString(3, db::SqlDateTime(key.create_time));
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<StoredKey>> GetKey(sql::Connection& conn, const std::string& key_id) {
  db::Statement q = db::Prepare(conn, "SELECT key_id, public_key, create_time FROM signing_keys WHERE key_id = ?");
  q->setString(1, key_id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next()) return std::optional<StoredKey>();
  return std::optional<StoredKey>(StoredKey{rs->getString(1), rs->getString(2),
                                            db::ParseSqlDateTime(std::string(rs->getString(3)))});
}

}  // namespace huinong::audit::store
