// The request checks every list and update handler repeats: keyset page
// tokens (read and emitted), update masks and etags. Each check adds to a
// Violations list, so one INVALID_ARGUMENT names every bad field; the same
// rules, and the same messages, in every service.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/rpc/page_token.h"
#include "common/rpc/status_details.h"
#include "google/protobuf/field_mask.pb.h"

namespace huinong::rpc {

// The keyset position in `token`, adding its violation (field "page_token")
// to `v` when the token is malformed or was issued for other `filters`.
std::string PageAfter(absl::string_view token, absl::string_view filters, Violations& v);
// The same for tokens whose key is a sequence number; `start` when the
// token is empty.
int64_t PageAfterSequence(absl::string_view token, absl::string_view filters, int64_t start,
                          Violations& v);

// Lists fetch one row more than a page to learn whether another page follows:
// drops that row and says whether there was one.
template <class T>
bool TrimToPage(std::vector<T>& rows, int page_size) {
  const bool more = static_cast<int>(rows.size()) > page_size;
  if (more) rows.pop_back();
  return more;
}

// Trims the look-ahead row and returns the next page token ("" on the last
// page); `key_of(row)` is the keyset key of the page's last row.
template <class T, class KeyOf>
std::string NextPageToken(std::vector<T>& rows, int page_size, absl::string_view filters,
                          KeyOf&& key_of) {
  if (!TrimToPage(rows, page_size)) return "";
  return EncodePageToken(filters, key_of(rows.back()));
}

// The mask's paths; each not in `updatable` is named as a violation of
// `field` (an empty mask too).
std::set<std::string> MaskPaths(const google::protobuf::FieldMask& mask,
                                const std::set<std::string>& updatable, Violations& v,
                                const std::string& field = "update_mask");

// Keeps the violations of `all` whose field (after `prefix.`) starts with a
// path in `paths`; the others concern fields the update does not touch.
void KeepMasked(const Violations& all, absl::string_view prefix, const std::set<std::string>& paths,
                Violations& v);

// A record's etag is its version number, as text.
std::string Etag(int64_t version);
// ABORTED STALE_ETAG unless `given` is the record's current etag.
absl::Status CheckEtag(absl::string_view given, int64_t version, absl::string_view name);

}  // namespace huinong::rpc
