// The steps of TicketService's transitions (issue 12 item 3), each the
// TicketStep that ChangeTicket (ticket_change.h) runs in one transaction:
// the table's event, the timeline entry, and the step's own rules —
// promised reply times (promise.h), who may be named to work a ticket
// (HandlerCapability), escalation up svc-org's chain, the leader's approval
// of a reply, callbacks due at resolution, and that a complaint is never
// cancelled. Texts are checked by the API before; what needs the ticket or
// svc-org is checked here.
#pragma once

#include <optional>
#include <string>

#include "absl/time/time.h"
#include "svc-tickets/src/app/ticket_change.h"

namespace huinong::tickets {

// The unit that holds level `level` of a ticket in `resolver_unit`, and the
// capability its holder has: the shift leader and department head are
// tickets.supervisor and tickets.manager of the resolver unit, the unit
// above is tickets.supervisor of the resolver unit's parent.
struct EscalationTarget {
  std::string unit_id;
  std::string capability;
};
absl::StatusOr<EscalationTarget> EscalationTargetOf(OrgView& org, const std::string& resolver_unit,
                                                    EscalationLevel level);

// A promise made now by the caller (promise.h AddPromise), no later than
// the policy's reply target on the resolver unit's calendar
// (PROMISE_IN_PAST, PROMISE_TOO_LATE on `promised_time`; APOLOGY_REQUIRED).
absl::Status MakePromise(StepContext& c, absl::Time promised, const std::string& note, bool apologised);

TicketStep AnswerStep(std::string answer);
TicketStep OpenCaseStep(absl::Time promised, std::string resolver_unit, std::string note);
TicketStep AssignStep(std::string resolver_unit, std::string assignee, std::string note);
TicketStep StartWorkStep(std::string note);
TicketStep TransferStep(std::string to_unit, std::string to_assignee, std::string reason, std::string customer_note);
// `to_level` unset: the next level.
TicketStep EscalateStep(std::optional<EscalationLevel> to_level, std::string reason, std::string customer_note);
TicketStep WaitForCustomerStep(std::string reason);
TicketStep ResumeStep(std::string note);
TicketStep ResolveStep(std::string resolution);
TicketStep ReopenStep(std::string reason, absl::Time promised);
TicketStep CancelStep(CancelReason reason, std::string duplicate_of, std::string note);

}  // namespace huinong::tickets
