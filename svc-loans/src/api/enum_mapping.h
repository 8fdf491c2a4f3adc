// An API enum read into the domain's enum of the same numbers (every loans
// enum keeps the API's values), naming a bad value in the request's
// Violations. Header-only; for the loans mappings.
#pragma once

#include <optional>
#include <string>

#include "common/rpc/status_details.h"

namespace huinong::loans {

// `value` as a Domain; 0 (UNSPECIFIED) reads as `unset`, or is named as
// required when there is none; a value the API does not define is named.
// A named value reads as the Domain's first value, so mapping goes on.
template <class Domain>
Domain EnumFromProto(int value, bool (*is_valid)(int), std::optional<Domain> unset, const std::string& field,
                     rpc::Violations& v) {
  if (value == 0) {
    if (unset) return *unset;
    v.Add(field, "required");
  } else if (!is_valid(value)) {
    v.Add(field, "not a value of the enum");
  } else {
    return static_cast<Domain>(value);
  }
  return static_cast<Domain>(1);
}

}  // namespace huinong::loans
