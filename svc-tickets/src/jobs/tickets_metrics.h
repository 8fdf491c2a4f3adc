// svc-tickets as dashboards see it (issue 12 item 10):
//   huinong_tickets_open{priority,sla_state}       gauge, open tickets by
//                     priority and their worst clock (ok, at_risk, breached:
//                     a running clock the scanner marked)
//   huinong_tickets_sla_at_risk_total{clock,priority}   counter, clocks
//                     this replica's scanner marked at risk
//   huinong_tickets_sla_breaches_total{clock,priority}  counter, clocks it
//                     marked breached
//   huinong_tickets_escalations_total{by="scanner"}     counter, tickets it
//                     escalated on a breach
//   huinong_tickets_scanner_lag_seconds            gauge, how long the
//                     oldest due check has waited (0: none waiting)
//   huinong_tickets_scanner_pass_tickets           histogram, tickets per pass
//   huinong_tickets_scanner_failures_total         counter, tickets whose scan
//                     failed (each checked again five minutes later)
//   huinong_tickets_unit_path_rewrites_total       counter, rows whose stored
//                     unit path this replica rewrote after a unit moved in
//                     svc-org (jobs/unit_path_sync.h)
// The gauges are read from the database at scrape time (at most once per
// `refresh`), so every replica shows the same figures whichever scanned;
// the counters are this replica's scanner.
#pragma once

#include <cstdint>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "common/db/pool.h"
#include "common/metrics/registry.h"
#include "svc-tickets/src/domain/sla_clock.h"

namespace huinong::tickets {

class TicketsMetrics {
 public:
  TicketsMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
                 absl::Duration refresh = absl::Seconds(15));

  void ObserveMark(ClockKind clock, Priority priority, bool breached);
  void ObserveEscalation();
  void ObservePass(int tickets);
  void ObserveFailure();
  void ObservePathRewrites(int64_t rows);

 private:
  void Refresh();

  db::DbPool& pool_;
  const BusinessClock& clock_;
  const absl::Duration refresh_;
  metrics::GaugeFamily& open_;
  metrics::CounterFamily& at_risk_;
  metrics::CounterFamily& breaches_;
  metrics::CounterFamily& escalations_;
  metrics::GaugeFamily& lag_;
  metrics::HistogramFamily& pass_tickets_;
  metrics::CounterFamily& failures_;
  metrics::CounterFamily& path_rewrites_;
  absl::Mutex mu_;
  absl::Time last_refresh_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace huinong::tickets
