// Prepared statements kept per pooled connection, so that a statement the
// service runs again costs one round trip (execute) instead of three
// (prepare, execute, close) and MariaDB does not parse it again.
//
//   db::Statement q = db::Prepare(conn, "SELECT ... WHERE id = ?");
//   q->setString(1, id);
//   std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
//
// Guarantees:
// - on a connection lent by DbPool (inside Transact/Read bodies) a statement
//   is prepared once per connection and SQL text and reused afterwards, with
//   its parameters cleared; a connection the pool drops takes its statements
//   with it;
// - the same SQL used again while an earlier Statement for it is still alive
//   (nested use) gets a statement of its own, never the busy one;
// - on any other connection (migrations, tests, a connection of
//   DbPool::Connect) Prepare simply prepares a statement the handle owns;
// - at most kMaxCachedStatements are kept per connection (when full, the idle
//   ones are closed and the cache starts again): 8 connections x 4 services
//   x 64 stays far below MariaDB's server-wide max_prepared_stmt_count
//   (16382);
// - SQL whose text varies with its data is never cached, so that it cannot
//   crowd out the fixed statements: more than kMaxCachedInListPlaceholders
//   placeholders inside `IN (...)` lists, or more than
//   kMaxCachedPlaceholders in all (a multi-row INSERT of many rows). A wide
//   fixed statement — a 21-column INSERT, a row of every SLA clock — is
//   cached like any other;
// - a body that fails with a database error leaves a fresh cache behind
//   (DbPool), so a statement made stale by a schema change is prepared again.
// A result set must not outlive the Statement it came from (as before with
// the std::unique_ptr<sql::PreparedStatement> this replaces).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "absl/container/node_hash_map.h"

namespace sql {
class Connection;
class PreparedStatement;
}  // namespace sql

namespace huinong::db {

inline constexpr std::size_t kMaxCachedStatements = 64;
inline constexpr int kMaxCachedInListPlaceholders = 16;
inline constexpr int kMaxCachedPlaceholders = 128;

// Whether Prepare keeps `sql` in a connection's cache (the rule above).
bool Cacheable(std::string_view sql);

class Statement;
Statement Prepare(sql::Connection& conn, std::string_view sql);

// The statements of one connection. Owned beside the connection by the pool
// and destroyed before it.
class StatementCache {
 public:
  StatementCache();
  ~StatementCache();
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

 private:
  friend Statement Prepare(sql::Connection& conn, std::string_view sql);
  struct Entry {
    std::unique_ptr<sql::PreparedStatement> statement;
    bool in_use = false;
  };
  // Node-based: a borrowed Statement points into its entry across rehashes.
  absl::node_hash_map<std::string, Entry> entries_;
};

// A prepared statement borrowed from a connection's cache or owned outright.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  // Only on a named handle: a result set taken from a temporary one would
  // outlive the borrow, and the next user of the statement would overwrite it.
  sql::PreparedStatement* operator->() const& { return statement_; }
  sql::PreparedStatement& operator*() const& { return *statement_; }
  sql::PreparedStatement* operator->() const&& = delete;
  sql::PreparedStatement& operator*() const&& = delete;

 private:
  friend Statement Prepare(sql::Connection& conn, std::string_view sql);
  explicit Statement(std::unique_ptr<sql::PreparedStatement> owned);
  Statement(sql::PreparedStatement* borrowed, bool* in_use);

  std::unique_ptr<sql::PreparedStatement> owned_;
  sql::PreparedStatement* statement_ = nullptr;
  bool* in_use_ = nullptr;  // the cache entry to free again, when borrowed
};

// While alive, Prepare on `conn` (from this thread) uses `cache`. The pool
// opens one around every Transact/Read body; scopes nest (a body that reads
// through a second connection keeps both caches).
class StatementScope {
 public:
  StatementScope(sql::Connection& conn, StatementCache& cache);
  ~StatementScope();
  StatementScope(const StatementScope&) = delete;
  StatementScope& operator=(const StatementScope&) = delete;

 private:
  friend Statement Prepare(sql::Connection& conn, std::string_view sql);
  sql::Connection* conn_;
  StatementCache* cache_;
  StatementScope* outer_;
};

}  // namespace huinong::db
