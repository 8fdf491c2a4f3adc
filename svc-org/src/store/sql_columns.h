// svc-org's store helpers: the shared column helpers of common/db, all rows
// or the first of a query, and the data-scope and dated-read clauses of its
// own queries. Header-only; used
// inside the store's .cc files, never by the API.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/db/sql_columns.h"
#include "common/db/where.h"

namespace huinong::org::store {

using db::BindDate;
using db::BindOptionalDate;
using db::BindOptionalString;
using db::BindTime;
using db::DateColumn;
using db::OptionalDateColumn;
using db::StringColumn;
using db::TimeColumn;

using db::First;
using db::Rows;

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
