// The township circuit breaker as dashboards see it (issue 11 items 5, 10):
//   huinong_loans_township_npl_ratio{township}  gauge, the non-performing
//                                               ratio at the township's last
//                                               measurement (0.03 = 3%; by
//                                               balance or by count, as the
//                                               county policy measures it)
//   huinong_loans_township_suspended{township}  gauge, 1 while the township
//                                               may not lend (SUSPENDED or
//                                               RECTIFYING), 0 while it lends
//   huinong_loans_township_outstanding_yuan{township}
//                                               gauge, the principal
//                                               outstanding on the township's
//                                               ACTIVE loans now (yuan)
// Read at scrape time — township_lending (one small table scan) and the
// ACTIVE loans' outstanding by township (the covering index loans_outstanding
// of migration 0015, no row reads) — at most once per `refresh` however
// often Prometheus scrapes, so every replica shows what the database holds,
// whoever measured or repaid.
#pragma once

#include <cstdint>
#include <map>
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
  metrics::GaugeFamily& outstanding_;
  absl::Mutex mu_;
  // Fen outstanding per township as last shown, so a township whose last
  // loan was repaid shows 0 rather than its old figure.
  std::map<std::string, int64_t> outstanding_shown_ ABSL_GUARDED_BY(mu_);
};

}  // namespace huinong::loans
