// Request-shape pieces of svc-org's handlers: `as_of` reads (document
// references: common/rpc/shared_types.h; page tokens, masks and etags:
// common/rpc/request_checks.h). Every check adds to a
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
#include "common/rpc/request_checks.h"
#include "common/rpc/shared_types.h"
#include "google/protobuf/field_mask.pb.h"
#include "huinong/type/v1/types.pb.h"
#include "svc-org/src/domain/document.h"
#include "svc-org/src/store/post_store.h"

namespace huinong::org {

// An optional `as_of`: that day strictly, or (unset) `today` leniently — a
// record that has not begun yet is read at its first day.
store::DayRead ReadAsOf(const type::v1::Date& as_of, const std::string& field, absl::CivilDay today,
                        rpc::Violations& v);

using rpc::ReadDocument;
using rpc::ToProto;
// Sets `out` to the date when set.
void SetDate(const std::optional<absl::CivilDay>& day, type::v1::Date* out);

}  // namespace huinong::org
