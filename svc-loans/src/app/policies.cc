// See policies.h.
#include "svc-loans/src/app/policies.h"

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/store/policy_store.h"

namespace huinong::loans {
namespace {

std::string VersionName(const std::string& id) { return absl::StrCat("countyPolicies/", id); }

// The unit must exist and be a county: a policy governs a whole county.
absl::Status CheckCounty(org_directory::OrgView& org, const std::string& county_id) {
  absl::StatusOr<UnitLineage> unit = org.Lineage(county_id);
  if (absl::IsNotFound(unit.status())) return rpc::NotFound(absl::StrCat("units/", county_id));
  RETURN_IF_ERROR(unit.status());
  if (unit->unit().level != type::v1::LEVEL_COUNTY) {
    return rpc::FailedPrecondition("LEVEL_MISMATCH",
                                   absl::StrCat("units/", county_id, " is not a COUNTY unit; a policy governs a county"));
  }
  return absl::OkStatus();
}

// The policy's own rules on the whole version, and each partner an
// organisation of svc-org (its root unit, with no place level), named under
// "policy.".
absl::Status CheckSettings(org_directory::OrgView& org, const CountyPolicy& p) {
  rpc::Violations v;
  for (auto& [field, description] : PolicyViolations(p)) v.Add(absl::StrCat("policy.", field), description);
  for (PartnerRole role : {PartnerRole::kBank, PartnerRole::kGuaranteeCompany, PartnerRole::kInsurer}) {
    const std::vector<std::string>& ids = PartnersIn(p.partners, role);
    for (size_t i = 0; i < ids.size(); ++i) {
      const std::string field = absl::StrCat("policy.", PartnerField(role), "[", i, "]");
      absl::StatusOr<UnitLineage> unit = org.Lineage(ids[i]);
      if (absl::IsNotFound(unit.status())) {
        v.Add(field, absl::StrCat("units/", ids[i], " is no unit of svc-org"));
      } else if (!unit.ok()) {
        return unit.status();
      } else if (unit->chain.size() != 1 || unit->unit().level != type::v1::LEVEL_UNSPECIFIED) {
        v.Add(field, absl::StrCat("units/", ids[i], " is not an organisation: the root unit of a bank, guarantee",
                                  " company or insurer, outside the county's network"));
      }
    }
  }
  return v.ToStatus();
}

}  // namespace

absl::StatusOr<PolicyChange> CreatePolicy(server::Mutation& m, org_directory::OrgView& org, CountyPolicy policy) {
  RETURN_IF_ERROR(CheckCounty(org, policy.county_id));
  RETURN_IF_ERROR(RequirePolicyAuthority(org, m.caller(), policy.county_id, m.today()));
  if (policy.effective_from < m.today()) {
    return rpc::FailedPrecondition(
        "EFFECTIVE_DATE_PASSED",
        absl::StrCat("a version from ", absl::FormatCivilTime(policy.effective_from),
                     " would change decisions already taken; versions start today (",
                     absl::FormatCivilTime(m.today()), ") or later"));
  }
  RETURN_IF_ERROR(CheckSettings(org, policy));
  policy.id = NewUlid();
  policy.revision = 1;
  policy.create_time = policy.update_time = m.now();
  RETURN_IF_ERROR(store::InsertPolicy(m.tx(), policy));
  return PolicyChange{std::nullopt, std::move(policy)};
}

absl::StatusOr<PolicyChange> UpdatePolicy(server::Mutation& m, org_directory::OrgView& org, const PolicyEdit& edit) {
  const std::string name = VersionName(edit.id);
  // Authorization (from svc-org) before the version's lock.
  ASSIGN_OR_RETURN(std::optional<CountyPolicy> peek, store::GetPolicy(m.tx(), edit.id));
  if (!peek) return rpc::NotFound(name);
  RETURN_IF_ERROR(RequirePolicyAuthority(org, m.caller(), peek->county_id, m.today()));
  ASSIGN_OR_RETURN(std::optional<CountyPolicy> locked, store::GetPolicy(m.tx(), edit.id, /*for_update=*/true));
  if (!locked) return rpc::NotFound(name);
  RETURN_IF_ERROR(rpc::CheckEtag(edit.etag, locked->revision, name));
  if (locked->effective_from <= m.today()) {
    return rpc::FailedPrecondition(
        "POLICY_IN_FORCE",
        absl::StrCat(name, " is in force since ", absl::FormatCivilTime(locked->effective_from),
                     " and is never edited (decisions recorded it); create a new version from a later date"));
  }
  PolicyChange change{*locked, *locked};
  edit.apply(change.after);
  RETURN_IF_ERROR(CheckSettings(org, change.after));
  change.after.revision += 1;
  change.after.update_time = m.now();
  RETURN_IF_ERROR(store::UpdatePolicy(m.tx(), change.after));
  return change;
}

}  // namespace huinong::loans
