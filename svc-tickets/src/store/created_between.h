// The create-time filter lists share: from (inclusive) to (exclusive), each
// optional, on a DATETIME(6) column `create_time`.
#pragma once

#include <optional>

#include "absl/time/time.h"
#include "common/db/sql_columns.h"
#include "common/db/where.h"

namespace huinong::tickets::store {

inline void AndCreatedBetween(db::Where& where, const std::optional<absl::Time>& from,
                              const std::optional<absl::Time>& to) {
  if (from) where.And("create_time >= ?", {db::SqlDateTime(*from)});
  if (to) where.And("create_time < ?", {db::SqlDateTime(*to)});
}

}  // namespace huinong::tickets::store
