// Lenient reading of the JSON the services store in their own columns (a
// record's nested parts, written by the same service with nlohmann-json):
// a member that is missing, or of the wrong type, reads as empty — zero,
// false, "", no day, an empty list — so one odd member never fails a read
// of the whole row (the API checked everything before it was written), and
// a member added later reads as empty in rows written before. Printing never
// throws: text that is not UTF-8 (the API refuses it) is replaced. Header-
// only; shared by every service's store.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/core/utc_text.h"

namespace huinong::json {

using Json = nlohmann::json;

inline Json Parse(const std::string& text) {
  Json v = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return v.is_discarded() ? Json() : v;
}

inline std::string Print(const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The member, or null.
inline const Json& Field(const Json& obj, const char* key) {
  static const Json* null = new Json();
  if (!obj.is_object()) return *null;
  auto it = obj.find(key);
  return it == obj.end() ? *null : *it;
}

inline std::string AsString(const Json& v) { return v.is_string() ? v.get<std::string>() : ""; }
inline std::string String(const Json& obj, const char* key) { return AsString(Field(obj, key)); }

// A whole number; a fraction is cut toward zero, and a number outside
// int64's range (or an unsigned one above it) reads as 0, never undefined.
inline int64_t Int(const Json& obj, const char* key) {
  const Json& v = Field(obj, key);
  if (v.is_number_unsigned()) {
    const uint64_t u = v.get<uint64_t>();
    return u <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ? static_cast<int64_t>(u) : 0;
  }
  if (v.is_number_integer()) return v.get<int64_t>();
  if (!v.is_number_float()) return 0;
  const double d = v.get<double>();
  return d > -9.2e18 && d < 9.2e18 ? static_cast<int64_t>(d) : 0;
}

inline bool Bool(const Json& obj, const char* key) {
  const Json& v = Field(obj, key);
  return v.is_boolean() && v.get<bool>();
}

// A "YYYY-MM-DD" member.
inline std::optional<absl::CivilDay> Day(const Json& obj, const char* key) {
  absl::CivilDay d;
  const std::string text = String(obj, key);
  if (text.empty() || !absl::ParseCivilTime(text, &d)) return std::nullopt;
  return d;
}
inline std::string DayText(const std::optional<absl::CivilDay>& d) { return d ? absl::FormatCivilTime(*d) : ""; }

// An instant as fixed-width UTC text ("2026-12-02T01:00:00.000000"), and
// back; a missing or malformed member reads as none.
inline std::string InstantText(const std::optional<absl::Time>& t) {
  char text[kUtcTextSize];
  if (!t || !FormatUtcMicros(*t, 'T', text)) return "";
  return std::string(text, kUtcTextSize);
}
inline std::optional<absl::Time> Instant(const Json& obj, const char* key) {
  absl::Time t;
  if (!ParseUtcMicros(String(obj, key), 'T', &t)) return std::nullopt;
  return t;
}

// The member if it is an array, else an empty one (to iterate over).
inline const Json& Array(const Json& obj, const char* key) {
  static const Json* empty = new Json(Json::array());
  const Json& v = Field(obj, key);
  return v.is_array() ? v : *empty;
}

}  // namespace huinong::json
