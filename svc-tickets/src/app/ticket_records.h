// The steps of TicketService beyond the moves of the case (issue 12 items
// 3, 4 and 6), each a TicketStep that ChangeTicket (ticket_change.h) runs in
// one transaction:
// - records that move no state, each weighed against its rule in
//   ticket_actors.h (who, in which states): the intake details corrected
//   (the priority derived again, and the policy, callbacks, approval and
//   clocks with it; a complaint stays a complaint), someone on site and the
//   manager told of an emergency (P1 only, once each), a follow-up with the
//   customer (a contact: the follow-up-gap clock starts again), a renewed
//   promise (the old one RENEGOTIATED or, missed, BREACHED with an apology);
// - the leader's approval of a serious case's reply (`001:1319`), the
//   table's SUBMIT_REPLY, APPROVE_REPLY and REJECT_REPLY, never approved or
//   rejected by its author.
// Texts and names are checked by the API before; what needs the ticket, the
// clock or svc-org is checked here.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "absl/time/time.h"
#include "svc-tickets/src/app/ticket_change.h"

namespace huinong::tickets {

// The intake details UpdateTicket may correct, by their field names in
// ticket.proto: type, severity, summary, description, location,
// occurred_time, related.
const std::set<std::string>& CorrectableFields();

// A correction: the named fields take their values from `details`.
struct IntakeCorrection {
  std::set<std::string> fields;
  Ticket details;
  std::string reason;
};
TicketStep UpdateStep(IntakeCorrection correction);

// `staff` empty: the caller; a time unset: now (neither may be in the
// future nor before the ticket was taken).
TicketStep OnSiteArrivalStep(std::string staff, std::optional<absl::Time> arrival, std::string note);
TicketStep ManagerNotifiedStep(std::string manager, std::optional<absl::Time> notified, TicketChannel channel,
                               std::string note);
TicketStep FollowUpStep(TicketChannel channel, std::string note);
TicketStep RenewPromiseStep(absl::Time promised, std::string progress_note, bool apologised);

TicketStep SubmitReplyStep(std::string proposed_reply);
TicketStep ApproveReplyStep(std::string comment);
TicketStep RejectReplyStep(std::string comment);

}  // namespace huinong::tickets
