// Small helpers for reading and binding the column types svc-org's stores
// share (optional strings and dates, times; all rows or the first of a
// query). Header-only; used inside the store's .cc files, never by the API.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/db/sql_time.h"
#include "common/db/where.h"

namespace huinong::org::store {

inline void BindOptionalString(sql::PreparedStatement& q, int index, const std::string& value) {
  if (value.empty()) {
    q.setNull(index, 0);
  } else {
    q.setString(index, value);
  }
}

inline void BindOptionalDate(sql::PreparedStatement& q, int index,
                             const std::optional<absl::CivilDay>& day) {
  if (day) {
    q.setString(index, db::SqlDate(*day));
  } else {
    q.setNull(index, 0);
  }
}

inline void BindDate(sql::PreparedStatement& q, int index, absl::CivilDay day) {
  q.setString(index, db::SqlDate(day));
}

inline void BindTime(sql::PreparedStatement& q, int index, absl::Time t) {
  q.setString(index, db::SqlDateTime(t));
}

inline std::string StringColumn(sql::ResultSet& rs, const char* column) {
  if (rs.isNull(column)) return "";
  return std::string(rs.getString(column));
}

inline std::optional<absl::CivilDay> OptionalDateColumn(sql::ResultSet& rs, const char* column) {
  if (rs.isNull(column)) return std::nullopt;
  return db::ParseSqlDate(std::string(rs.getString(column)));
}

inline absl::CivilDay DateColumn(sql::ResultSet& rs, const char* column) {
  return OptionalDateColumn(rs, column).value_or(absl::CivilDay(1970, 1, 1));
}

inline absl::Time TimeColumn(sql::ResultSet& rs, const char* column) {
  return db::ParseSqlDateTime(std::string(rs.getString(column)));
}

// Every row of the query, each read by `row(ResultSet&)`.
template <class T, class RowFn>
std::vector<T> Rows(sql::PreparedStatement& q, RowFn row) {
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  std::vector<T> out;
  while (rs->next()) out.push_back(row(*rs));
  return out;
}

// The first of `rows`, if any.
template <class T>
std::optional<T> First(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

// Rows whose unit (alias `u`) lies on the caller's line: inside the subtree
// of `visible_path`, or above it. Nothing is added for an empty path.
inline void AndVisibleFrom(db::Where& where, const std::string& visible_path) {
  where.AndIf(!visible_path.empty(), "(u.path LIKE CONCAT(?, '%') OR ? LIKE CONCAT(u.path, '%'))",
              {visible_path, visible_path});
}

// The values a dated read binds: its day, three times when lenient, four when strict.
inline std::vector<db::Where::Value> DayValues(absl::CivilDay day, bool lenient) {
  return std::vector<db::Where::Value>(lenient ? 3 : 4, day);
}

}  // namespace huinong::org::store
