// Tickets between the domain (domain/ticket.h) and huinong.tickets.v1:
// the request's intake fields read into a draft, with every bad field
// named; a ticket, its timeline, its clocks and callbacks as the API shows
// them. Phone and ID number are shown whole only when `contact_visible`
// (the caller holds tickets.agent for the ticket's unit), masked otherwise
// and always in audit events.
#pragma once

#include <string>

#include "common/rpc/status_details.h"
#include "huinong/tickets/v1/callbacks.pb.h"
#include "huinong/tickets/v1/sla.pb.h"
#include "huinong/tickets/v1/ticket.pb.h"
#include "svc-tickets/src/domain/callback_rules.h"
#include "svc-tickets/src/domain/ticket.h"
#include "svc-tickets/src/store/clock_store.h"

namespace huinong::tickets {

// CreateTicketRequest.ticket's input fields (under "ticket.").
Ticket DraftFrom(const v1::Ticket& in, rpc::Violations& v);

v1::Ticket TicketProto(const Ticket& t, absl::TimeZone zone, bool contact_visible);
v1::TicketActivity ActivityProto(const TicketActivity& a);
v1::SlaClock ClockProto(const std::string& ticket_id, const store::ClockRecord& r);
v1::CallbackAttempt CallbackProto(const std::string& ticket_id, int seq, const CallbackAttempt& a);

// The attempt's input fields (under "callback."); an unset time is `now`.
CallbackAttempt CallbackFrom(const v1::CallbackAttempt& in, absl::Time now, rpc::Violations& v);

}  // namespace huinong::tickets
