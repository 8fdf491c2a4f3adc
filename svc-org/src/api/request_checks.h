// Request-shape pieces shared by the handlers of posts, quotas, staff,
// assignments, policies and capabilities: today's date, `as_of` reads, etags,
// page tokens, update masks and document references. Every check adds to a
// Violations list so one error names every bad field.
#pragma once

#include <vector>

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "common/rpc/errors.h"
#include "google/protobuf/field_mask.pb.h"
#include "huinong/type/v1/types.pb.h"
#include "svc-org/src/domain/document.h"
#include "svc-org/src/store/post_store.h"

namespace huinong::org {

// Today as a UTC civil day (all times in the suite are UTC).
absl::CivilDay Today();

// An optional `as_of`: that day strictly, or (unset) today leniently — a
// record that has not begun yet is read at its first day.
store::DayRead ReadAsOf(const type::v1::Date& as_of, const std::string& field, rpc::Violations& v);

// ABORTED STALE_ETAG unless `given` is the record's current version.
absl::Status CheckEtag(const std::string& given, int64_t version, absl::string_view name);

// The keyset position in `token`, adding its violation to `v` when the token
// is malformed or was issued for other filters.
std::string PageAfter(const std::string& token, absl::string_view filters, rpc::Violations& v);

// The mask's paths; each not in `updatable` is named as a violation of
// "update_mask" (an empty mask too).
std::set<std::string> MaskPaths(const google::protobuf::FieldMask& mask,
                                const std::set<std::string>& updatable, rpc::Violations& v);

// Keeps the violations of `all` whose field (after `prefix.`) starts with a
// path in `paths`; the others concern fields the update does not touch.
void KeepMasked(const rpc::Violations& all, absl::string_view prefix,
                const std::set<std::string>& paths, rpc::Violations& v);

DocumentRef ReadDocument(const type::v1::DocumentRef& in, const std::string& field, rpc::Violations& v);
type::v1::DocumentRef ToProto(const DocumentRef& d);
// Sets `out` to the date when set.
void SetDate(const std::optional<absl::CivilDay>& day, type::v1::Date* out);

// Lists fetch one row more than a page to learn whether another page follows:
// drops that row and says whether there was one.
template <class T>
bool TrimToPage(std::vector<T>& rows, int page_size) {
  const bool more = static_cast<int>(rows.size()) > page_size;
  if (more) rows.pop_back();
  return more;
}

}  // namespace huinong::org
