// Structured logging: one JSON object per line, to stderr or a test sink.
//
// Every line is {"ts":..., "level":..., "service":..., "msg":..., <fields in
// the order given>}. "ts" is RFC 3339 UTC with microseconds. Each line is
// produced whole and handed over in one write under a lock, so lines from
// concurrent threads never interleave; Write() reads the clock under that
// lock, so its lines appear in timestamp order. Keys and string values are
// escaped so each line is valid JSON whatever bytes the caller passes
// (invalid UTF-8 becomes U+FFFD). The logger does not mask personal data by
// itself: callers pass values through common/core/mask.h first.
//
// Hot paths that log once per call (the access log) batch their lines
// instead: see common/core/buffered_log.h, built on AppendLine and WriteLines.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace huinong::log {

enum class Level { kDebug, kInfo, kWarn, kError };

// One key/value pair. The value is stored already JSON-encoded, so writing a
// line is concatenation only.
struct Field {
  Field(std::string k, std::string_view v);
  Field(std::string k, const char* v);
  Field(std::string k, const std::string& v);
  // Debian's absl::string_view is not std::string_view; status.message() is one.
  Field(std::string k, absl::string_view v);
  Field(std::string k, int64_t v);
  Field(std::string k, int v);
  Field(std::string k, double v);  // NaN and infinities become null
  Field(std::string k, bool v);
  // Other integer types (uint64_t, size_t, unsigned, long long) without
  // ambiguity between the overloads above.
  template <typename T>
    requires(std::is_integral_v<T> && !std::is_same_v<T, bool> &&
             !std::is_same_v<T, char> && !std::is_same_v<T, int64_t> &&
             !std::is_same_v<T, int>)
  Field(std::string k, T v) : key(std::move(k)), json(std::to_string(v)) {}

  std::string key;
  std::string json;  // the encoded value: "\"text\"", 42, true, null
};

// Sets the service name written on every line and the least level written.
// Safe to call at any time; lines already being written keep the old values.
void Init(std::string service, Level min_level);
// Sends each line (without the trailing newline) to `sink` instead of
// stderr; nullptr restores stderr. Calls to the sink are serialized (made
// under the logger's lock), so the sink must not log.
void SetSinkForTest(std::function<void(std::string_view line)> sink);

// "debug", "info", "warn" (or "warning"), "error", case-insensitive;
// INVALID_ARGUMENT otherwise.
absl::StatusOr<Level> ParseLevel(std::string_view s);
std::string_view LevelName(Level level);
bool Enabled(Level level);

void Write(Level level, std::string_view msg, std::initializer_list<Field> fields = {});
void Debug(std::string_view msg, std::initializer_list<Field> fields = {});
void Info(std::string_view msg, std::initializer_list<Field> fields = {});
void Warn(std::string_view msg, std::initializer_list<Field> fields = {});
void Error(std::string_view msg, std::initializer_list<Field> fields = {});

// The contents of a JSON string literal for `s`, without the quotes: '"' and
// '\\' escaped, \n \r \t \b \f short forms, other control characters (and
// DEL) as \u00XX, valid UTF-8 passed through, each invalid byte as \ufffd.
std::string JsonEscape(std::string_view s);

// JsonEscape(s) appended to `out`, without a temporary string.
void AppendJsonEscaped(std::string* out, std::string_view s);

// Formats one line exactly as Write() does, without the newline. Exposed so
// that tests and other writers (an access log) share one format.
std::string FormatLine(std::string_view ts, Level level, std::string_view service,
                       std::string_view msg, std::initializer_list<Field> fields);

// Appends the line Write() would write now — the current time and service,
// and the '\n' — to `out`, whatever the minimum level (the caller checks
// Enabled). Takes no lock in the common case (the service name is copied per
// thread and refreshed after Init) and makes no system call: for writers that
// batch lines and hand them to WriteLines.
void AppendLine(std::string* out, Level level, std::string_view msg,
                std::initializer_list<Field> fields);

// Writes `lines` — whole lines, each ending in '\n' — to stderr in one
// write under the logger's lock, so they never interleave with other lines
// (nor, on a pipe, with each other); with a test sink set, hands them to it
// one line at a time, without the newlines.
void WriteLines(std::string_view lines);

}  // namespace huinong::log
