// Proto <-> domain for a staffing standard's settable fields and its rule
// (standards.proto <-> domain/staffing_rule.h). Both directions copy every
// field as it is, valid or not: the checks are the domain's
// (CheckStandardFields), so a bad value reaches them and is named there.
#pragma once

#include "huinong/org/v1/standards.pb.h"
#include "svc-org/src/domain/staffing_rule.h"

namespace huinong::org {

// Title, source, description, the rule, status and effective_from of `in`;
// an unset status reads as DRAFT only when `in` leaves it 0 — the caller
// decides what 0 means — and an impossible date reads as none.
StaffingStandard FromProto(const v1::StaffingStandard& in);
StaffingRule RuleFromProto(const v1::StaffingStandard& in);

// The same fields on a proto; output fields are left empty.
v1::StaffingStandard ToProto(const StaffingStandard& standard);
// Sets the rule oneof of `out` (clears it for std::monostate).
void SetRule(const StaffingRule& rule, v1::StaffingStandard& out);

}  // namespace huinong::org
