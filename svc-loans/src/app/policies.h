// The county policy's use cases (issue 10, item 3), one transaction each,
// run inside the kit's Mutation. A change of policy is a new dated version;
// a version is edited only while it is not yet in force, so every decision
// that recorded a version id is explained by the settings it used.
//
// - CreatePolicy: the county must be a COUNTY unit in svc-org (NOT_FOUND;
//   FAILED_PRECONDITION / LEVEL_MISMATCH), the caller admin or a holder of
//   loans.policy for it, effective_from today or later by the business
//   clock (FAILED_PRECONDITION / EFFECTIVE_DATE_PASSED: a version that
//   started in the past would change decisions already taken), and one
//   version per county and day (ALREADY_EXISTS / POLICY_EXISTS).
// - UpdatePolicy: the etag (ABORTED / STALE_ETAG), the same authority, and a
//   version whose effective_from is after today (FAILED_PRECONDITION /
//   POLICY_IN_FORCE); the edited version is judged whole again
//   (PolicyViolations, INVALID_ARGUMENT under "policy.").
// Each returns the version before and after, for the audit event and the
// answer; none touches the API's types.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "common/org_directory/org_view.h"
#include "common/server/mutation.h"
#include "svc-loans/src/domain/county_policy.h"

namespace huinong::loans {

struct PolicyChange {
  std::optional<CountyPolicy> before;  // none for a creation
  CountyPolicy after;
};

// The version being edited, the etag the caller read, and the edit: it sets
// the settings the update mask names.
struct PolicyEdit {
  std::string id;
  std::string etag;
  std::function<void(CountyPolicy&)> apply;
};

// `policy`: county_id, effective_from and the settings; the rest is set here.
absl::StatusOr<PolicyChange> CreatePolicy(server::Mutation& m, org_directory::OrgView& org, CountyPolicy policy);
absl::StatusOr<PolicyChange> UpdatePolicy(server::Mutation& m, org_directory::OrgView& org, const PolicyEdit& edit);

}  // namespace huinong::loans
