// Conversions between Abseil time types and the API's Timestamp and Date
// messages. Dates are civil days with no zone; instants are UTC.
#pragma once

#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/rpc/status_details.h"
#include "google/protobuf/timestamp.pb.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::rpc {

google::protobuf::Timestamp ToTimestamp(absl::Time t);
absl::Time FromTimestamp(const google::protobuf::Timestamp& ts);

huinong::type::v1::Date ToDate(absl::CivilDay day);
// An unset date (all zero) is std::nullopt; an impossible one (2026-02-30)
// adds a violation naming `field` and returns std::nullopt.
std::optional<absl::CivilDay> FromDate(const huinong::type::v1::Date& date, std::string field,
                                       Violations& v);

}  // namespace huinong::rpc
