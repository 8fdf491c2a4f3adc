// See application_access.h.
#include "svc-loans/src/app/application_access.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"

namespace huinong::loans {

StepSide SideOf(absl::string_view capability) {
  if (capability == "loans.guarantee" || capability == "loans.insure") return StepSide::kPartner;
  if (capability == "loans.contract" || capability == "loans.disburse") return StepSide::kBank;
  return StepSide::kCountyNetwork;
}

absl::Status AuthorizeStep(OrgView& org, const auth::Principal& caller, const Application& a,
                           absl::string_view capability, absl::CivilDay day) {
  switch (SideOf(capability)) {
    case StepSide::kCountyNetwork:
      return RequireCapability(org, caller, capability, a.unit_id, day);
    case StepSide::kPartner:
      return RequireCapability(org, caller, capability, CallerUnitId(caller), day);
    case StepSide::kBank: {
      RETURN_IF_ERROR(RequireCapability(org, caller, capability, CallerUnitId(caller), day));
      ASSIGN_OR_RETURN(UnitLineage mine, CallerLineage(org, caller));
      if (a.recommended_bank_id.empty() || !mine.Within(a.recommended_bank_id)) {
        return rpc::WithReason(
            rpc::PermissionDenied(absl::StrCat(caller.unit, " is not inside the bank the county recommended, units/",
                                               a.recommended_bank_id)),
            "NOT_RECOMMENDED_BANK");
      }
      return absl::OkStatus();
    }
  }
  return absl::OkStatus();
}

Application RoutingOf(const std::string& application_id, const LendingPlace& place) {
  Application a;
  a.id = application_id;
  a.borrower_id = place.borrower_id;
  a.product_id = place.product_id;
  a.unit_id = place.unit_id;
  a.township_id = place.township_id;
  a.county_id = place.county_id;
  a.recommended_bank_id = place.bank_id;
  return a;
}

absl::Status RequireApplicationReadable(OrgView& org, const auth::Principal& caller, const Application& a,
                                        absl::CivilDay day) {
  if (ReadsAll(caller)) return absl::OkStatus();
  ASSIGN_OR_RETURN(UnitLineage mine, CallerLineage(org, caller));
  if (const org_directory::UnitLink* place = PlaceOf(mine)) {
    ASSIGN_OR_RETURN(UnitLineage record, org.Lineage(a.unit_id));
    if (record.Within(place->id)) return absl::OkStatus();
  } else if (!a.recommended_bank_id.empty() && mine.Within(a.recommended_bank_id)) {
    return absl::OkStatus();
  } else if (a.review) {
    for (const char* capability : {"loans.guarantee", "loans.insure"}) {
      ASSIGN_OR_RETURN(bool held, org.Holds(StaffIdOf(caller), capability, CallerUnitId(caller), day));
      if (held) return absl::OkStatus();
    }
  }
  return rpc::PermissionDenied(absl::StrCat(caller.unit, " does not cover applications/", a.id));
}

absl::StatusOr<ListScope> ApplicationListScope(OrgView& org, const auth::Principal& caller, absl::CivilDay day) {
  ListScope scope;
  ASSIGN_OR_RETURN(const PlaceScope places, PlaceScopeOf(org, caller));
  if (places.all) return scope;
  if (places.place) {
    switch (places.place->level) {
      case type::v1::LEVEL_VILLAGE: scope.unit_id = places.place->id; break;
      case type::v1::LEVEL_TOWNSHIP: scope.township_id = places.place->id; break;
      default: scope.county_id = places.place->id; break;
    }
    return scope;
  }
  ASSIGN_OR_RETURN(UnitLineage mine, CallerLineage(org, caller));  // cached: PlaceScopeOf read it
  const std::string staff = StaffIdOf(caller);
  for (const char* capability : {"loans.contract", "loans.disburse"}) {
    ASSIGN_OR_RETURN(bool held, org.Holds(staff, capability, CallerUnitId(caller), day));
    if (held) {
      scope.bank_id = mine.chain.front().id;
      return scope;
    }
  }
  for (const char* capability : {"loans.guarantee", "loans.insure"}) {
    ASSIGN_OR_RETURN(bool held, org.Holds(staff, capability, CallerUnitId(caller), day));
    if (held) {
      for (ApplicationState s : {ApplicationState::kApproved, ApplicationState::kGuaranteed, ApplicationState::kInsured,
                                 ApplicationState::kContracted, ApplicationState::kDisbursed}) {
        scope.any_state.push_back(static_cast<int>(s));
      }
      return scope;
    }
  }
  scope.none = true;
  return scope;
}

absl::StatusOr<std::string> CallerOrganisation(OrgView& org, const auth::Principal& caller) {
  if (CallerUnitId(caller).empty()) return std::string();
  ASSIGN_OR_RETURN(UnitLineage mine, CallerLineage(org, caller));
  return mine.chain.empty() ? std::string() : mine.chain.front().id;
}

}  // namespace huinong::loans
