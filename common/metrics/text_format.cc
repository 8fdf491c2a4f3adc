// Text exposition format helpers; see text_format.h.
#include "common/metrics/text_format.h"

#include <charconv>
#include <cmath>
#include <string_view>
#include <system_error>

namespace huinong::metrics::text {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool IsValidMetricName(std::string_view name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool ok = IsAsciiLetter(c) || c == '_' || c == ':' || (i > 0 && IsAsciiDigit(c));
    if (!ok) return false;
  }
  return true;
}

bool IsValidLabelName(std::string_view name) {
  if (name.empty() || name.starts_with("__")) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool ok = IsAsciiLetter(c) || c == '_' || (i > 0 && IsAsciiDigit(c));
    if (!ok) return false;
  }
  return true;
}

namespace {

// Shortest round-trip digits (std::to_chars), written in fixed notation when
// the decimal exponent is in [-4, max_fixed_exponent) and in C/Go scientific
// notation ("1e-05", "1.5e+21") otherwise. Both forms parse with Go's ParseFloat.
void AppendShortest(std::string& out, double value, int max_fixed_exponent) {
  if (std::isnan(value)) {
    out += "NaN";
    return;
  }
  if (std::isinf(value)) {
    out += value > 0 ? "+Inf" : "-Inf";
    return;
  }
  char buf[64];
  const auto sci = std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::scientific);
  const std::string_view digits(buf, static_cast<size_t>(sci.ptr - buf));
  const size_t e = digits.find('e');
  int exponent = 0;
  if (e != std::string_view::npos && e + 2 < digits.size()) {
    const char* first = digits.data() + e + 2;  // skip 'e' and the sign
    std::from_chars(first, digits.data() + digits.size(), exponent);
    if (digits[e + 1] == '-') exponent = -exponent;
  }
  if (exponent < -4 || exponent >= max_fixed_exponent) {
    out += digits;
    return;
  }
  // |value| < 1e21 here, so the fixed form fits easily.
  const auto fixed = std::to_chars(buf, buf + sizeof(buf), value, std::chars_format::fixed);
  out.append(buf, fixed.ptr);
}

}  // namespace

void AppendNumber(std::string& out, double value) { AppendShortest(out, value, 21); }

void AppendBucketBound(std::string& out, double bound) { AppendShortest(out, bound, 6); }

void AppendEscapedLabelValue(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
}

void AppendEscapedHelp(std::string& out, std::string_view help) {
  for (const char c : help) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
}

}  // namespace huinong::metrics::text
