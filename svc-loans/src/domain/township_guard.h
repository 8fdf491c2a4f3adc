// The one question every lending step asks before it goes ahead — may this
// township lend? (000:1535) — asked by new applications, county approvals,
// disbursements and credit-line draws. The circuit breaker that suspends a
// township when its bad loans reach 3% comes with servicing; until then a
// township's status is whatever is recorded (open unless suspended). Pure.
#pragma once

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace huinong::loans {

enum class LendingStatus { kOpen = 1, kSuspended = 2 };

// OK while open; FAILED_PRECONDITION / TOWNSHIP_SUSPENDED naming the
// township ("units/{id}") while suspended.
absl::Status CheckTownshipMayLend(LendingStatus status, absl::string_view township);

}  // namespace huinong::loans
