// A WHERE clause built from typed filters, each condition added together with
// the values it binds, so the SQL text and the bind list can never drift
// apart (they used to be two parallel ladders of `if`s in every list query).
//
//   db::Where where;
//   where.And("p.id > ?", {after_id});
//   where.AndIf(!unit.empty(), "p.unit_id = ?", {unit});
//   db::Statement q = db::Prepare(conn, absl::StrCat("SELECT … FROM posts p", where.Sql(), " LIMIT ?"));
//   int next = where.Bind(*q);
//   q->setInt(next, limit);
//
// Guarantees: Sql() is "" with no condition, else " WHERE c1 AND c2 …" in the
// order added; Bind() binds the values in that same order from index 1 (or
// `first`) and returns the next free index. Values are bound, never spliced
// into the text; conditions are the caller's fixed SQL, never user input.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "absl/time/civil_time.h"

namespace sql {
class PreparedStatement;
}

namespace huinong::db {

class Where {
 public:
  using Value = std::variant<std::string, int64_t, absl::CivilDay>;

  // `condition` holds one `?` per value.
  Where& And(std::string condition, std::vector<Value> values = {});
  Where& AndIf(bool when, std::string condition, std::vector<Value> values = {}) {
    return when ? And(std::move(condition), std::move(values)) : *this;
  }

  std::string Sql() const;
  int Bind(sql::PreparedStatement& q, int first = 1) const;
  size_t size() const { return conditions_.size(); }

 private:
  std::vector<std::string> conditions_;
  std::vector<Value> values_;
};

}  // namespace huinong::db
