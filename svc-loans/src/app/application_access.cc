// See application_access.h.
#include "svc-loans/src/app/application_access.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/store/policy_store.h"

namespace huinong::loans {
namespace {

constexpr const char* kPartnerCapabilities[] = {"loans.guarantee", "loans.insure"};

// A guarantee company's or insurer's staff member: their organisation and
// the partner roles whose capability they hold (none for everyone else).
struct PartnerReach {
  std::string organisation;
  std::vector<PartnerRole> roles;
};

absl::StatusOr<PartnerReach> PartnerReachOf(OrgView& org, const auth::Principal& caller, absl::CivilDay day) {
  PartnerReach reach;
  ASSIGN_OR_RETURN(reach.organisation, CallerOrganisation(org, caller));
  if (reach.organisation.empty()) return reach;
  for (const char* capability : kPartnerCapabilities) {
    ASSIGN_OR_RETURN(bool held, org.Holds(StaffIdOf(caller), capability, CallerUnitId(caller), day));
    if (held) reach.roles.push_back(PartnerRoleOf(capability));
  }
  return reach;
}

// The counties whose policy in force on `day` names the organisation in
// one of the roles.
absl::StatusOr<std::vector<std::string>> PartnerCounties(const PartnerReach& reach, absl::CivilDay day,
                                                         const server::Reader& reader) {
  std::vector<std::string> counties;
  for (PartnerRole role : reach.roles) {
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<std::string> named, store::CountiesNaming(conn, role, reach.organisation, day));
      counties.insert(counties.end(), named.begin(), named.end());
      return absl::OkStatus();
    }));
  }
  return counties;
}

// Whether the policy the application's county review used names the
// organisation in one of the roles: the partners it was routed to.
absl::StatusOr<bool> NamedByReview(const PartnerReach& reach, const Application& a, const server::Reader& reader) {
  std::optional<CountyPolicy> policy;
  RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(policy, store::GetPolicy(conn, a.review->policy_id));
    return absl::OkStatus();
  }));
  if (!policy) return false;
  for (PartnerRole role : reach.roles) {
    if (Names(policy->partners, role, reach.organisation)) return true;
  }
  return false;
}

}  // namespace

PartnerRole PartnerRoleOf(absl::string_view capability) {
  return capability == "loans.insure" ? PartnerRole::kInsurer : PartnerRole::kGuaranteeCompany;
}

StepSide SideOf(absl::string_view capability) {
  if (capability == "loans.guarantee" || capability == "loans.insure") return StepSide::kPartner;
  if (capability == "loans.contract" || capability == "loans.disburse" || capability == "loans.recovery") {
    return StepSide::kBank;
  }
  return StepSide::kCountyNetwork;
}

absl::Status AuthorizeStep(OrgView& org, const auth::Principal& caller, const Application& a,
                           absl::string_view capability, absl::CivilDay day, const CountyPartners* review_partners) {
  switch (SideOf(capability)) {
    case StepSide::kCountyNetwork:
      return RequireCapability(org, caller, capability, a.unit_id, day);
    case StepSide::kPartner: {
      RETURN_IF_ERROR(RequireCapability(org, caller, capability, CallerUnitId(caller), day));
      if (review_partners == nullptr) return absl::OkStatus();
      ASSIGN_OR_RETURN(const std::string organisation, CallerOrganisation(org, caller));
      const PartnerRole role = PartnerRoleOf(capability);
      if (!Names(*review_partners, role, organisation)) {
        return rpc::WithReason(
            rpc::PermissionDenied(absl::StrCat("units/", organisation, " is not among the ", PartnerField(role),
                                               " of the county policy the review of applications/", a.id, " used")),
            "NOT_COUNTY_PARTNER");
      }
      return absl::OkStatus();
    }
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
                                        absl::CivilDay day, const server::Reader& reader) {
  if (ReadsAll(caller)) return absl::OkStatus();
  ASSIGN_OR_RETURN(UnitLineage mine, CallerLineage(org, caller));
  if (const org_directory::UnitLink* place = PlaceOf(mine)) {
    ASSIGN_OR_RETURN(UnitLineage record, org.Lineage(a.unit_id));
    if (record.Within(place->id)) return absl::OkStatus();
  } else if (!a.recommended_bank_id.empty() && mine.Within(a.recommended_bank_id)) {
    return absl::OkStatus();
  } else if (a.review) {
    ASSIGN_OR_RETURN(const PartnerReach reach, PartnerReachOf(org, caller, day));
    if (!reach.roles.empty()) {
      ASSIGN_OR_RETURN(const std::vector<std::string> counties, PartnerCounties(reach, day, reader));
      if (std::find(counties.begin(), counties.end(), a.county_id) != counties.end()) return absl::OkStatus();
      ASSIGN_OR_RETURN(const bool routed, NamedByReview(reach, a, reader));
      if (routed) return absl::OkStatus();
    }
  }
  return rpc::PermissionDenied(absl::StrCat(caller.unit, " does not cover applications/", a.id));
}

absl::StatusOr<ListScope> ApplicationListScope(OrgView& org, const auth::Principal& caller, absl::CivilDay day,
                                               const server::Reader& reader) {
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
  ASSIGN_OR_RETURN(const PartnerReach reach, PartnerReachOf(org, caller, day));
  ASSIGN_OR_RETURN(scope.any_county_id, PartnerCounties(reach, day, reader));
  if (scope.any_county_id.empty()) {
    scope.none = true;
    return scope;
  }
  scope.partner = true;
  for (ApplicationState s : {ApplicationState::kApproved, ApplicationState::kGuaranteed, ApplicationState::kInsured,
                             ApplicationState::kContracted, ApplicationState::kDisbursed}) {
    scope.any_state.push_back(static_cast<int>(s));
  }
  return scope;
}

absl::StatusOr<bool> SeesPayee(OrgView& org, const auth::Principal& caller, const std::string& bank_id) {
  if (ReadsAll(caller)) return true;
  if (bank_id.empty() || CallerUnitId(caller).empty()) return false;
  ASSIGN_OR_RETURN(UnitLineage mine, CallerLineage(org, caller));
  return mine.Within(bank_id);
}

absl::StatusOr<std::string> CallerOrganisation(OrgView& org, const auth::Principal& caller) {
  if (CallerUnitId(caller).empty()) return std::string();
  ASSIGN_OR_RETURN(UnitLineage mine, CallerLineage(org, caller));
  return mine.chain.empty() ? std::string() : mine.chain.front().id;
}

}  // namespace huinong::loans
