// The leader's approval of a serious case's reply (`001:1319`: in serious
// cases the agent reports to the leader with a proposed handling, and
// answers the customer once the leader approves). A reply needs it for a P1
// or P2 ticket, or when the ticket's SLA policy says every reply does; the
// approving leader is never the person who proposed the reply; and the reply
// given (AnswerAtFirstContact, ResolveTicket) is the approved one, word for
// word. Pure.
#pragma once

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "svc-tickets/src/domain/priority.h"
#include "svc-tickets/src/domain/sla_policy.h"

namespace huinong::tickets {

bool ReplyApprovalRequired(Priority priority, const SlaPolicy& policy);

// The latest decision on a proposed reply.
struct ReplyDecision {
  std::string proposed_reply;
  std::string requested_by;
  bool approved = false;
};

// OK when no approval is required, or `reply` is the approved proposal;
// otherwise FAILED_PRECONDITION / APPROVAL_REQUIRED.
absl::Status CheckReplyMayBeGiven(bool approval_required, const std::optional<ReplyDecision>& decision,
                                  const std::string& reply);

// PERMISSION_DENIED / SELF_APPROVAL when the approver proposed the reply.
absl::Status CheckApprover(const std::string& approver, const std::string& requester);

}  // namespace huinong::tickets
