// The short names people type and read for the unit enums: kinds ("station",
// "leading-group"), levels ("county", "none") and statuses ("active").
// Parsing is case-insensitive, accepts '-' and '_' alike and also the full
// proto enum name (UNIT_KIND_STATION), so a value copied from --json output
// works too. Printing gives one canonical spelling per value.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "huinong/org/v1/units.pb.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::ctl {

// INVALID_ARGUMENT listing the accepted names when `text` is none of them.
absl::StatusOr<org::v1::UnitKind> ParseKind(std::string_view text);
// "none" is LEVEL_UNSPECIFIED (a unit outside the place network).
absl::StatusOr<type::v1::Level> ParseLevel(std::string_view text);
absl::StatusOr<org::v1::UnitStatus> ParseStatus(std::string_view text);

// "station", "leading-group"; "?" for UNSPECIFIED or unknown numbers.
std::string KindName(org::v1::UnitKind kind);
// "COUNTY", "TOWNSHIP", "VILLAGE"; "NONE" for LEVEL_UNSPECIFIED.
std::string LevelName(type::v1::Level level);
// "planned", "active", "frozen", "abolished"; "?" otherwise.
std::string StatusName(org::v1::UnitStatus status);

}  // namespace huinong::ctl
