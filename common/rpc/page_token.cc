#include "common/rpc/page_token.h"

#include <cstdint>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/rpc/errors.h"

namespace huinong::rpc {
namespace {

std::string Fingerprint(absl::string_view filters) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : filters) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return absl::StrCat(absl::Hex(h, absl::kZeroPad16));
}

absl::Status BadToken(absl::string_view why) {
  return InvalidField("page_token", std::string(why));
}

}  // namespace

std::string EncodePageToken(absl::string_view filters, absl::string_view last_key) {
  return absl::WebSafeBase64Escape(absl::StrCat("v1|", Fingerprint(filters), "|", last_key));
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token, absl::string_view filters) {
  if (token.empty()) return std::string();
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw)) return BadToken("malformed");
  std::vector<absl::string_view> parts = absl::StrSplit(raw, absl::MaxSplits('|', 2));
  if (parts.size() != 3 || parts[0] != "v1" || parts[2].empty()) return BadToken("malformed");
  if (parts[1] != Fingerprint(filters)) {
    return BadToken("was issued for different filters; start again without a token");
  }
  return std::string(parts[2]);
}

}  // namespace huinong::rpc
