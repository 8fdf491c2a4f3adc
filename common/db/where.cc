// See where.h.
#include "common/db/where.h"

#include <cppconn/prepared_statement.h>

#include "absl/strings/str_join.h"
#include "common/db/sql_time.h"

namespace huinong::db {

Where& Where::And(std::string condition, std::vector<Value> values) {
  conditions_.push_back(std::move(condition));
  for (Value& v : values) values_.push_back(std::move(v));
  return *this;
}

std::string Where::Sql() const {
  if (conditions_.empty()) return "";
  return " WHERE " + absl::StrJoin(conditions_, " AND ");
}

int Where::Bind(sql::PreparedStatement& q, int first) const {
  int i = first;
  for (const Value& v : values_) {
    if (const auto* s = std::get_if<std::string>(&v)) {
      q.setString(i++, *s);
    } else if (const auto* n = std::get_if<int64_t>(&v)) {
      q.setInt64(i++, *n);
    } else {
      q.setString(i++, SqlDate(std::get<absl::CivilDay>(v)));
    }
  }
  return i;
}

}  // namespace huinong::db
