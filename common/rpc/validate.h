// Checks shared by every API handler: request ids, resource names, page
// sizes. Each adds to a Violations list so one error names every bad field.
#pragma once

#include <string>
#include <string_view>

#include "common/rpc/status_details.h"

namespace huinong::rpc {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

// request_id: required, 1–64 characters of [A-Za-z0-9._:-].
void CheckRequestId(absl::string_view request_id, Violations& v, std::string field = "request_id");

// "units/{id}" -> "{id}" for collection "units"; adds a violation (and returns
// "") when the name is empty or malformed. Ids are 1–64 of [A-Za-z0-9._-].
std::string ParseName(absl::string_view name, absl::string_view collection, std::string field,
                      Violations& v);
// Like ParseName, but an empty name is allowed (returns "").
std::string ParseOptionalName(absl::string_view name, absl::string_view collection,
                              std::string field, Violations& v);
std::string FormatName(absl::string_view collection, absl::string_view id);

// 0 -> the default; above the maximum -> the maximum; negative -> violation.
int PageSize(int requested, Violations& v, std::string field = "page_size");

// A text field with a required length range (in UTF-8 characters).
void CheckText(absl::string_view text, std::string field, size_t min_chars, size_t max_chars,
               Violations& v);

}  // namespace huinong::rpc
