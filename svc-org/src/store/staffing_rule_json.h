// The stored form of a staffing rule (column rule_json of
// staffing_standard_versions, migration 0013): JSON of the domain rule
// (domain/staffing_rule.h) written with nlohmann-json, one member named
// after the rule kind:
//   {"per_unit": {"driver": "households", "per_micros": 20000000000,
//                 "posts_per_step": 0, "rounding": "down", "minimum": 0}}
// Millionths are JSON integers; roundings are "down", "up", "half_up"; post
// kinds are "management", "professional_technical", "support"; an absent
// number (never stored: the API requires them) is an absent member.
//
// Reading is strict, unlike json_codec.h: a rule that does not read back
// exactly would compute a different headcount, so it is an INTERNAL error
// rather than an empty rule.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "svc-org/src/domain/staffing_rule.h"

namespace huinong::org::store {

std::string EncodeRule(const StaffingRule& rule);
absl::StatusOr<StaffingRule> DecodeRule(const std::string& json);

// The rule_kind column: the values migration 0010 gave it (6 per_unit,
// 7 formula, 8 summed_fractions, 9 percentage_bands, 10 ratio_pyramid; 0 none).
int RuleKindColumn(const StaffingRule& rule);

}  // namespace huinong::org::store
