// A ticket's SLA clocks brought up to date in the caller's transaction:
// computed from the ticket's timeline (state changes, contacts, on-site
// arrival, manager notice, callback attempts), the SLA policy it uses and
// svc-org's work calendar of its resolver unit on the day it was taken;
// the scanner's marks carried over; the next check written to the
// scanner's index (domain/clock_watch.h). Every change of a ticket calls
// it after its own writes, and the scanner before it marks.
#pragma once

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

// The policy a ticket uses (the seeds' defaults for its type and priority
// until configured policies exist).
SlaPolicy PolicyFor(const Ticket& ticket);

// Recomputes and stores the ticket's clocks as they stand at `now`; the
// calendar version is the one in force on the ticket's intake day in `zone`
// (the county's).
absl::StatusOr<std::vector<store::ClockRecord>> RefreshClocks(sql::Connection& conn, org_directory::OrgView& org,
                                                              const Ticket& ticket, absl::Time now,
                                                              const absl::TimeZone& zone);

}  // namespace huinong::tickets
