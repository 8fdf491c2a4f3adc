// Times and dates as MariaDB DATETIME(6) / DATE text. Every connection runs
// with time_zone '+00:00', so these are UTC on both sides.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace huinong::db {

// "2026-11-22 05:41:00.123456"; infinite past/future become DATETIME's bounds.
std::string SqlDateTime(absl::Time t);
absl::Time ParseSqlDateTime(absl::string_view text);     // InfinitePast() when malformed
std::string SqlDate(absl::CivilDay day);                // "2026-11-22"
std::optional<absl::CivilDay> ParseSqlDate(absl::string_view text);

}  // namespace huinong::db
