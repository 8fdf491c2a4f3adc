// Shift and leave handovers' use cases (issue 12 item 7; the rules are
// domain/handover.h), each in the caller's transaction or read.
//
// Guarantees:
// - Create lists every open ticket (not ANSWERED, CLOSED or CANCELLED)
//   whose intake or resolver unit is the handover's unit or below it and
//   whose assignee or accountable person is outgoing, as it stands then;
//   it changes no ticket. Who: an outgoing person, or tickets.supervisor of
//   the unit. Every person must be known to svc-org (NOT_FOUND) and every
//   incoming person hold tickets.agent or tickets.supervisor for the unit
//   (FAILED_PRECONDITION / NOT_IN_UNIT). Items named in the request must be
//   among those listed.
// - Acknowledge carries each listed ticket still open over through
//   ChangeTicket (its lock, a new etag, a HANDED_OVER timeline entry, its
//   audit event): the item's to_staff or the acknowledging person becomes
//   the assignee; on LEAVE the colleague also becomes accountable where the
//   person leaving was. The first responder never changes. Until then no
//   ticket changes.
// - Reads: admin, auditor and service accounts every handover; staff those
//   of their unit and below, and those they are a person of. A single
//   handover (Get): its people, tickets.supervisor of its unit, and those
//   who read everything.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/auth/principal.h"
#include "common/server/mutation.h"
#include "svc-tickets/src/app/ticket_change.h"
#include "svc-tickets/src/domain/handover.h"

namespace sql {
class Connection;
}

namespace huinong::tickets {

// `draft`: unit, kind, label, people, notes and per-ticket notes / to_staff
// (items with only ticket_id, note and to_staff) as the API checked them.
absl::StatusOr<Handover> CreateHandover(server::Mutation& m, const TicketDesk& desk, Handover draft);

// `before`: the handover as it stood (for the audit event).
absl::StatusOr<Handover> AcknowledgeHandover(server::Mutation& m, const TicketDesk& desk, const std::string& id,
                                             const std::string& etag, const std::string& note, Handover* before);

absl::StatusOr<Handover> ReadableHandover(OrgView& org, const auth::Principal& caller, sql::Connection& conn,
                                          const std::string& id, absl::CivilDay day);

// What a list reads: every handover (empty paths), else those under
// `paths` and those `person` is a person of.
struct HandoverScope {
  std::vector<std::string> paths;
  std::string person;
};
absl::StatusOr<HandoverScope> HandoverScopeOf(OrgView& org, const auth::Principal& caller);

}  // namespace huinong::tickets
