// See close_of_business_metrics.h.
#include "svc-loans/src/jobs/close_of_business_metrics.h"

#include "common/core/log.h"
#include "common/core/status_macros.h"
#include "svc-loans/src/domain/close_of_business.h"
#include "svc-loans/src/store/close_of_business_store.h"

namespace huinong::loans {

CobMetrics::CobMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
                       absl::Duration refresh)
    : pool_(pool),
      clock_(clock),
      refresh_(refresh),
      last_closed_(registry.AddGauge("huinong_loans_cob_last_closed_date_seconds",
                                     "Start (county time, Unix seconds) of the county's last closed business date.",
                                     {"county"})),
      lag_(registry.AddGauge("huinong_loans_cob_lag_seconds",
                             "How far the county's last closed business date is behind yesterday, in seconds of"
                             " whole days (-1: never closed).",
                             {"county"})),
      running_(registry.AddGauge("huinong_loans_cob_running",
                                 "1 while a replica holds the county's close-of-business lease, else 0.",
                                 {"county"})),
      loans_(registry.AddCounter("huinong_loans_cob_loans_processed_total",
                                 "Loans processed by this replica's close-of-business runs (per date closed).",
                                 {"county"})),
      run_seconds_(registry.AddHistogram("huinong_loans_cob_run_seconds",
                                         "Duration of this replica's close-of-business runs.", {"county"},
                                         {0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600})) {
  registry.AddCollector([this] { Refresh(); });
}

void CobMetrics::ObserveRun(const std::string& county_id, int64_t loans, absl::Duration elapsed) {
  loans_.WithLabels({county_id}).Inc(static_cast<double>(loans));
  run_seconds_.WithLabels({county_id}).Observe(absl::ToDoubleSeconds(elapsed));
}

void CobMetrics::Refresh() {
  {
    absl::MutexLock lock(&mu_);
    const absl::Time now = clock_.Now();
    if (now - last_refresh_ < refresh_) return;
    last_refresh_ = now;
  }
  std::vector<store::CobProgress> rows;
  const absl::Status read = pool_.Read([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(rows, store::ListProgress(conn));
    return absl::OkStatus();
  });
  if (!read.ok()) {
    log::Warn("loans close-of-business metrics not refreshed", {{"error", std::string(read.message())}});
    return;
  }
  const absl::CivilDay today = clock_.Today();
  for (const store::CobProgress& p : rows) {
    if (p.last_closed_date) {
      last_closed_.WithLabels({p.county_id}).Set(absl::ToDoubleSeconds(clock_.StartOf(*p.last_closed_date) -
                                                                       absl::UnixEpoch()));
    }
    const int64_t lag_days = LagDays(p.last_closed_date, today);
    lag_.WithLabels({p.county_id}).Set(lag_days < 0 ? -1.0 : static_cast<double>(lag_days) * 86'400.0);
    running_.WithLabels({p.county_id}).Set(p.lease_live ? 1 : 0);
  }
}

}  // namespace huinong::loans
