#include "common/db/statements.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>

namespace huinong::db {
namespace {

thread_local StatementScope* innermost = nullptr;

}  // namespace

StatementCache::StatementCache() = default;
StatementCache::~StatementCache() = default;

Statement::Statement(std::unique_ptr<sql::PreparedStatement> owned)
    : owned_(std::move(owned)), statement_(owned_.get()) {}

Statement::Statement(sql::PreparedStatement* borrowed, bool* in_use)
    : statement_(borrowed), in_use_(in_use) {
  *in_use_ = true;
}

Statement::Statement(Statement&& other) noexcept
    : owned_(std::move(other.owned_)),
      statement_(std::exchange(other.statement_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)) {}

Statement::~Statement() {
  if (in_use_ != nullptr) *in_use_ = false;
}

StatementScope::StatementScope(sql::Connection& conn, StatementCache& cache)
    : conn_(&conn), cache_(&cache), outer_(innermost) {
  innermost = this;
}

StatementScope::~StatementScope() { innermost = outer_; }

bool Cacheable(std::string_view sql) {
  if (std::count(sql.begin(), sql.end(), '?') > kMaxCachedPlaceholders) return false;
  int in_lists = 0;
  for (std::size_t at = sql.find("IN ("); at != std::string_view::npos; at = sql.find("IN (", at + 1)) {
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(sql[at - 1])) || sql[at - 1] == '_')) continue;
    const std::size_t end = sql.find(')', at);
    const std::string_view list = sql.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    in_lists += static_cast<int>(std::count(list.begin(), list.end(), '?'));
  }
  return in_lists <= kMaxCachedInListPlaceholders;
}

Statement Prepare(sql::Connection& conn, std::string_view sql) {
  StatementCache* cache = nullptr;
  for (StatementScope* s = innermost; s != nullptr; s = s->outer_) {
    if (s->conn_ == &conn) {
      cache = s->cache_;
      break;
    }
  }
  const sql::SQLString text(sql.data(), sql.size());
  if (cache != nullptr && !Cacheable(sql)) cache = nullptr;
  if (cache == nullptr) return Statement(std::unique_ptr<sql::PreparedStatement>(conn.prepareStatement(text)));

  auto found = cache->entries_.find(absl::string_view(sql.data(), sql.size()));
  if (found != cache->entries_.end()) {
    StatementCache::Entry& entry = found->second;
    if (entry.in_use) {  // nested use of the same SQL: a statement of its own
      return Statement(std::unique_ptr<sql::PreparedStatement>(conn.prepareStatement(text)));
    }
    entry.statement->clearParameters();
    return Statement(entry.statement.get(), &entry.in_use);
  }
  if (cache->entries_.size() >= kMaxCachedStatements) {
    absl::erase_if(cache->entries_, [](const auto& kv) { return !kv.second.in_use; });
  }
  std::unique_ptr<sql::PreparedStatement> prepared(conn.prepareStatement(text));
  StatementCache::Entry& entry = cache->entries_[std::string(sql)];
  entry.statement = std::move(prepared);
  return Statement(entry.statement.get(), &entry.in_use);
}

}  // namespace huinong::db
