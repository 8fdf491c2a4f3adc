// Opaque keyset-pagination tokens. A token carries the last key of the page
// and a fingerprint of the filters it was issued for, so a token replayed with
// other filters is refused instead of silently skipping or repeating rows.
// The fingerprint is a stable hash (FNV-1a), identical across replicas.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace huinong::rpc {

// `filters` is any canonical text of the request's filters (e.g. "parent=x|level=2").
std::string EncodePageToken(absl::string_view filters, absl::string_view last_key);

// The last key, or "" for an empty token; INVALID_ARGUMENT naming
// `page_token` when it is malformed or was issued for other filters.
absl::StatusOr<std::string> DecodePageToken(absl::string_view token, absl::string_view filters);

}  // namespace huinong::rpc
