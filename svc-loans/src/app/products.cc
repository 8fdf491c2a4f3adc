// See products.h.
#include "svc-loans/src/app/products.h"

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/src/store/product_store.h"

namespace huinong::loans {
namespace {

// The county whose policy the caller changes products under, after checking
// the caller's authority; "" for admin acting for no county.
absl::StatusOr<std::string> AuthorizedCounty(server::Mutation& m, org_directory::OrgView& org) {
  ASSIGN_OR_RETURN(std::string county, CallerCountyId(org, m.caller()));
  if (county.empty()) {
    if (m.caller().IsAdmin()) return county;
    return rpc::WithReason(rpc::PermissionDenied(absl::StrCat(m.caller().subject, " acts for no county; products "
                                                              "are changed with loans.policy for a county")),
                           "CAPABILITY_MISSING");
  }
  RETURN_IF_ERROR(RequirePolicyAuthority(org, m.caller(), county, m.today()));
  return county;
}

// The product's own rules, and the caps of the county's policy in force
// today when there is one — on an update only the caps of the fields in
// `paths`, so a product made under an earlier policy can still be retired.
absl::Status CheckProduct(server::Mutation& m, const std::string& county_id, const Product& product,
                          const std::set<std::string>* paths) {
  rpc::Violations v;
  for (auto& [field, description] : ProductViolations(product)) v.Add(absl::StrCat("product.", field), description);
  std::optional<CountyPolicy> policy;
  if (!county_id.empty()) {
    ASSIGN_OR_RETURN(policy, store::PolicyOn(m.tx(), county_id, m.today()));
  }
  if (!policy) return v.ToStatus();
  rpc::Violations caps;
  for (auto& [field, description] : PolicyCapViolations(product, *policy)) {
    caps.Add(absl::StrCat("product.", field), description);
  }
  if (paths == nullptr) {
    for (const rpc::FieldViolation& f : caps.list()) v.Add(f.field, f.description);
  } else {
    rpc::KeepMasked(caps, "product", *paths, v);
  }
  return v.ToStatus();
}

}  // namespace

absl::StatusOr<ProductChange> CreateProduct(server::Mutation& m, org_directory::OrgView& org, Product product) {
  ASSIGN_OR_RETURN(std::string county, AuthorizedCounty(m, org));
  RETURN_IF_ERROR(CheckProduct(m, county, product, nullptr));
  product.id = NewUlid();
  product.version = 1;
  product.create_time = product.update_time = m.now();
  RETURN_IF_ERROR(store::InsertProduct(m.tx(), product));
  return ProductChange{std::nullopt, std::move(product)};
}

absl::StatusOr<ProductChange> UpdateProduct(server::Mutation& m, org_directory::OrgView& org,
                                            const ProductEdit& edit) {
  ASSIGN_OR_RETURN(std::string county, AuthorizedCounty(m, org));
  const std::string name = absl::StrCat("products/", edit.id);
  ASSIGN_OR_RETURN(std::optional<Product> locked, store::GetProduct(m.tx(), edit.id, /*for_update=*/true));
  if (!locked) return rpc::NotFound(name);
  RETURN_IF_ERROR(rpc::CheckEtag(edit.etag, locked->version, name));
  ProductChange change{*locked, *locked};
  edit.apply(change.after);
  RETURN_IF_ERROR(CheckProduct(m, county, change.after, &edit.paths));
  change.after.version += 1;
  change.after.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateProduct(m.tx(), change.after));
  return change;
}

}  // namespace huinong::loans
