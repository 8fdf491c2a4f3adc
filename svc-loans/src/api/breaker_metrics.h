// The township circuit breaker as dashboards see it (issue 11 items 5, 10):
//   huinong_loans_township_npl_ratio{township}  gauge, the non-performing
//                                               ratio at the township's last
//                                               measurement (0.03 = 3%; by
//                                               balance or by count, as the
//                                               county policy measures it)
//   huinong_loans_township_suspended{township}  gauge, 1 while the township
//                                               may not lend (SUSPENDED or
//                                               RECTIFYING), 0 while it lends
// Read from township_lending at scrape time (one small table scan, at most
// once per `refresh` however often Prometheus scrapes), so every replica
// shows what the database holds, whoever measured.
#pragma once

#include <set>
#include <string>

#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "common/db/pool.h"
#include "common/metrics/registry.h"
#include "svc-loans/src/api/scrape_throttle.h"

namespace huinong::loans {

class BreakerMetrics {
 public:
  BreakerMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
                 absl::Duration refresh = absl::Seconds(15));

 private:
  void Refresh();

  db::DbPool& pool_;
  ScrapeThrottle throttle_;
  metrics::GaugeFamily& ratio_;
  metrics::GaugeFamily& suspended_;
};

}  // namespace huinong::loans
