// How posts, staff, assignments, capability answers and staffing
// calculations look to a person, and the small value parsers the commands
// share (dates, fixed-point decimals, enum short names). Pure functions of
// the protos, so they are tested without a server. A calculation's working
// is printed one step per line, in the order the server returned it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "huinong/org/v1/posts.pb.h"
#include "huinong/org/v1/queries.pb.h"
#include "huinong/org/v1/quotas.pb.h"
#include "huinong/org/v1/staff.pb.h"
#include "huinong/org/v1/standards.pb.h"
#include "huinong/type/v1/types.pb.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

// "2026-01-31" -> Date; INVALID_ARGUMENT otherwise (also for 2026-02-30).
absl::StatusOr<type::v1::Date> ParseDate(std::string_view text);
// "2026-01-31"; "" for an unset date (all zero).
std::string DateText(const type::v1::Date& date);

// "130000", "2.5", "-0.75" -> micros (value × 1,000,000); at most six
// decimals. INVALID_ARGUMENT otherwise.
absl::StatusOr<int64_t> ParseDecimalMicros(std::string_view text);
// 6500000 -> "6.5"; 130000000000 -> "130000"; trailing zeros dropped.
std::string DecimalText(const org::v1::Decimal& value);

// Case-insensitive short names or full proto names.
absl::StatusOr<org::v1::PostKind> ParsePostKind(std::string_view text);       // management technical support
absl::StatusOr<org::v1::AssignmentKind> ParseAssignmentKind(std::string_view text);  // primary concurrent acting seconded
std::string PostKindName(org::v1::PostKind kind);            // "management", ...
std::string AssignmentKindName(org::v1::AssignmentKind kind);  // "primary", ...
std::string AssignmentStateName(org::v1::AssignmentState state);
std::string DenialName(org::v1::CapabilityDenial denial);    // "not granted", ...

// "客户经理  [management, head]  posts/P1" (flags: head, deputy, planned, abolished).
std::string PostLabel(const org::v1::Post& post);
std::string PostDetail(const org::v1::Post& post);
Table PostTable(const std::vector<org::v1::Post>& posts);

std::string StaffLabel(const org::v1::Staff& staff);
std::string StaffDetail(const org::v1::Staff& staff);
Table StaffTable(const std::vector<org::v1::Staff>& staff);

std::string AssignmentDetail(const org::v1::Assignment& assignment);
Table AssignmentTable(const std::vector<org::v1::Assignment>& assignments);

// "allowed via assignments/A (primary) on posts/P at units/U (distance 1)"
// or "refused: not granted".
std::string CapabilityAnswer(const org::v1::CheckCapabilityResponse& response);
Table CapabilityHoldersTable(const std::vector<org::v1::CapabilityGrant>& holders);

std::string StandardLabel(const org::v1::StaffingStandard& standard);
std::string StandardDetail(const org::v1::StaffingStandard& standard);

// The result block, the lines, then "working:" and one line per step:
// "  1. seats = households / per: 130000 / 20000 = 6.5".
std::string CalculationText(const org::v1::StaffingCalculation& calculation);

}  // namespace huinong::ctl
