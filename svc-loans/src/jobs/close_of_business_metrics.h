// The close-of-business job as dashboards see it (issue 11 items 1, 10):
//   huinong_loans_cob_last_closed_date_seconds{county}  gauge, the start
//                        (00:00 in the county's time zone, Unix seconds) of
//                        the county's last closed business date
//   huinong_loans_cob_lag_seconds{county}               gauge, the days from
//                        that date to yesterday in seconds (0: up to date;
//                        86400 a day behind; -1: never closed)
//   huinong_loans_cob_running{county}                   gauge, 1 while a
//                        replica holds the county's lease
//   huinong_loans_cob_loans_processed_total{county}     counter, loans this
//                        replica's runs processed (each date counts its loans)
//   huinong_loans_cob_run_seconds{county}               histogram, how long
//                        this replica's runs took
// The gauges are read from close_of_business at scrape time (one row per
// county, at most once per `refresh`), so every replica shows what the
// database holds, whichever replica ran; the counter and histogram are this
// replica's runs.
#pragma once

#include <string>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "common/db/pool.h"
#include "common/metrics/registry.h"

namespace huinong::loans {

class CobMetrics {
 public:
  CobMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
             absl::Duration refresh = absl::Seconds(15));

  void ObserveRun(const std::string& county_id, int64_t loans, absl::Duration elapsed);

 private:
  void Refresh();

  db::DbPool& pool_;
  const BusinessClock& clock_;
  const absl::Duration refresh_;
  metrics::GaugeFamily& last_closed_;
  metrics::GaugeFamily& lag_;
  metrics::GaugeFamily& running_;
  metrics::CounterFamily& loans_;
  metrics::HistogramFamily& run_seconds_;
  absl::Mutex mu_;
  absl::Time last_refresh_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace huinong::loans
