// What every application use case loads before it judges (applications.cc,
// disbursement.cc): the application locked for the change with its etag
// checked, the borrower, the product, the county policy in force, and the
// township's permission to lend — each missing one answered the same way
// everywhere (NOT_FOUND; FAILED_PRECONDITION NO_POLICY; TOWNSHIP_SUSPENDED).
#pragma once

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-loans/src/app/applications.h"
#include "svc-loans/src/domain/borrower_record.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/product.h"

namespace sql {
class Connection;
}

namespace huinong::loans {

// Which capability acts on an application as it stands (empty: none — a
// final state, which the workflow then refuses).
using CapabilityOf = std::function<std::string(const Application&)>;

// The application locked FOR UPDATE for the change, once the caller is
// authorized for it (application_access.h's AuthorizeStep): first on an
// unlocked read, so no row lock is held while svc-org is asked (a cache miss
// is a network call); again on the locked row only if what decides the
// actor — the capability, the recommended bank, the review's policy (its
// partners) — changed in between. The
// lock reads only the version, and the row again only when it changed since
// the unlocked read (two round trips, one decode, as a rule). NOT_FOUND;
// ABORTED STALE_ETAG when `ref.etag` is not the locked row's.
absl::StatusOr<Application> LoadAuthorizedForChange(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                    const CapabilityOf& capability_of);
absl::StatusOr<Borrower> LoadBorrower(sql::Connection& conn, const std::string& id);
absl::StatusOr<Product> LoadProduct(sql::Connection& conn, const std::string& id);
// The version the county review judged by (before the review: the one
// recorded at submission) — for the fees later steps charge and the
// partners who may take them.
absl::StatusOr<CountyPolicy> LoadReviewPolicy(sql::Connection& conn, const Application& application);
// The version in force for the county on `day`; FAILED_PRECONDITION / NO_POLICY when none.
absl::StatusOr<CountyPolicy> LoadPolicyInForce(sql::Connection& conn, const std::string& county_id, absl::CivilDay day);
// OK while the township may lend (domain/township_guard.h).
absl::Status CheckTownshipLends(sql::Connection& conn, const std::string& township_id);

// What the lending rules judge an application by: its borrower, its product
// and the county policy in force on `day`.
struct LendingFacts {
  Borrower borrower;
  Product product;
  CountyPolicy policy;
};
absl::StatusOr<LendingFacts> LoadLendingFacts(sql::Connection& conn, const Application& application,
                                              absl::CivilDay day);

// Writes the application after a step: the next version, updated now.
absl::Status SaveStep(server::Mutation& m, Application& application);

}  // namespace huinong::loans
