// The application workflow as dashboards see it (issue 10, item 12):
//   huinong_loans_applications{township,state}   gauge, applications standing
//                                                 in each state per township
//   huinong_loans_reviews_overdue{county}        gauge, SURVEYED applications
//                                                 past their review deadline
//   huinong_loans_application_step_seconds{step} histogram, time an
//                                                 application waited for a step
//                                                 (survey, county_review, …)
//                                                 before it was taken
// The gauges are counted from the database at scrape time (one index-only
// GROUP BY each, at most once per `refresh` however often Prometheus
// scrapes); the histogram is observed after each step's commit, never for a
// rolled-back or replayed call.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "common/db/pool.h"
#include "common/metrics/registry.h"
#include "svc-loans/src/api/scrape_throttle.h"
#include "svc-loans/src/domain/application.h"

namespace huinong::loans {

class ApplicationMetrics {
 public:
  ApplicationMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
                     absl::Duration refresh = absl::Seconds(15));

  // After the commit of a step taken on an application that waited
  // `waited` in `from` (labelled with the step it waited for).
  void StepTaken(ApplicationState from, bool guarantee_required, absl::Duration waited);

 private:
  void Refresh();

  db::DbPool& pool_;
  const BusinessClock& clock_;
  ScrapeThrottle throttle_;
  metrics::GaugeFamily& applications_;
  metrics::GaugeFamily& overdue_;
  metrics::HistogramFamily& step_seconds_;
  std::set<std::string> known_townships_;
  std::set<std::string> known_counties_;
};

}  // namespace huinong::loans
