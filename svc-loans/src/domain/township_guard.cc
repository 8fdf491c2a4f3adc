// See township_guard.h.
#include "svc-loans/src/domain/township_guard.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

namespace huinong::loans {

absl::Status CheckTownshipMayLend(LendingStatus status, absl::string_view township) {
  if (status != LendingStatus::kSuspended) return absl::OkStatus();
  return rpc::FailedPrecondition(
      "TOWNSHIP_SUSPENDED",
      absl::StrCat(township, " is suspended from lending until the county approves its rectification"));
}

}  // namespace huinong::loans
