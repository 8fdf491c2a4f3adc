// What every handler class of svc-tickets shares, so the four services act
// as one: one handler kit (pool, gate, business clock, the service's
// identity in audit events), one view of svc-org (capabilities, the unit
// tree, the work calendar, the holders an escalation goes to; cached, see
// common/org_directory/org_view.h), and the audit recorder every change of
// a ticket uses (contact data masked), the metrics, and the background jobs
// main.cc schedules and tests run pass by pass: the SLA scanner and the
// unit-path sync.
//
// TicketsHandlers is the base of each handler class.
#pragma once

#include <memory>

#include "common/core/business_clock.h"
#include "common/db/pool.h"
#include "common/org_directory/org_view.h"
#include "common/server/call_gate.h"
#include "common/server/handler_kit.h"
#include "huinong/tickets/v1/ticket.pb.h"
#include "svc-tickets/src/app/ticket_change.h"
#include "svc-tickets/src/app/tickets_identity.h"
#include "svc-tickets/src/jobs/sla_scanner.h"
#include "svc-tickets/src/jobs/unit_path_sync.h"
#include "svc-tickets/src/jobs/tickets_metrics.h"

namespace huinong::tickets {

// The audit event of a ticket's change: the ticket before and after, its
// phone and ID number masked, under its intake unit.
TicketRecorder TicketAuditRecorder(absl::TimeZone zone);
// The audit event of the scanner's mark on a clock ("sla_clock").
ClockMarkRecorder ClockMarkAuditRecorder();

struct TicketsKit {
  TicketsKit(db::DbPool& pool, const server::CallGate& gate, std::shared_ptr<const BusinessClock> clock,
             std::shared_ptr<OrgView> org_view, metrics::Registry& registry, ScannerSettings scanner_settings = {})
      : kit(pool, gate, clock, TicketsIdentity()),
        org(std::move(org_view)),
        record(TicketAuditRecorder(kit.clock().zone())),
        desk{*org, record, kit.clock().zone()},
        metrics(registry, pool, kit.clock()),
        scanner(std::make_shared<SlaScanner>(pool, std::move(clock), org, record, ClockMarkAuditRecorder(), &metrics,
                                             std::move(scanner_settings))),
        path_sync(std::make_shared<UnitPathSync>(pool, org, &metrics)) {}

  const server::HandlerKit kit;
  const std::shared_ptr<OrgView> org;
  const TicketRecorder record;
  const TicketDesk desk;
  TicketsMetrics metrics;
  const std::shared_ptr<SlaScanner> scanner;
  const std::shared_ptr<UnitPathSync> path_sync;
};

class TicketsHandlers {
 protected:
  explicit TicketsHandlers(std::shared_ptr<TicketsKit> tickets)
      : tickets_(std::move(tickets)), kit_(tickets_->kit), org_(*tickets_->org), desk_(tickets_->desk) {}

  // The ticket as `caller` sees it: phone and ID number whole only for a
  // holder of tickets.agent for its intake or resolver unit
  // (SeesPersonalDataWhole).
  absl::StatusOr<v1::Ticket> Shown(const auth::Principal& caller, const Ticket& t) const;

  std::shared_ptr<TicketsKit> tickets_;
  const server::HandlerKit& kit_;
  OrgView& org_;
  const TicketDesk& desk_;
};

}  // namespace huinong::tickets
