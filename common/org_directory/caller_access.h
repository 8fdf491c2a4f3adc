// Who the caller of any service is, as svc-org sees them — the same for
// every service that asks svc-org (loans, tickets):
// - StaffIdOf: "staff/{id}" or "{id}" → "{id}";
// - CallerUnitId: the id of the unit the token acts for ("" when none);
// - ReadsAll: admin, auditor and service accounts read every record;
// - RequireCapability: OK when the caller holds a capability for a unit on
//   a day, else PERMISSION_DENIED / CAPABILITY_MISSING (a service account
//   or a token without a staff subject never holds one);
// - CallerLineage: the caller's unit chain (empty for callers who read
//   everything without a unit; PERMISSION_DENIED for staff whose token
//   names no unit or a unit that does not exist);
// - PlaceOf: the nearest unit with a place level in a chain (village,
//   township, county); null for a partner organisation's staff.
// svc-org unreachable is UNAVAILABLE, never a refusal.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "common/auth/principal.h"
#include "common/org_directory/org_view.h"

namespace huinong::org_directory {

std::string StaffIdOf(absl::string_view subject);
std::string StaffIdOf(const auth::Principal& caller);
std::string CallerUnitId(const auth::Principal& caller);
bool ReadsAll(const auth::Principal& caller);
// Whether svc-org can be asked what the caller holds: a token naming a
// staff member. Not a service account, not a token without a subject, and
// not an admin's or auditor's token whose subject is no "staff/{id}" (the
// local suite's admin is "admin"): svc-org knows no such subject and would
// answer NOT_FOUND, failing the call instead of refusing or masking.
bool NamesStaffMember(const auth::Principal& caller);
// Whether personal data can be shown whole to the caller at all (then only
// with the capability each service names): a staff member's token, not a
// suite-wide reader's — admin, auditor and service tokens read every
// record masked.
bool MayReadPersonalData(const auth::Principal& caller);
absl::Status RequireCapability(OrgView& org, const auth::Principal& caller, absl::string_view capability,
                               const std::string& unit_id, absl::CivilDay day);
absl::StatusOr<UnitLineage> CallerLineage(OrgView& org, const auth::Principal& caller);
const UnitLink* PlaceOf(const UnitLineage& caller);

}  // namespace huinong::org_directory
