// See access.h.
#include "svc-loans/src/app/access.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"

namespace huinong::loans {

absl::Status RequireCountyAuthority(OrgView& org, const auth::Principal& caller, absl::string_view capability,
                                    const std::string& county_id, absl::CivilDay day) {
  if (caller.IsAdmin()) return absl::OkStatus();
  return RequireCapability(org, caller, capability, county_id, day);
}

absl::Status RequirePolicyAuthority(OrgView& org, const auth::Principal& caller, const std::string& county_id,
                                    absl::CivilDay day) {
  return RequireCountyAuthority(org, caller, "loans.policy", county_id, day);
}

absl::StatusOr<std::string> CallerCountyId(OrgView& org, const auth::Principal& caller) {
  ASSIGN_OR_RETURN(UnitLineage mine, CallerLineage(org, caller));
  const org_directory::UnitLink* county = mine.Nearest(type::v1::LEVEL_COUNTY);
  return county == nullptr ? std::string() : county->id;
}

absl::Status RequireReadable(OrgView& org, const auth::Principal& caller, const std::string& record_unit_id) {
  if (ReadsAll(caller)) return absl::OkStatus();
  ASSIGN_OR_RETURN(UnitLineage mine, CallerLineage(org, caller));
  const org_directory::UnitLink* place = PlaceOf(mine);
  if (place != nullptr) {
    ASSIGN_OR_RETURN(UnitLineage record, org.Lineage(record_unit_id));
    if (record.Within(place->id)) return absl::OkStatus();
  }
  return rpc::PermissionDenied(absl::StrCat(caller.unit, " does not cover units/", record_unit_id));
}

absl::StatusOr<PlaceScope> PlaceScopeOf(OrgView& org, const auth::Principal& caller) {
  if (ReadsAll(caller)) return PlaceScope{true, std::nullopt};
  ASSIGN_OR_RETURN(UnitLineage mine, CallerLineage(org, caller));
  const org_directory::UnitLink* place = PlaceOf(mine);
  if (place == nullptr) return PlaceScope{false, std::nullopt};
  return PlaceScope{false, *place};
}

}  // namespace huinong::loans
