// Binding and reading the column types every service's store shares:
// optional strings and dates, dates, and DATETIME(6) instants (UTC on both
// sides, see sql_time.h), and a query's rows as records. Header-only; for
// store code, never the API.
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

namespace huinong::db {

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
    q.setString(index, SqlDate(*day));
  } else {
    q.setNull(index, 0);
  }
}

inline void BindDate(sql::PreparedStatement& q, int index, absl::CivilDay day) {
  q.setString(index, SqlDate(day));
}

inline void BindTime(sql::PreparedStatement& q, int index, absl::Time t) {
  q.setString(index, SqlDateTime(t));
}

inline std::string StringColumn(sql::ResultSet& rs, const char* column) {
  if (rs.isNull(column)) return "";
  return std::string(rs.getString(column));
}

inline std::optional<absl::CivilDay> OptionalDateColumn(sql::ResultSet& rs, const char* column) {
  if (rs.isNull(column)) return std::nullopt;
  return ParseSqlDate(std::string(rs.getString(column)));
}

inline absl::CivilDay DateColumn(sql::ResultSet& rs, const char* column) {
  return OptionalDateColumn(rs, column).value_or(absl::CivilDay(1970, 1, 1));
}

inline absl::Time TimeColumn(sql::ResultSet& rs, const char* column) {
  return ParseSqlDateTime(std::string(rs.getString(column)));
}

inline std::optional<absl::Time> OptionalTimeColumn(sql::ResultSet& rs, const char* column) {
  if (rs.isNull(column)) return std::nullopt;
  return TimeColumn(rs, column);
}

inline void BindOptionalTime(sql::PreparedStatement& q, int index, const std::optional<absl::Time>& t) {
  if (t) {
    BindTime(q, index, *t);
  } else {
    q.setNull(index, 0);
  }
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

}  // namespace huinong::db
