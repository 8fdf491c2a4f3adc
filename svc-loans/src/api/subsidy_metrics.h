// Interest-subsidy claims as dashboards see them (issue 11 items 6, 10):
//   huinong_loans_subsidy_claims{state}  gauge, the number of claims in each
//                                        state (SUBMITTED, CHECKED,
//                                        IN_NOTICE, PAID, CLAWED_BACK,
//                                        REJECTED; 0 for a state with none)
// Read from subsidy_claims at scrape time (one GROUP BY on the state index,
// at most once per `refresh` however often Prometheus scrapes), so every
// replica shows what the database holds, whoever changed it.
#pragma once

#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "common/db/pool.h"
#include "common/metrics/registry.h"
#include "svc-loans/src/api/scrape_throttle.h"

namespace huinong::loans {

class SubsidyMetrics {
 public:
  SubsidyMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
                 absl::Duration refresh = absl::Seconds(15));

 private:
  void Refresh();

  db::DbPool& pool_;
  ScrapeThrottle throttle_;
  metrics::GaugeFamily& claims_;
};

}  // namespace huinong::loans
