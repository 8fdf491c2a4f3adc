// Who may act on and see svc-loans' records, decided from svc-org (an
// OrgView), in one place for every loans service:
// - a change or a workflow step is authorized by one capability that the
//   calling staff member holds, through svc-org, for a unit: the record's
//   unit for the county's own network (village, township, county), or the
//   caller's own unit inside a partner organisation (bank, guarantee
//   company, insurer) that the record names. Lacking it is
//   PERMISSION_DENIED / CAPABILITY_MISSING naming the capability and unit.
// - reads: admin, auditor and service accounts see everything; staff see
//   the records of the place they act for and below it — the nearest unit
//   with a place level in their chain (a village its own, a township its
//   villages, the county — its departments included — everything). A caller
//   in a partner organisation has no place; it sees what is routed to its
//   organisation (ApplicationService decides which).
// svc-org unreachable is UNAVAILABLE, never a refusal.
#pragma once

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "common/auth/principal.h"
#include "common/org_directory/caller_access.h"
#include "common/org_directory/org_view.h"

namespace huinong::loans {

using org_directory::OrgView;
using org_directory::UnitLineage;

// StaffIdOf, CallerUnitId, ReadsAll, RequireCapability, CallerLineage and
// PlaceOf are every service's (common/org_directory/caller_access.h).
using org_directory::CallerLineage;
using org_directory::CallerUnitId;
using org_directory::PlaceOf;
using org_directory::ReadsAll;
using org_directory::RequireCapability;
using org_directory::StaffIdOf;

// A county's own affair: admin, or a holder of `capability` for the county
// (`county_id`); otherwise PERMISSION_DENIED / CAPABILITY_MISSING.
absl::Status RequireCountyAuthority(OrgView& org, const auth::Principal& caller, absl::string_view capability,
                                    const std::string& county_id, absl::CivilDay day);
// Products and county policies (ProductService's changes):
// RequireCountyAuthority with loans.policy.
absl::Status RequirePolicyAuthority(OrgView& org, const auth::Principal& caller, const std::string& county_id,
                                    absl::CivilDay day);

// The COUNTY unit in the caller's chain (without "units/"); "" when the
// chain has none (a partner's staff, or a caller without a unit).
absl::StatusOr<std::string> CallerCountyId(OrgView& org, const auth::Principal& caller);

// OK when the caller reads records of `record_unit_id` (see above);
// PERMISSION_DENIED otherwise.
absl::Status RequireReadable(OrgView& org, const auth::Principal& caller, const std::string& record_unit_id);

// What a caller's lists of placed records (borrowers, and what belongs to
// them) cover, by the rules above: everything (`all`), the records placed
// under `place` (a village its own, a township its villages', the county
// everything in it), or nothing — a partner's staff, whose records are
// routed to them rather than placed (`place` null).
struct PlaceScope {
  bool all = false;
  std::optional<org_directory::UnitLink> place;
};
absl::StatusOr<PlaceScope> PlaceScopeOf(OrgView& org, const auth::Principal& caller);

}  // namespace huinong::loans
