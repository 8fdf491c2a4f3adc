// See tickets_metrics.h.
#include "svc-tickets/src/jobs/tickets_metrics.h"

#include <string>

#include "absl/strings/ascii.h"
#include "common/core/log.h"
#include "common/core/status_macros.h"
#include "svc-tickets/src/store/clock_store.h"

namespace huinong::tickets {
namespace {

std::string Label(ClockKind kind) { return absl::AsciiStrToLower(ClockKindName(kind)); }

}  // namespace

TicketsMetrics::TicketsMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
                               absl::Duration refresh)
    : pool_(pool),
      clock_(clock),
      refresh_(refresh),
      open_(registry.AddGauge("huinong_tickets_open",
                              "Open tickets by priority and worst clock (ok, at_risk, breached).",
                              {"priority", "sla_state"})),
      at_risk_(registry.AddCounter("huinong_tickets_sla_at_risk_total",
                                   "SLA clocks this replica's scanner marked at risk.", {"clock", "priority"})),
      breaches_(registry.AddCounter("huinong_tickets_sla_breaches_total",
                                    "SLA clocks this replica's scanner marked breached.", {"clock", "priority"})),
      escalations_(registry.AddCounter("huinong_tickets_escalations_total",
                                       "Tickets escalated on an SLA breach by this replica's scanner.", {"by"})),
      lag_(registry.AddGauge("huinong_tickets_scanner_lag_seconds",
                             "How long the oldest due SLA check has waited for the scanner (0: none).", {})),
      pass_tickets_(registry.AddHistogram("huinong_tickets_scanner_pass_tickets",
                                          "Tickets looked at per scanner pass.", {},
                                          {0, 1, 10, 50, 100, 200, 500})),
      failures_(registry.AddCounter("huinong_tickets_scanner_failures_total",
                                    "Tickets whose SLA scan failed (each checked again five minutes later).", {})),
      path_rewrites_(registry.AddCounter(
          "huinong_tickets_unit_path_rewrites_total",
          "Rows whose stored unit path this replica rewrote after a unit moved in svc-org.", {})) {
  failures_.WithLabels({});
  path_rewrites_.WithLabels({});
  registry.AddCollector([this] { Refresh(); });
}

void TicketsMetrics::ObserveMark(ClockKind clock, Priority priority, bool breached) {
  (breached ? breaches_ : at_risk_).WithLabels({Label(clock), std::string(PriorityName(priority))}).Inc(1);
}

void TicketsMetrics::ObserveEscalation() { escalations_.WithLabels({"scanner"}).Inc(1); }

void TicketsMetrics::ObservePass(int tickets) { pass_tickets_.WithLabels({}).Observe(tickets); }

void TicketsMetrics::ObserveFailure() { failures_.WithLabels({}).Inc(1); }

void TicketsMetrics::ObservePathRewrites(int64_t rows) {
  if (rows > 0) path_rewrites_.WithLabels({}).Inc(static_cast<double>(rows));
}

void TicketsMetrics::Refresh() {
  {
    absl::MutexLock lock(&mu_);
    const absl::Time now = clock_.Now();
    if (now - last_refresh_ < refresh_) return;
    last_refresh_ = now;
  }
  std::vector<store::OpenCount> counts;
  std::optional<absl::Time> oldest;
  const absl::Status read = pool_.Read([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(counts, store::CountOpenTickets(conn));
    ASSIGN_OR_RETURN(oldest, store::OldestDueCheck(conn, clock_.Now()));
    return absl::OkStatus();
  });
  if (!read.ok()) {
    log::Warn("tickets metrics not refreshed", {{"error", std::string(read.message())}});
    return;
  }
  for (Priority p : {Priority::kP1, Priority::kP2, Priority::kP3, Priority::kP4}) {
    for (const char* state : {"ok", "at_risk", "breached"}) {
      double n = 0;
      for (const store::OpenCount& c : counts) {
        if (c.priority == p && c.sla_state == state) n = static_cast<double>(c.count);
      }
      open_.WithLabels({std::string(PriorityName(p)), state}).Set(n);
    }
  }
  lag_.WithLabels({}).Set(oldest ? absl::ToDoubleSeconds(clock_.Now() - *oldest) : 0.0);
}

}  // namespace huinong::tickets
