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

std::string Quoted(std::string_view s) {
  std::string out = "\"";
  out += JsonEscape(s);
  out += '"';
  return out;
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

std::string FormatLine(std::string_view ts, Level level, std::string_view service,
                       std::string_view msg, std::initializer_list<Field> fields) {
  std::string line;
  line.reserve(96 + msg.size() + fields.size() * 32);
  absl::StrAppend(&line, "{\"ts\":\"", ToAbsl(ts), "\",\"level\":\"", ToAbsl(LevelName(level)),
                  "\",\"service\":\"", JsonEscape(service), "\",\"msg\":\"",
                  JsonEscape(msg), "\"");
  for (const Field& field : fields) {
    absl::StrAppend(&line, ",\"", IsFixedKey(field.key) ? "field." : "",
                    JsonEscape(field.key), "\":", field.json);
  }
  line += '}';
  return line;
}

void Write(Level level, std::string_view msg, std::initializer_list<Field> fields) {
  if (!Enabled(level)) return;
  Logger& logger = TheLogger();
  // The clock is read under the lock so lines appear in timestamp order.
  absl::MutexLock lock(&logger.mu);
  const std::string ts =
      absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", absl::Now(), absl::UTCTimeZone());
  std::string line = FormatLine(ts, level, logger.service, msg, fields);
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
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t len = utf8::SequenceLength(s, i);
      if (len == 0) {
        out += "\\ufffd";
        ++i;
      } else {
        out.append(s.substr(i, len));
        i += len;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  return out;
}

}  // namespace huinong::log
