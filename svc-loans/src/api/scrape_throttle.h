// How often svc-loans' scrape-time metrics read the database: at most once
// per `every` of the business clock however often Prometheus scrapes (every
// replica reads what the database holds, whoever changed it, without each
// scrape costing a query). Shared by the applications', breaker's,
// subsidy claims' and risk fund's metrics. Thread-safe; header only.
#pragma once

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/core/business_clock.h"

namespace huinong::loans {

class ScrapeThrottle {
 public:
  ScrapeThrottle(const BusinessClock& clock, absl::Duration every) : clock_(clock), every_(every) {}

  // True for the first caller of each period (that caller refreshes), false
  // for the others.
  bool Due() {
    absl::MutexLock lock(&mu_);
    const absl::Time now = clock_.Now();
    if (now - last_ < every_) return false;
    last_ = now;
    return true;
  }

 private:
  const BusinessClock& clock_;
  const absl::Duration every_;
  absl::Mutex mu_;
  absl::Time last_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace huinong::loans
