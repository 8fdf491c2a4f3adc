// Strict base64url on top of Abseil's codec: Abseil is lenient (padding is
// optional), so the alphabet and canonical form are checked here.
#include "common/auth/base64url.h"

#include "absl/strings/escaping.h"
#include "absl/strings/string_view.h"

namespace huinong::auth::internal {
namespace {

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

std::string Base64UrlEncode(std::string_view bytes) {
  return absl::WebSafeBase64Escape(absl::string_view(bytes.data(), bytes.size()));
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;  // no byte count encodes to that length
  for (char c : text) {
    if (!IsBase64UrlChar(c)) return std::nullopt;
  }
  std::string bytes;
  if (!absl::WebSafeBase64Unescape(absl::string_view(text.data(), text.size()), &bytes)) {
    return std::nullopt;
  }
  // Non-zero unused bits in the last character decode to the same bytes; refuse them.
  if (Base64UrlEncode(bytes) != text) return std::nullopt;
  return bytes;
}

}  // namespace huinong::auth::internal
