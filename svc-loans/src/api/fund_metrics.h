// The risk compensation fund as dashboards see it (issue 11 items 7, 10):
//   huinong_loans_risk_fund_balance_yuan{county}          gauge, the fund's
//                                                         balance
//   huinong_loans_compensation_claims{county,state}       gauge, claims in
//                                                         each state
// Read from risk_funds and compensation_claims at scrape time (at most once
// per `refresh` however often Prometheus scrapes), so every replica shows
// what the database holds.
#pragma once

#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "common/db/pool.h"
#include "common/metrics/registry.h"
#include "svc-loans/src/api/scrape_throttle.h"

namespace huinong::loans {

class FundMetrics {
 public:
  FundMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
              absl::Duration refresh = absl::Seconds(15));

 private:
  void Refresh();

  db::DbPool& pool_;
  ScrapeThrottle throttle_;
  metrics::GaugeFamily& balance_;
  metrics::GaugeFamily& claims_;
};

}  // namespace huinong::loans
