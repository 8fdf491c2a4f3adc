// CreateTicket's use case (issue 12 item 2): a request registered at the
// caller's unit, in one transaction.
//
// Guarantees: the caller holds tickets.agent for their own unit (the intake
// unit) and becomes the first responder, accountable and assignee; the
// priority is derived (priority.h), never given; the customer is the one
// named, or the archive record of the contact's ID number, else of its
// name at its phone (a household shares a phone), or a new one; a follow-up names its original (NOT_FOUND
// otherwise), which lists it without its etag changing; the policy's
// callbacks and the approval rule are fixed at intake; the REGISTERED entry
// opens the timeline and the clocks start.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "svc-tickets/src/app/ticket_change.h"

namespace huinong::tickets {

// `draft`: type, severity, channel, texts, occurred time, related resource,
// follow_up_of, and either customer_id or contact, as the API read them.
absl::StatusOr<Ticket> RegisterTicket(server::Mutation& m, const TicketDesk& desk, Ticket draft);

}  // namespace huinong::tickets
