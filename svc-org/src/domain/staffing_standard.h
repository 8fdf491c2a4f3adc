// The rules of a staffing standard itself (the types are in
// staffing_rule.h): which shapes of rule are well formed, which drivers a
// rule reads, and how a standard's status may move. Pure: no storage, no
// clock, no RPC.
//
// A standard is versioned. While its latest version is DRAFT it is edited in
// place; once ACTIVE (or RETIRED) that version is frozen and every update
// writes version n+1, so a calculation made with version n can always be
// redone. Status moves DRAFT → ACTIVE → RETIRED (DRAFT → RETIRED too);
// nothing goes back (ACTIVE → DRAFT, RETIRED → ACTIVE or DRAFT are refused
// with FAILED_PRECONDITION, reason INVALID_TRANSITION).
#pragma once

#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/domain/state_table.h"
#include "common/rpc/status_details.h"
#include "svc-org/src/domain/staffing_rule.h"

namespace huinong::org {

absl::string_view StandardStatusName(StandardStatus status);

// The lifecycle of a staffing standard, one table:
//   DRAFT --ACTIVATE--> ACTIVE     DRAFT --RETIRE--> RETIRED     ACTIVE --RETIRE--> RETIRED
// RETIRED is final; nothing leads back to DRAFT. An update names the new
// status; StandardEventTo gives the event that leads there.
enum class StandardEvent { kActivate = 1, kRetire = 2, kRedraft = 3 };
absl::string_view StandardEventName(StandardEvent event);
StandardEvent StandardEventTo(StandardStatus target);
const domain::StateTable<StandardStatus, StandardEvent>& StandardLifecycle();

bool TransitionAllowed(StandardStatus from, StandardStatus to);
absl::Status CheckTransition(StandardStatus from, StandardStatus to);
// True when an update of a version in `status` edits it instead of adding a version.
inline bool EditsInPlace(StandardStatus status) { return status == StandardStatus::kDraft; }

// True for DRAFT, ACTIVE and RETIRED (a status read from a request may be anything).
bool ValidStandardStatus(StandardStatus status);

// Title, source, description and the rule of `s`; every violation names its
// field under `prefix` ("standard.per_unit.per", the API's field names).
// Status, dates and output fields are the caller's business.
void CheckStandardFields(const StaffingStandard& s, const std::string& prefix, rpc::Violations& v);
// Only the rule, under `prefix`.
void CheckRule(const StaffingRule& rule, const std::string& prefix, rpc::Violations& v);

// The drivers a (well-formed) rule reads, each with whether it may be left
// out (a formula variable with a default).
std::map<std::string, bool> DriversOf(const StaffingRule& rule);

// The name of a percentage band's line: "management", "professional_technical",
// "support" (also the suffix of its actual input in a compliance check).
std::string KindLabel(PostKind kind);

}  // namespace huinong::org
