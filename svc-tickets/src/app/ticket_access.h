// Who may see and act on tickets, asked of svc-org (an OrgView) in one
// place for every tickets service:
// - reads: admin, auditor and service accounts see every ticket; staff see
//   the tickets whose intake or resolver unit is their own unit or below it
//   (a village station its own, a township its villages', the county all);
//   otherwise PERMISSION_DENIED. One ticket is judged on the units' chains
//   as svc-org has them now; lists and reports filter on the chains stored
//   when the ticket was taken or last moved between units (one index range)
//   — a unit moved in svc-org since keeps its older tickets under its old
//   chain in lists until they move again (known limit);
// - acts: the caller's tickets.* capabilities for the ticket's resolver
//   unit and its intake unit (ActorFacts), which ticket_actors.h weighs
//   against the event or record.
// svc-org unreachable is UNAVAILABLE, never a refusal.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/auth/principal.h"
#include "common/org_directory/caller_access.h"
#include "svc-tickets/src/domain/ticket.h"
#include "svc-tickets/src/domain/ticket_actors.h"

namespace sql {
class Connection;
}

namespace huinong::tickets {

using org_directory::OrgView;

// The unit's chain from the root as "root/…/unit/" (unit ids).
absl::StatusOr<std::string> UnitPath(OrgView& org, const std::string& unit_id);

// The paths whose tickets the caller reads: empty for a caller who reads
// every ticket, else their unit's path.
absl::StatusOr<std::vector<std::string>> ReadScope(OrgView& org, const auth::Principal& caller);
absl::Status RequireTicketReadable(OrgView& org, const auth::Principal& caller, const Ticket& ticket);
// The ticket `id`, read on `conn`, if the caller may read it (NOT_FOUND,
// PERMISSION_DENIED).
absl::StatusOr<Ticket> ReadableTicket(OrgView& org, const auth::Principal& caller, sql::Connection& conn,
                                      const std::string& id);

// Whether the caller sees a contact's personal data (phone, ID number,
// address) whole: a staff member holding tickets.agent for one of `units`
// (org_directory::MayReadPersonalData: admin, auditor and service tokens
// read masked).
absl::StatusOr<bool> SeesPersonalDataWhole(OrgView& org, const auth::Principal& caller,
                                           const std::vector<std::string>& units, absl::CivilDay day);

// The caller as ticket_actors.h weighs them: staff id, whether they are the
// SLA scanner (`scanner`: only the in-process job says so, never a token),
// and the tickets.* capabilities svc-org grants them for `unit_id` on `day`.
absl::StatusOr<ActorFacts> ActorFactsOf(OrgView& org, const auth::Principal& caller, const std::string& unit_id,
                                        absl::CivilDay day, bool scanner);
// Likewise for a ticket: the capabilities for its resolver unit, and apart
// for its intake unit (the records a holder there may make, ticket_actors.h).
absl::StatusOr<ActorFacts> ActorFactsOf(OrgView& org, const auth::Principal& caller, const Ticket& ticket,
                                        absl::CivilDay day, bool scanner);

}  // namespace huinong::tickets
