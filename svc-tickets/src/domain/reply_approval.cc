// See reply_approval.h.
#include "svc-tickets/src/domain/reply_approval.h"

#include "common/rpc/status_details.h"

namespace huinong::tickets {

bool ReplyApprovalRequired(Priority priority, const SlaPolicy& policy) {
  return priority == Priority::kP1 || priority == Priority::kP2 || policy.reply_approval_required;
}

absl::Status CheckReplyMayBeGiven(bool approval_required, const std::optional<ReplyDecision>& decision,
                                  const std::string& reply) {
  if (!approval_required) return absl::OkStatus();
  if (!decision || !decision->approved) {
    return rpc::FailedPrecondition("APPROVAL_REQUIRED", "the reply to this case needs the leader's approval first");
  }
  if (decision->proposed_reply != reply) {
    return rpc::FailedPrecondition("APPROVAL_REQUIRED", "the reply given must be the one the leader approved");
  }
  return absl::OkStatus();
}

absl::Status CheckApprover(const std::string& approver, const std::string& requester) {
  if (approver == requester) {
    return rpc::WithReason(rpc::PermissionDenied("the reply is approved by a leader other than its author"),
                           "SELF_APPROVAL");
  }
  return absl::OkStatus();
}

}  // namespace huinong::tickets
