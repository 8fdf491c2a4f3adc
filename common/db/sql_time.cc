#include "common/db/sql_time.h"

#include "common/core/utc_text.h"

namespace huinong::db {

std::string SqlDateTime(absl::Time t) {
  // Open-ended ranges arrive as infinite times; DATETIME spans years 1000-9999.
  if (t == absl::InfinitePast()) return "1000-01-01 00:00:00.000000";
  if (t == absl::InfiniteFuture()) return "9999-12-31 23:59:59.999999";
  char text[kUtcTextSize];
  if (FormatUtcMicros(t, ' ', text)) return std::string(text, sizeof(text));
  return absl::FormatTime("%Y-%m-%d %H:%M:%E6S", t, absl::UTCTimeZone());
}

absl::Time ParseSqlDateTime(absl::string_view text) {
  absl::Time t;
  if (ParseUtcMicros(text, ' ', &t)) return t;
  std::string err;
  if (!absl::ParseTime("%Y-%m-%d %H:%M:%E*S", std::string(text), absl::UTCTimeZone(), &t, &err)) {
    return absl::InfinitePast();
  }
  return t;
}

std::string SqlDate(absl::CivilDay day) { return absl::FormatCivilTime(day); }

std::optional<absl::CivilDay> ParseSqlDate(absl::string_view text) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(text, &day)) return std::nullopt;
  return day;
}

}  // namespace huinong::db
