// A ticket's SLA clocks brought up to date in the caller's transaction:
// computed from the ticket's timeline (state changes, contacts, on-site
// arrival, manager notice, callback attempts), the SLA policy it uses now
// (the configured one matching it, domain/sla_policy_match.h, at its latest
// revision; else the seeds') and svc-org's work calendar of its resolver
// unit on the day it was taken; a clock already stopped keeps its result
// (and the revision it was computed with); the scanner's marks carried
// over; the next check written to the scanner's index (domain/
// clock_watch.h). Intake starts a new ticket's clocks (StartClocks); every
// later change calls RefreshClocks after its own writes, the scanner before
// it marks, and a policy's change for the open tickets it governs
// (app/sla_policies.h).
//
// A calendar changed in svc-org is read the next time this runs for the
// ticket: when the ticket next changes, or when the scanner reaches it at
// its next check — an instant computed on the old calendar, so a clock the
// new calendar makes due earlier is marked at that check at the latest.
#pragma once

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/org_directory/org_view.h"
#include "svc-tickets/src/domain/sla_policy.h"
#include "svc-tickets/src/domain/ticket.h"
#include "svc-tickets/src/store/clock_store.h"

namespace sql {
class Connection;
}

namespace huinong::tickets {

// The policy a ticket uses now: the configured policy matching its resolver
// unit chain (ticket.resolver_path), type and priority at its latest
// revision, else the seeds' defaults for its type and priority.
absl::StatusOr<SlaPolicy> PolicyFor(sql::Connection& conn, const Ticket& ticket);

// The priority derived from the ticket's type and severity, and what
// follows from both: its SLA policy (returned), the callbacks it needs and
// whether its reply needs approval (at intake, and when UpdateTicket
// corrects them).
absl::StatusOr<SlaPolicy> DeriveHandling(sql::Connection& conn, Ticket& t);

// When the scanner must next look at the ticket: a mark due on one of its
// clocks (domain/clock_watch.h) or its open promise coming due; none for a
// ticket no longer open.
std::optional<absl::Time> NextCheckOf(const Ticket& ticket, const std::vector<WatchedClock>& clocks);

// The clocks of a ticket inserted in this transaction, whose only history is
// its `registered` entry and whose policy DeriveHandling just gave: the same
// clocks RefreshClocks would store, without reading back what cannot exist
// yet (timeline, callbacks, clocks).
absl::Status StartClocks(sql::Connection& conn, org_directory::OrgView& org, const Ticket& ticket,
                         const SlaPolicy& policy, const TicketActivity& registered, absl::Time now,
                         const absl::TimeZone& zone);

// Recomputes and stores the ticket's clocks as they stand at `now`; the
// calendar version is the one in force on the ticket's intake day in `zone`
// (the county's). When the policy or revision the ticket uses moved, the
// ticket's sla_policy and sla_policy_revision are rewritten — its etag
// (version) left as it is.
absl::StatusOr<std::vector<store::ClockRecord>> RefreshClocks(sql::Connection& conn, org_directory::OrgView& org,
                                                              Ticket& ticket, absl::Time now,
                                                              const absl::TimeZone& zone);

}  // namespace huinong::tickets
