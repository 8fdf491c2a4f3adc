// RecordCallback's and CloseUnreachable's steps (issue 12 item 6; the
// rules are domain/callback_rules.h), run by ChangeTicket.
//
// Guarantees: an attempt is appended only when the ticket accepts it
// (RESOLVED or CALLBACK_PENDING) and the caller may make it — someone other
// than the resolver when the resolver unit has another tickets.callback
// holder, never a do-not-call customer; a satisfied attempt closes the
// ticket once the round has the satisfied callbacks it needs; an
// unsatisfied one reopens it with a new promise (required); an unreachable
// one leaves it CALLBACK_PENDING.
#pragma once

#include <optional>
#include <string>

#include "absl/time/time.h"
#include "svc-tickets/src/app/ticket_change.h"
#include "svc-tickets/src/domain/callback_rules.h"

namespace huinong::tickets {

// `attempt`: outcome, time, satisfaction, opinion as the API read them.
// `promised`: for UNSATISFIED, the reply time of the reopened case.
TicketStep CallbackStep(CallbackAttempt attempt, std::optional<absl::Time> promised);
TicketStep CloseUnreachableStep(std::string reason);

}  // namespace huinong::tickets
