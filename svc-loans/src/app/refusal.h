// A lending rule's refusal as the API answers it: FAILED_PRECONDITION with
// a reason and every failed rule in one google.rpc.PreconditionFailure (type
// = the rule, subject = the field, description = the limit, what was asked
// and the policy version) — so a refusal that breaks four rules names all
// four, at application, county review, contract and draw alike.
#pragma once

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "svc-loans/src/domain/rule_failures.h"

namespace huinong::loans {

// OK when `failures` is empty.
absl::Status Refusal(absl::string_view reason, absl::string_view what, const std::vector<RuleFailure>& failures);

}  // namespace huinong::loans
