// See blacklist.h.
#include "svc-loans/src/domain/blacklist.h"

#include "common/rpc/status_details.h"

namespace huinong::loans {

absl::Status CheckRemoval(const BlacklistEntry& entry, const std::string& remover) {
  if (!entry.active) return rpc::FailedPrecondition("INVALID_TRANSITION", "the entry has already ended");
  if (remover == entry.listed_by) {
    return rpc::WithReason(rpc::PermissionDenied("the reviewer who listed a borrower cannot remove the entry"),
                           "SELF_APPROVAL");
  }
  return absl::OkStatus();
}

}  // namespace huinong::loans
