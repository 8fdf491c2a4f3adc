// UTF-8 sequence validation shared by JSON escaping, masking and text limits,
// so that all agree on what one character is. Strict RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <string_view>

namespace huinong::utf8 {

// Length in bytes (1-4) of the valid UTF-8 sequence starting at s[i], or 0 if
// the bytes there are not a valid sequence. Requires i < s.size().
inline size_t SequenceLength(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return len;
}

// The first `max_chars` characters of `s`, never cutting a sequence in two
// (an invalid byte counts as one character, so the cut always advances).
inline std::string_view Prefix(std::string_view s, size_t max_chars) {
  size_t i = 0;
  for (size_t n = 0; n < max_chars && i < s.size(); ++n) {
    const size_t len = SequenceLength(s, i);
    i += len == 0 ? 1 : len;
  }
  return s.substr(0, i);
}

// True when all of `s` is valid UTF-8.
inline bool IsValid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t len = SequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

}  // namespace huinong::utf8
