#include "common/rpc/validate.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace huinong::rpc {
namespace {

bool IsIdChar(char c, bool allow_colon) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '_' || c == '-' || (allow_colon && c == ':');
}

bool IsToken(absl::string_view s, bool allow_colon) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!IsIdChar(c, allow_colon)) return false;
  }
  return true;
}

size_t Utf8Length(absl::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

void CheckRequestId(absl::string_view request_id, Violations& v, std::string field) {
  if (request_id.empty()) {
    v.Add(std::move(field), "required");
  } else if (!IsToken(request_id, /*allow_colon=*/true)) {
    v.Add(std::move(field), "must be 1-64 characters of A-Z a-z 0-9 . _ : -");
  }
}

std::string ParseName(absl::string_view name, absl::string_view collection, std::string field,
                      Violations& v) {
  if (name.empty()) {
    v.Add(std::move(field), "required");
    return "";
  }
  return ParseOptionalName(name, collection, std::move(field), v);
}

std::string ParseOptionalName(absl::string_view name, absl::string_view collection,
                              std::string field, Violations& v) {
  if (name.empty()) return "";
  std::string prefix = absl::StrCat(collection, "/");
  if (!absl::StartsWith(name, prefix) ||
      !IsToken(name.substr(prefix.size()), /*allow_colon=*/false)) {
    v.Add(std::move(field), absl::StrCat("must be a resource name of the form ", prefix, "{id}"));
    return "";
  }
  return std::string(name.substr(prefix.size()));
}

std::string FormatName(absl::string_view collection, absl::string_view id) {
  return absl::StrCat(collection, "/", id);
}

int PageSize(int requested, Violations& v, std::string field) {
  if (requested < 0) {
    v.Add(std::move(field), "must not be negative");
    return kDefaultPageSize;
  }
  if (requested == 0) return kDefaultPageSize;
  return requested > kMaxPageSize ? kMaxPageSize : requested;
}

void CheckText(absl::string_view text, std::string field, size_t min_chars, size_t max_chars,
               Violations& v) {
  size_t n = Utf8Length(text);
  if (n < min_chars) {
    v.Add(std::move(field), min_chars == 1 ? "required"
                                           : absl::StrCat("must be at least ", min_chars,
                                                          " characters"));
  } else if (n > max_chars) {
    v.Add(std::move(field), absl::StrCat("must be at most ", max_chars, " characters"));
  }
}

}  // namespace huinong::rpc
