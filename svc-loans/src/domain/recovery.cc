// See recovery.h.
#include "svc-loans/src/domain/recovery.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

namespace huinong::loans {

absl::Status CheckRecovery(RecoveryState state, int64_t loss_fen, int64_t recovered_fen, int64_t amount_fen) {
  if (state == RecoveryState::kClosed) {
    return rpc::FailedPrecondition("RECOVERY_CLOSED", "the loan's recovery case is closed");
  }
  if (recovered_fen + amount_fen > loss_fen) {
    return rpc::FailedPrecondition("AMOUNT_EXCEEDS_BALANCE",
                                   absl::StrCat("the loss is ", loss_fen, " fen and ", recovered_fen,
                                                " fen were recovered before: at most ", loss_fen - recovered_fen,
                                                " fen are left to recover"));
  }
  return absl::OkStatus();
}

}  // namespace huinong::loans
