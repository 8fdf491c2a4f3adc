// Integer-fen money arithmetic; see money.h.
#include "common/core/money.h"

#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/core/string_views.h"

namespace huinong {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

absl::Status BadAmount(std::string_view text, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("amount \"", ToAbsl(text), "\" is not valid: ", ToAbsl(why)));
}

// Checks the integer part: plain digits, or digits grouped by commas in
// threes ("50,000"). Returns the digits without commas.
absl::StatusOr<std::string> IntegerDigits(std::string_view text, std::string_view part) {
  if (part.empty()) return BadAmount(text, "no digits before the decimal point");
  std::string digits;
  size_t group = 0;
  bool grouped = false;
  for (size_t k = 0; k < part.size(); ++k) {
    const char c = part[k];
    if (c == ',') {
      // The first group has 1-3 digits, every later one exactly 3.
      if (group == 0 || (grouped && group != 3) || group > 3) {
        return BadAmount(text, "misplaced ','");
      }
      grouped = true;
      group = 0;
      continue;
    }
    if (!IsDigit(c)) return BadAmount(text, "expected digits");
    digits += c;
    ++group;
  }
  if (grouped && group != 3) return BadAmount(text, "misplaced ','");
  return digits;
}

}  // namespace

absl::StatusOr<Money> Money::Parse(std::string_view yuan_text) {
  std::string_view s = ToStd(absl::StripAsciiWhitespace(ToAbsl(yuan_text)));
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return BadAmount(yuan_text, "empty");
  const size_t dot = s.find('.');
  const std::string_view int_part = s.substr(0, dot);
  std::string_view frac_part;
  if (dot != std::string_view::npos) {
    frac_part = s.substr(dot + 1);
    if (frac_part.empty()) return BadAmount(yuan_text, "no digits after the decimal point");
    if (frac_part.size() > 2) return BadAmount(yuan_text, "more than two decimals");
    for (char c : frac_part) {
      if (!IsDigit(c)) return BadAmount(yuan_text, "expected digits after the decimal point");
    }
  }
  auto digits = IntegerDigits(yuan_text, int_part);
  if (!digits.ok()) return digits.status();

  // Accumulate the magnitude unsigned so that the most negative amount
  // (2^63 fen) parses too.
  const uint64_t limit = negative ? uint64_t{1} << 63
                                  : static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  unsigned __int128 fen = 0;
  const std::string all = *digits + std::string(frac_part) + std::string(2 - frac_part.size(), '0');
  for (char c : all) {
    fen = fen * 10 + static_cast<unsigned>(c - '0');
    if (fen > limit) {
      return absl::OutOfRangeError(
          absl::StrCat("amount \"", ToAbsl(yuan_text), "\" does not fit in int64 fen"));
    }
  }
  const uint64_t magnitude = static_cast<uint64_t>(fen);
  return Money(negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude));
}

std::string Money::ToString() const {
  // Unsigned magnitude: -INT64_MIN does not fit in int64.
  const uint64_t magnitude =
      fen_ < 0 ? 0 - static_cast<uint64_t>(fen_) : static_cast<uint64_t>(fen_);
  return absl::StrFormat("%s%d.%02d", fen_ < 0 ? "-" : "", magnitude / 100, magnitude % 100);
}

absl::StatusOr<Money> Add(Money a, Money b) {
  int64_t out = 0;
  if (__builtin_add_overflow(a.fen(), b.fen(), &out)) {
    return absl::OutOfRangeError(
        absl::StrCat("money overflow: ", a.ToString(), " + ", b.ToString()));
  }
  return Money::Fen(out);
}

absl::StatusOr<Money> Subtract(Money a, Money b) {
  int64_t out = 0;
  if (__builtin_sub_overflow(a.fen(), b.fen(), &out)) {
    return absl::OutOfRangeError(
        absl::StrCat("money overflow: ", a.ToString(), " - ", b.ToString()));
  }
  return Money::Fen(out);
}

absl::StatusOr<Money> MulDivHalfUp(Money a, int64_t numerator, int64_t denominator) {
  if (denominator == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("money ", a.ToString(), " * ", numerator, " / 0"));
  }
  // |a * numerator| <= 2^126 and |denominator| <= 2^63: all exact in 128 bits.
  const __int128 product = static_cast<__int128>(a.fen()) * numerator;
  const __int128 d = denominator;
  __int128 quotient = product / d;  // truncated toward zero
  const __int128 remainder = product % d;
  const __int128 abs_remainder = remainder < 0 ? -remainder : remainder;
  const __int128 abs_d = d < 0 ? -d : d;
  if (2 * abs_remainder >= abs_d) {
    quotient += ((product < 0) != (d < 0)) ? -1 : 1;
  }
  if (quotient > std::numeric_limits<int64_t>::max() ||
      quotient < std::numeric_limits<int64_t>::min()) {
    return absl::OutOfRangeError(absl::StrCat("money overflow: ", a.ToString(), " * ",
                                              numerator, " / ", denominator));
  }
  return Money::Fen(static_cast<int64_t>(quotient));
}

absl::StatusOr<Money> ApplyBasisPoints(Money a, int64_t bp) {
  return MulDivHalfUp(a, bp, 10000);
}

std::vector<Money> SplitEvenly(Money total, int parts) {
  std::vector<Money> out;
  if (parts <= 0) return out;
  const int64_t share = total.fen() / parts;      // truncated toward zero
  const int64_t remainder = total.fen() % parts;  // same sign as total
  const int64_t extra = remainder < 0 ? -1 : 1;
  const int64_t extra_parts = remainder < 0 ? -remainder : remainder;
  out.reserve(static_cast<size_t>(parts));
  for (int k = 0; k < parts; ++k) {
    out.push_back(Money::Fen(share + (k < extra_parts ? extra : 0)));
  }
  return out;
}

}  // namespace huinong
