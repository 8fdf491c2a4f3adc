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
#include "common/core/status_macros.h"
#include "common/db/sql_time.h"
#include "common/rpc/errors.h"

namespace huinong::audit::store {
namespace {

constexpr const char* kColumns =
    "seq, event_id, event_time, append_time, service, actor_subject, actor_unit, actor_roles,"
    " action, resource_type, resource_id, resource_unit, request_id, before_json, after_json,"
    " prev_hash, hash";
constexpr int kColumnCount = 17;
constexpr size_t kInsertChunk = 100;

Event Row(sql::ResultSet& rs) {
  Event e;
  e.sequence = rs.getInt64("seq");
  e.event_id = rs.getString("event_id");
  e.time = db::ParseSqlDateTime(std::string(rs.getString("event_time")));
  e.append_time = db::ParseSqlDateTime(std::string(rs.getString("append_time")));
  e.service = rs.getString("service");
  e.actor_subject = rs.getString("actor_subject");
  e.actor_unit = rs.getString("actor_unit");
  std::string roles = rs.getString("actor_roles");
  if (!roles.empty()) e.actor_roles = absl::StrSplit(roles, ',');
  e.action = rs.getString("action");
  e.resource_type = rs.getString("resource_type");
  e.resource_id = rs.getString("resource_id");
  e.resource_unit = rs.getString("resource_unit");
  e.request_id = rs.getString("request_id");
  e.before_json = rs.getString("before_json");
  e.after_json = rs.getString("after_json");
  e.prev_hash = rs.getString("prev_hash");
  e.hash = rs.getString("hash");
  return e;
}

std::vector<Event> Rows(sql::PreparedStatement& q) {
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  std::vector<Event> out;
  while (rs->next()) out.push_back(Row(*rs));
  return out;
}

void Bind(sql::PreparedStatement& q, int base, const Event& e, absl::Time now) {
  q.setInt64(base + 1, e.sequence);
  q.setString(base + 2, e.event_id);
  q.setString(base + 3, db::SqlDateTime(e.time));
  q.setString(base + 4, db::SqlDateTime(now));
  q.setString(base + 5, e.service);
  q.setString(base + 6, e.actor_subject);
  q.setString(base + 7, e.actor_unit);
  q.setString(base + 8, absl::StrJoin(e.actor_roles, ","));
  q.setString(base + 9, e.action);
  q.setString(base + 10, e.resource_type);
  q.setString(base + 11, e.resource_id);
  q.setString(base + 12, e.resource_unit);
  q.setString(base + 13, e.request_id);
  q.setString(base + 14, e.before_json);
  q.setString(base + 15, e.after_json);
  q.setString(base + 16, e.prev_hash);
  q.setString(base + 17, e.hash);
}

absl::Status InsertRows(sql::Connection& conn, const std::vector<Event>& rows, absl::Time now) {
  for (size_t start = 0; start < rows.size(); start += kInsertChunk) {
    const size_t n = std::min(kInsertChunk, rows.size() - start);
    std::vector<std::string> tuples(n, absl::StrCat("(", absl::StrJoin(std::vector<std::string>(kColumnCount, "?"), ","), ")"));
    std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement(
        absl::StrCat("INSERT INTO events (", kColumns, ") VALUES ", absl::StrJoin(tuples, ","))));
    for (size_t i = 0; i < n; ++i) Bind(*q, static_cast<int>(i) * kColumnCount, rows[start + i], now);
    q->executeUpdate();
  }
  return absl::OkStatus();
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
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  std::unique_ptr<sql::ResultSet> head_rs(
      st->executeQuery("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE"));
  if (!head_rs->next()) return absl::InternalError("chain_head row is missing");
  Head head{head_rs->getInt64(1), head_rs->getString(2)};

  absl::flat_hash_map<std::string, Event> stored;
  {
    std::vector<std::string> marks(events.size(), "?");
    std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement(absl::StrCat(
        "SELECT ", kColumns, " FROM events WHERE event_id IN (", absl::StrJoin(marks, ","), ")")));
    for (size_t i = 0; i < events.size(); ++i) q->setString(static_cast<int>(i + 1), events[i].event_id);
    for (Event& e : Rows(*q)) stored.emplace(e.event_id, std::move(e));
  }

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
  std::unique_ptr<sql::PreparedStatement> up(
      conn.prepareStatement("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1"));
  up->setInt64(1, head.sequence);
  up->setString(2, head.hash);
  up->executeUpdate();
  return results;
}

absl::StatusOr<int64_t> MaxSequence(sql::Connection& conn) {
  std::unique_ptr<sql::Statement> st(conn.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT COALESCE(MAX(seq), 0) FROM events"));
  rs->next();
  return rs->getInt64(1);
}

absl::StatusOr<std::vector<Event>> ReadRange(sql::Connection& conn, int64_t from, int64_t to,
                                             int limit) {
  std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement(absl::StrCat(
      "SELECT ", kColumns, " FROM events WHERE seq BETWEEN ? AND ? ORDER BY seq LIMIT ?")));
  q->setInt64(1, from);
  q->setInt64(2, to);
  q->setInt(3, limit);
  return Rows(*q);
}

absl::StatusOr<std::optional<std::string>> HashAt(sql::Connection& conn, int64_t sequence) {
  std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement("SELECT hash FROM events WHERE seq = ?"));
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
  std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement(sql));
  int i = 1;
  q->setInt64(i++, after_sequence);
  for (const auto& b : binds) q->setString(i++, b);
  q->setInt(i, limit);
  return Rows(*q);
}

absl::StatusOr<std::optional<std::pair<int64_t, int64_t>>> SequencesInTime(sql::Connection& conn,
                                                                          absl::Time from,
                                                                          absl::Time to) {
  std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement(
      "SELECT MIN(seq), MAX(seq) FROM events WHERE event_time >= ? AND event_time < ?"));
  q->setString(1, db::SqlDateTime(from));
  q->setString(2, db::SqlDateTime(to));
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next() || rs->isNull(1)) return std::optional<std::pair<int64_t, int64_t>>();
  return std::optional<std::pair<int64_t, int64_t>>({rs->getInt64(1), rs->getInt64(2)});
}

absl::Status InsertCheckpoint(sql::Connection& conn, const Checkpoint& c) {
  std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement(
      "INSERT IGNORE INTO checkpoints (seq, head_hash, created_at, key_id, signature)"
      " VALUES (?, ?, ?, ?, ?)"));
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
  std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement(
      sequence ? "SELECT * FROM checkpoints WHERE seq = ?"
               : "SELECT * FROM checkpoints ORDER BY seq DESC LIMIT 1"));
  if (sequence) q->setInt64(1, *sequence);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next()) return std::optional<Checkpoint>();
  return std::optional<Checkpoint>(CheckpointRow(*rs));
}

absl::StatusOr<std::vector<Checkpoint>> ListCheckpoints(sql::Connection& conn, int64_t from,
                                                        int64_t to, int64_t after, int limit) {
  std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement(
      "SELECT * FROM checkpoints WHERE seq BETWEEN ? AND ? AND seq > ? ORDER BY seq LIMIT ?"));
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
  std::unique_ptr<sql::PreparedStatement> q(
      conn.prepareStatement("SELECT * FROM checkpoints WHERE seq >= ? ORDER BY seq LIMIT 1"));
  q->setInt64(1, sequence);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next()) return std::optional<Checkpoint>();
  return std::optional<Checkpoint>(CheckpointRow(*rs));
}

absl::Status InsertKeyIfMissing(sql::Connection& conn, const StoredKey& key) {
  std::unique_ptr<sql::PreparedStatement> q(conn.prepareStatement(
      "INSERT IGNORE INTO signing_keys (key_id, public_key, create_time) VALUES (?, ?, ?)"));
  q->setString(1, key.key_id);
  q->setString(2, key.public_key);
  q->setString(3, db::SqlDateTime(key.create_time));
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<StoredKey>> GetKey(sql::Connection& conn, const std::string& key_id) {
  std::unique_ptr<sql::PreparedStatement> q(
      conn.prepareStatement("SELECT key_id, public_key, create_time FROM signing_keys WHERE key_id = ?"));
  q->setString(1, key_id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next()) return std::optional<StoredKey>();
  return std::optional<StoredKey>(StoredKey{rs->getString(1), rs->getString(2),
                                            db::ParseSqlDateTime(std::string(rs->getString(3)))});
}

}  // namespace huinong::audit::store
