// JSON-lines logger; see log.h for the line format and guarantees.
#include "common/core/log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cmath>

#include "absl/base/thread_annotations.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/core/string_views.h"
#include "common/core/utc_text.h"
#include "common/core/utf8.h"

namespace huinong::log {
namespace {

struct Logger {
  absl::Mutex mu;
  std::string service ABSL_GUARDED_BY(mu);
  std::function<void(std::string_view)> sink ABSL_GUARDED_BY(mu);
};

// Never destroyed: code running in static destructors may still log.
Logger& TheLogger() {
  static Logger* logger = new Logger;
  return *logger;
}

// Read without the lock so that a disabled Debug() costs one atomic load.
std::atomic<int> g_min_level{static_cast<int>(Level::kInfo)};
// Bumped by every Init (under the lock): AppendLine's per-thread copy of the
// service name is stale when its generation differs.
std::atomic<uint64_t> g_generation{1};

std::string Quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  AppendJsonEscaped(&out, s);
  out += '"';
  return out;
}

// "2026-11-22T05:41:00.123456Z": the fixed-width formatter, absl's outside
// the years it covers (the bytes are the same, see utc_text.h).
void AppendTimestamp(std::string* out, absl::Time now) {
  char ts[kUtcTextSize];
  if (FormatUtcMicros(now, 'T', ts)) {
    out->append(ts, kUtcTextSize);
    *out += 'Z';
  } else {
    out->append(absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", now, absl::UTCTimeZone()));
  }
}

void WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // nowhere left to report a failing stderr
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
}

// A caller field named like a fixed field would make a line with duplicate
// keys, which most readers resolve by dropping one; keep both visible.
bool IsFixedKey(std::string_view key) {
  return key == "ts" || key == "level" || key == "service" || key == "msg";
}

}  // namespace

Field::Field(std::string k, std::string_view v) : key(std::move(k)), json(Quoted(v)) {}
Field::Field(std::string k, const char* v)
    : key(std::move(k)), json(v == nullptr ? "null" : Quoted(v)) {}
Field::Field(std::string k, const std::string& v) : key(std::move(k)), json(Quoted(v)) {}
Field::Field(std::string k, absl::string_view v) : key(std::move(k)), json(Quoted(ToStd(v))) {}
Field::Field(std::string k, int64_t v) : key(std::move(k)), json(absl::StrCat(v)) {}
Field::Field(std::string k, int v) : key(std::move(k)), json(absl::StrCat(v)) {}
Field::Field(std::string k, bool v) : key(std::move(k)), json(v ? "true" : "false") {}
Field::Field(std::string k, double v) : key(std::move(k)) {
  if (!std::isfinite(v)) {
    json = "null";  // JSON has no NaN or Infinity
    return;
  }
  // Shortest text that reads back to the same double; always valid JSON.
  char buf[32];
  const auto result = std::to_chars(buf, buf + sizeof buf, v);
  json.assign(buf, result.ptr);
}

void Init(std::string service, Level min_level) {
  Logger& logger = TheLogger();
  absl::MutexLock lock(&logger.mu);
  logger.service = std::move(service);
  g_min_level.store(static_cast<int>(min_level), std::memory_order_relaxed);
  g_generation.fetch_add(1, std::memory_order_release);
}

void SetSinkForTest(std::function<void(std::string_view line)> sink) {
  Logger& logger = TheLogger();
  absl::MutexLock lock(&logger.mu);
  logger.sink = std::move(sink);
}

absl::StatusOr<Level> ParseLevel(std::string_view s) {
  const std::string v = absl::AsciiStrToLower(absl::StripAsciiWhitespace(ToAbsl(s)));
  if (v == "debug") return Level::kDebug;
  if (v == "info") return Level::kInfo;
  if (v == "warn" || v == "warning") return Level::kWarn;
  if (v == "error") return Level::kError;
  return absl::InvalidArgumentError(
      absl::StrCat("log level \"", ToAbsl(s), "\" is not one of debug, info, warn, error"));
}

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "unknown";
}

bool Enabled(Level level) {
  return static_cast<int>(level) >= g_min_level.load(std::memory_order_relaxed);
}

namespace {

// The line without its timestamp's value: `ts` is written by the caller's
// `write_ts` so that both the given-text and the current-time forms share it.
template <class WriteTs>
void AppendFormatted(std::string* out, WriteTs write_ts, Level level, std::string_view service,
                     std::string_view msg, std::initializer_list<Field> fields) {
  out->append("{\"ts\":\"");
  write_ts(out);
  out->append("\",\"level\":\"");
  out->append(LevelName(level));
  out->append("\",\"service\":\"");
  AppendJsonEscaped(out, service);
  out->append("\",\"msg\":\"");
  AppendJsonEscaped(out, msg);
  *out += '"';
  for (const Field& field : fields) {
    out->append(",\"");
    if (IsFixedKey(field.key)) out->append("field.");
    AppendJsonEscaped(out, field.key);
    out->append("\":");
    out->append(field.json);
  }
  *out += '}';
}

}  // namespace

std::string FormatLine(std::string_view ts, Level level, std::string_view service,
                       std::string_view msg, std::initializer_list<Field> fields) {
  std::string line;
  line.reserve(96 + msg.size() + fields.size() * 32);
  AppendFormatted(
      &line, [ts](std::string* out) { out->append(ts); }, level, service, msg, fields);
  return line;
}

void AppendLine(std::string* out, Level level, std::string_view msg,
                std::initializer_list<Field> fields) {
  struct ServiceCopy {
    uint64_t generation = 0;
    std::string name;
  };
  thread_local ServiceCopy service;
  if (service.generation != g_generation.load(std::memory_order_acquire)) {
    Logger& logger = TheLogger();
    absl::MutexLock lock(&logger.mu);
    service.name = logger.service;
    service.generation = g_generation.load(std::memory_order_relaxed);
  }
  const absl::Time now = absl::Now();
  AppendFormatted(
      out, [now](std::string* o) { AppendTimestamp(o, now); }, level, service.name, msg, fields);
  *out += '\n';
}

void WriteLines(std::string_view lines) {
  if (lines.empty()) return;
  Logger& logger = TheLogger();
  absl::MutexLock lock(&logger.mu);
  if (!logger.sink) {
    WriteAll(STDERR_FILENO, lines);
    return;
  }
  while (!lines.empty()) {
    const size_t end = lines.find('\n');
    logger.sink(lines.substr(0, end));
    if (end == std::string_view::npos) break;
    lines.remove_prefix(end + 1);
  }
}

void Write(Level level, std::string_view msg, std::initializer_list<Field> fields) {
  if (!Enabled(level)) return;
  Logger& logger = TheLogger();
  // The clock is read under the lock so lines appear in timestamp order.
  absl::MutexLock lock(&logger.mu);
  const absl::Time now = absl::Now();
  std::string line;
  line.reserve(96 + msg.size() + fields.size() * 32);
  AppendFormatted(
      &line, [now](std::string* o) { AppendTimestamp(o, now); }, level, logger.service, msg, fields);
  if (logger.sink) {
    logger.sink(line);
    return;
  }
  line += '\n';
  WriteAll(STDERR_FILENO, line);
}

void Debug(std::string_view msg, std::initializer_list<Field> fields) {
  Write(Level::kDebug, msg, fields);
}
void Info(std::string_view msg, std::initializer_list<Field> fields) {
  Write(Level::kInfo, msg, fields);
}
void Warn(std::string_view msg, std::initializer_list<Field> fields) {
  Write(Level::kWarn, msg, fields);
}
void Error(std::string_view msg, std::initializer_list<Field> fields) {
  Write(Level::kError, msg, fields);
}

std::string JsonEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  AppendJsonEscaped(&out, s);
  return out;
}

void AppendJsonEscaped(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t i = 0;
  while (i < s.size()) {
    // The common case, printable ASCII without quotes or backslashes, is
    // copied a run at a time.
    size_t run = i;
    while (run < s.size()) {
      const unsigned char c = static_cast<unsigned char>(s[run]);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') break;
      ++run;
    }
    out->append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t len = utf8::SequenceLength(s, i);
      if (len == 0) {
        out->append("\\ufffd");
        ++i;
      } else {
        out->append(s.substr(i, len));
        i += len;
      }
      continue;
    }
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:  // other control characters and DEL
        out->append("\\u00");
        *out += kHex[c >> 4];
        *out += kHex[c & 0xf];
    }
    ++i;
  }
}

}  // namespace huinong::log
