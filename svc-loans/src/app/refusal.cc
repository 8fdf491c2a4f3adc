// See refusal.h.
#include "svc-loans/src/app/refusal.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

namespace huinong::loans {

absl::Status Refusal(absl::string_view reason, absl::string_view what, const std::vector<RuleFailure>& failures) {
  if (failures.empty()) return absl::OkStatus();
  std::vector<rpc::PreconditionViolation> violations;
  for (const RuleFailure& f : failures) {
    violations.push_back({f.rule, f.field,
                          absl::StrCat("limit ", f.limit, "; asked ", f.actual, "; policy countyPolicies/",
                                       f.policy_version)});
  }
  return rpc::FailedPreconditions(reason, what, violations);
}

}  // namespace huinong::loans
