// The before/after JSON of an audit event: the top-level fields that differ
// between two versions of a resource, as proto3 JSON objects with the proto
// field names.
//
// Guarantees:
// - with both versions, each side holds exactly the fields whose values
//   differ (a field absent on one side is written as null there), so an
//   unchanged field never appears; identical versions give "{}" and "{}";
// - a creation (no before) gives before_json "" and the whole after; a
//   deletion (no after) gives the whole before and after_json "";
// - every string value (and map key) is passed through mask::PersonalData, so
//   phone, ID-card and bank-card numbers appear only masked; numbers and
//   field names are left as they are;
// - each side is at most `cap` bytes and is still a JSON object: when too
//   large, the longest values are replaced by a (masked) prefix of their JSON
//   text and "_truncated" lists the fields cut;
// - each side is written in the canonical form of common/core/canonical_json.h
//   (keys sorted, no whitespace, fixed escapes and number digits), so the
//   same change always gives the same bytes — the audit chain hashes them.
#pragma once

#include <cstddef>
#include <string>

#include <google/protobuf/message.h>

#include "absl/status/statusor.h"

namespace huinong::outbox {

// svc-audit refuses a side larger than this.
inline constexpr size_t kMaxChangeJsonBytes = 64 * 1024;

struct ChangedFields {
  std::string before_json;
  std::string after_json;
};

// `before` and `after` may each be null (creation / deletion); when both are
// set they should be the same message type. INTERNAL when a message cannot be
// printed as JSON (e.g. an Any of an unknown type).
absl::StatusOr<ChangedFields> DiffJson(const google::protobuf::Message* before,
                                       const google::protobuf::Message* after,
                                       size_t cap = kMaxChangeJsonBytes);

}  // namespace huinong::outbox
