// A small strict parser of flat JSON objects for the logger's tests: it
// checks that a log line is valid JSON and returns its keys and values in
// order, without a JSON library that might be more lenient than readers are.
#pragma once

#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace huinong::log {

// A parsed flat JSON object: (key, value) in order. String values are
// decoded; other values are kept as their literal text.
using Pairs = std::vector<std::pair<std::string, std::string>>;

class FlatJson {
 public:
  explicit FlatJson(std::string_view s) : s_(s) {}

  // Parses {"k":v,...} where each v is a string, number, true, false or
  // null; nullopt on any syntax error or trailing bytes.
  std::optional<Pairs> Parse() {
    Pairs out;
    if (!Eat('{')) return std::nullopt;
    if (Eat('}')) return i_ == s_.size() ? std::optional<Pairs>(out) : std::nullopt;
    do {
      auto key = String();
      if (!key || !Eat(':')) return std::nullopt;
      auto value = Value();
      if (!value) return std::nullopt;
      out.emplace_back(*key, *value);
    } while (Eat(','));
    if (!Eat('}') || i_ != s_.size()) return std::nullopt;
    return out;
  }

 private:
  bool Eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  std::optional<std::string> Value() {
    if (i_ < s_.size() && s_[i_] == '"') return String();
    for (std::string_view lit : {"true", "false", "null"}) {
      if (s_.substr(i_, lit.size()) == lit) {
        i_ += lit.size();
        return std::string(lit);
      }
    }
    const size_t start = i_;
    Eat('-');
    if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) return std::nullopt;
    if (s_[i_] == '0') {
      ++i_;
    } else {
      Digits();
    }
    if (Eat('.') && !Digits()) return std::nullopt;
    if (Eat('e') || Eat('E')) {
      if (!Eat('+')) Eat('-');
      if (!Digits()) return std::nullopt;
    }
    return std::string(s_.substr(start, i_ - start));
  }
  bool Digits() {
    const size_t start = i_;
    while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    return i_ > start;
  }
  static void AppendUtf8(std::string* out, uint32_t cp) {
    if (cp < 0x80) {
      *out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      *out += static_cast<char>(0xC0 | (cp >> 6));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *out += static_cast<char>(0xE0 | (cp >> 12));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *out += static_cast<char>(0xF0 | (cp >> 18));
      *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  std::optional<std::string> String() {
    if (!Eat('"')) return std::nullopt;
    std::string out;
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_++]);
      if (c == '"') return out;
      if (c < 0x20) return std::nullopt;  // raw control characters are invalid JSON
      if (c != '\\') {
        out += static_cast<char>(c);
        continue;
      }
      if (i_ >= s_.size()) return std::nullopt;
      const char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          if (i_ + 4 > s_.size()) return std::nullopt;
          uint32_t cp = 0;
          for (int k = 0; k < 4; ++k) {
            const char h = s_[i_++];
            if (!isxdigit(static_cast<unsigned char>(h))) return std::nullopt;
            cp = cp * 16 + static_cast<uint32_t>(isdigit(h) ? h - '0' : (tolower(h) - 'a' + 10));
          }
          AppendUtf8(&out, cp);
          break;
        }
        default:
          return std::nullopt;
      }
    }
    return std::nullopt;
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace huinong::log
