// The one way a ticket changes after intake (every TicketService
// transition, a callback, the scanner's escalation), in the caller's
// transaction:
//   lock the row → NOT_FOUND; the caller's scope (PERMISSION_DENIED); check
//   the etag (ABORTED when stale) unless the SLA scanner acts; weigh the
//   caller against the event's rule (ticket_actors.h) for the resolver unit
//   (the intake unit's too for reopening and cancelling) and move the state
//   by the table (ticket_flow.h, FAILED_PRECONDITION / INVALID_TRANSITION) —
//   or, for a record that moves no state, weigh the caller and the ticket's
//   state against the record's rule (ticket_actors.h, MayRecord); run the
//   step's own checks and updates; append the timeline entry (and one more
//   for a follow-on move, e.g. RESOLVED → CLOSED when no callback is due);
//   write the row — a person's change bumps the etag, the scanner's never
//   does; bring the clocks up to date; record the audit event.
// Nothing is written when any check fails (the transaction rolls back).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "common/server/mutation.h"
#include "svc-tickets/src/app/ticket_access.h"
#include "svc-tickets/src/domain/ticket.h"

namespace huinong::tickets {

// Records the audit event of a change (the API layer's mapping; before is
// empty for a new ticket).
using TicketRecorder =
    std::function<absl::Status(server::Mutation& m, const std::optional<Ticket>& before, const Ticket& after)>;

// What every ticket use case works with besides its transaction: svc-org,
// the audit recorder, and the county's time zone (the business clock's).
// `scanner` is set by the SLA scanner alone (jobs/sla_scanner.h): its
// changes skip the etag and leave it as it was. No API call acts as the
// scanner, whatever roles its token carries.
struct TicketDesk {
  OrgView& org;
  TicketRecorder record;
  absl::TimeZone zone;
  bool scanner = false;
};

// What a step's own code sees and may set.
struct StepContext {
  server::Mutation& m;
  OrgView& org;
  Ticket& ticket;
  const ActorFacts& actor;
  TicketActivity& activity;               // note, customer_informed, source, target
  // A move decided by the step itself (a callback's outcome) or following
  // the step's (CLOSE_NO_CALLBACK_DUE after RESOLVE), weighed by the rule
  // and the table like the step's own; recorded on an entry of its own when
  // `then_kind` is set, else on the step's entry.
  std::optional<TicketEvent> then;
  std::optional<ActivityKind> then_kind;
};

// A step is a move of the table (or none, for a step that decides its move
// itself: a callback's `then`), or a record that moves no state.
struct TicketStep {
  using Apply = std::function<absl::Status(StepContext&)>;
  TicketStep(std::optional<TicketEvent> event, ActivityKind kind, Apply apply)
      : event(event), kind(kind), apply(std::move(apply)) {}
  TicketStep(TicketRecord record, ActivityKind kind, Apply apply)
      : kind(kind), apply(std::move(apply)), record(record) {}

  // The table's move.
  std::optional<TicketEvent> event;
  ActivityKind kind = ActivityKind::kUpdated;
  // Checks and updates of this step (after the rule and the table).
  Apply apply;
  // The record whose rule (who, in which states; ticket_actors.h) the step
  // is weighed against instead of an event's.
  std::optional<TicketRecord> record;
};

absl::StatusOr<Ticket> ChangeTicket(server::Mutation& m, const TicketDesk& desk, const std::string& id,
                                    const std::string& etag, TicketStep step);

}  // namespace huinong::tickets
