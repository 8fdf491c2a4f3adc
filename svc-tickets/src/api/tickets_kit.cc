// See tickets_kit.h.
#include "svc-tickets/src/api/tickets_kit.h"

#include "common/core/status_macros.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/api/ticket_mapping.h"
#include "svc-tickets/src/app/ticket_access.h"

namespace huinong::tickets {

TicketRecorder TicketAuditRecorder(absl::TimeZone zone) {
  return [zone](server::Mutation& m, const std::optional<Ticket>& before, const Ticket& after) -> absl::Status {
    const v1::Ticket shown_after = TicketProto(after, zone, false);
    std::optional<v1::Ticket> shown_before;
    if (before) shown_before = TicketProto(*before, zone, false);
    return m.Record({"ticket", shown_after.name(), rpc::FormatName("units", after.intake_unit),
                     shown_before ? &*shown_before : nullptr, &shown_after});
  };
}

ClockMarkRecorder ClockMarkAuditRecorder() {
  return [](server::Mutation& m, const Ticket& t, const store::ClockRecord& clock) -> absl::Status {
    const v1::SlaClock shown = ClockProto(t.id, clock);
    return m.Record({"sla_clock", shown.name(), rpc::FormatName("units", t.intake_unit), nullptr, &shown});
  };
}

absl::StatusOr<v1::Ticket> TicketsHandlers::Shown(const auth::Principal& caller, const Ticket& t) const {
  ASSIGN_OR_RETURN(const bool whole, SeesPersonalDataWhole(org_, caller, {t.intake_unit, t.people.resolver_unit},
                                                           kit_.clock().Today()));
  return TicketProto(t, kit_.clock().zone(), whole);
}

}  // namespace huinong::tickets
