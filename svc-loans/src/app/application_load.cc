// See application_load.h.
#include "svc-loans/src/app/application_load.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/app/application_access.h"
#include "svc-loans/src/store/application_store.h"
#include "svc-loans/src/store/borrower_store.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/src/store/product_store.h"
#include "svc-loans/src/store/township_store.h"

namespace huinong::loans {

namespace {

// AuthorizeStep with what it needs from the store: a partner's step, the
// partners of the policy the county review used.
absl::Status Authorize(server::Mutation& m, OrgView& org, const Application& a, const std::string& capability) {
  if (capability.empty()) return absl::OkStatus();
  if (SideOf(capability) != StepSide::kPartner || !a.review) {
    return AuthorizeStep(org, m.caller(), a, capability, m.today());
  }
  ASSIGN_OR_RETURN(const CountyPolicy policy, LoadReviewPolicy(m.tx(), a));
  return AuthorizeStep(org, m.caller(), a, capability, m.today(), &policy.partners);
}

std::string ReviewPolicyId(const Application& a) { return a.review ? a.review->policy_id : ""; }

}  // namespace

absl::StatusOr<Application> LoadAuthorizedForChange(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                    const CapabilityOf& capability_of) {
  ASSIGN_OR_RETURN(std::optional<Application> seen, store::GetApplication(m.tx(), ref.id));
  if (!seen) return rpc::NotFound(absl::StrCat("applications/", ref.id));
  const std::string capability = capability_of(*seen);
  const std::string seen_bank = seen->recommended_bank_id;
  const std::string seen_policy = ReviewPolicyId(*seen);
  RETURN_IF_ERROR(Authorize(m, org, *seen, capability));
  // Locked: usually the row just read, which the version shows without
  // reading and decoding it again (store::LockApplicationVersion).
  ASSIGN_OR_RETURN(std::optional<int64_t> locked, store::LockApplicationVersion(m.tx(), ref.id));
  const std::string name = absl::StrCat("applications/", ref.id);
  if (!locked) return rpc::NotFound(name);
  if (*locked != seen->version) {
    ASSIGN_OR_RETURN(seen, store::GetApplication(m.tx(), ref.id, /*for_update=*/true));
    if (!seen) return rpc::NotFound(name);
  }
  Application a = *std::move(seen);
  RETURN_IF_ERROR(rpc::CheckEtag(ref.etag, a.version, name));
  const std::string now_capability = capability_of(a);
  if (now_capability != capability || a.recommended_bank_id != seen_bank || ReviewPolicyId(a) != seen_policy) {
    RETURN_IF_ERROR(Authorize(m, org, a, now_capability));
  }
  return a;
}

absl::StatusOr<CountyPolicy> LoadReviewPolicy(sql::Connection& conn, const Application& a) {
  const std::string id = a.review ? a.review->policy_id : a.policy_id;
  ASSIGN_OR_RETURN(std::optional<CountyPolicy> p, store::GetPolicy(conn, id));
  if (!p) return absl::InternalError(absl::StrCat("applications/", a.id, " names a missing policy ", id));
  return *std::move(p);
}

absl::StatusOr<Borrower> LoadBorrower(sql::Connection& conn, const std::string& id) {
  ASSIGN_OR_RETURN(std::optional<Borrower> b, store::GetBorrower(conn, id));
  if (!b) return rpc::NotFound(absl::StrCat("borrowers/", id));
  return *std::move(b);
}

absl::StatusOr<Product> LoadProduct(sql::Connection& conn, const std::string& id) {
  ASSIGN_OR_RETURN(std::optional<Product> p, store::GetProduct(conn, id));
  if (!p) return rpc::NotFound(absl::StrCat("products/", id));
  return *std::move(p);
}

absl::StatusOr<CountyPolicy> LoadPolicyInForce(sql::Connection& conn, const std::string& county_id,
                                               absl::CivilDay day) {
  ASSIGN_OR_RETURN(std::optional<CountyPolicy> p, store::PolicyOn(conn, county_id, day));
  if (!p) {
    return rpc::FailedPrecondition("NO_POLICY", absl::StrCat("no county policy of units/", county_id, " is in force on ",
                                                             absl::FormatCivilTime(day)));
  }
  return *std::move(p);
}

absl::Status CheckTownshipLends(sql::Connection& conn, const std::string& township_id) {
  ASSIGN_OR_RETURN(LendingStatus status, store::TownshipLendingStatus(conn, township_id));
  return CheckTownshipMayLend(status, absl::StrCat("units/", township_id));
}

absl::StatusOr<LendingFacts> LoadLendingFacts(sql::Connection& conn, const Application& a, absl::CivilDay day) {
  LendingFacts facts;
  ASSIGN_OR_RETURN(facts.borrower, LoadBorrower(conn, a.borrower_id));
  ASSIGN_OR_RETURN(facts.product, LoadProduct(conn, a.product_id));
  ASSIGN_OR_RETURN(facts.policy, LoadPolicyInForce(conn, a.county_id, day));
  return facts;
}

absl::Status SaveStep(server::Mutation& m, Application& a) {
  a.version += 1;
  a.update_time = m.now();
  return store::UpdateApplication(m.tx(), a);
}

}  // namespace huinong::loans
