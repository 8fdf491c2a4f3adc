// JsonObject over libjwt's grant store. libjwt 1.10 exposes no JSON array
// access, so arrays are read from jansson's compact re-serialization of the
// member, which is canonical (no whitespace, standard escapes) and was already
// validated by jansson; the small decoder below still checks every byte.
#include "common/auth/json_object.h"

#include <jwt.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"

namespace huinong::auth::internal {
namespace {

struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};

// Beyond ~31,000 years either way a date is garbage, and staying far inside
// absl::Time's range keeps the conversion exact.
constexpr int64_t kMaxAbsSeconds = 1'000'000'000'000;

std::optional<uint32_t> Hex4(std::string_view s, size_t pos) {
  if (pos + 4 > s.size()) return std::nullopt;
  uint32_t value = 0;
  for (size_t i = pos; i < pos + 4; ++i) {
    const char c = s[i];
    value <<= 4;
    if (c >= '0' && c <= '9') {
      value |= static_cast<uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      value |= static_cast<uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      value |= static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the string literal that starts at s[pos] (a '"'); leaves pos after it.
bool DecodeString(std::string_view s, size_t& pos, std::string& out) {
  if (pos >= s.size() || s[pos] != '"') return false;
  ++pos;
  while (pos < s.size()) {
    const char c = s[pos++];
    if (c == '"') return true;
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (pos >= s.size()) return false;
    const char e = s[pos++];
    switch (e) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '/': out.push_back('/'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        std::optional<uint32_t> cp = Hex4(s, pos);
        if (!cp) return false;
        pos += 4;
        if (*cp >= 0xDC00 && *cp <= 0xDFFF) return false;  // lone low surrogate
        if (*cp >= 0xD800 && *cp <= 0xDBFF) {
          if (pos + 6 > s.size() || s[pos] != '\\' || s[pos + 1] != 'u') return false;
          std::optional<uint32_t> low = Hex4(s, pos + 2);
          if (!low || *low < 0xDC00 || *low > 0xDFFF) return false;
          pos += 6;
          *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
        }
        if (*cp == 0) return false;  // jansson never lets NUL through; neither do we
        AppendUtf8(*cp, out);
        break;
      }
      default:
        return false;
    }
  }
  return false;
}

std::optional<std::vector<std::string>> DecodeStringArray(std::string_view s) {
  size_t pos = 0;
  if (s.empty() || s[pos] != '[') return std::nullopt;
  ++pos;
  std::vector<std::string> items;
  if (pos < s.size() && s[pos] == ']') return pos + 1 == s.size() ? std::optional(items) : std::nullopt;
  while (true) {
    std::string item;
    if (!DecodeString(s, pos, item)) return std::nullopt;
    items.push_back(std::move(item));
    if (pos >= s.size()) return std::nullopt;
    if (s[pos] == ']') break;
    if (s[pos] != ',') return std::nullopt;
    ++pos;
  }
  if (pos + 1 != s.size()) return std::nullopt;
  return items;
}

}  // namespace

std::unique_ptr<JsonObject> JsonObject::Parse(std::string_view json) {
  // jansson reads a C string; an embedded NUL would silently truncate it.
  if (json.find('\0') != std::string_view::npos) return nullptr;
  jwt_t* store = nullptr;
  if (jwt_new(&store) != 0 || store == nullptr) return nullptr;
  std::unique_ptr<JsonObject> object(new JsonObject(store));
  // Rejects non-objects, duplicate member names, bad UTF-8 and "\u0000".
  if (jwt_add_grants_json(store, std::string(json).c_str()) != 0) return nullptr;
  return object;
}

JsonObject::~JsonObject() { jwt_free(store_); }

std::optional<std::string> JsonObject::Raw(const char* name) const {
  std::unique_ptr<char, FreeDeleter> raw(jwt_get_grants_json(store_, name));
  if (raw == nullptr) return std::nullopt;
  return std::string(raw.get());
}

bool JsonObject::Has(const char* name) const { return Raw(name).has_value(); }

std::optional<std::string> JsonObject::String(const char* name) const {
  const char* value = jwt_get_grant(store_, name);  // NULL unless a JSON string
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

std::optional<absl::Time> JsonObject::NumericDate(const char* name) const {
  std::optional<std::string> raw = Raw(name);
  if (!raw) return std::nullopt;
  int64_t whole = 0;
  if (absl::SimpleAtoi(*raw, &whole)) {
    if (whole > kMaxAbsSeconds || whole < -kMaxAbsSeconds) return std::nullopt;
    return absl::FromUnixSeconds(whole);
  }
  double fractional = 0;
  // Quoted strings, booleans and null fail here: only bare numbers parse.
  if (!absl::SimpleAtod(*raw, &fractional) || !std::isfinite(fractional) ||
      std::fabs(fractional) > static_cast<double>(kMaxAbsSeconds)) {
    return std::nullopt;
  }
  return absl::UnixEpoch() + absl::Seconds(fractional);
}

std::optional<std::vector<std::string>> JsonObject::StringArray(const char* name) const {
  std::optional<std::string> raw = Raw(name);
  if (!raw) return std::nullopt;
  return DecodeStringArray(*raw);
}

std::string JsonQuote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      out += "\\u00";
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0xF]);
    } else {
      out.push_back(c);  // UTF-8 passes through; jansson validates it on parse
    }
  }
  out.push_back('"');
  return out;
}

std::string JsonStringArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += JsonQuote(items[i]);
  }
  out.push_back(']');
  return out;
}

}  // namespace huinong::auth::internal
