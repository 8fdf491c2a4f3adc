// At most one refresh per period, however often Prometheus scrapes: the
// metrics of svc-loans that read the database at scrape time
// (breaker_metrics.h, fund_metrics.h) ask Due() first, so a burst of scrapes
// costs one read. Thread-safe.
#pragma once

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/core/business_clock.h"

namespace huinong::loans {

class ScrapeThrottle {
 public:
  ScrapeThrottle(const BusinessClock& clock, absl::Duration period) : clock_(clock), period_(period) {}

  // True at most once per period (the first call always).
  bool Due() {
    absl::MutexLock lock(&mu_);
    const absl::Time now = clock_.Now();
    if (now - last_ < period_) return false;
    last_ = now;
    return true;
  }

 private:
  const BusinessClock& clock_;
  const absl::Duration period_;
  absl::Mutex mu_;
  absl::Time last_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace huinong::loans
