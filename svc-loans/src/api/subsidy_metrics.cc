// See subsidy_metrics.h.
#include "svc-loans/src/api/subsidy_metrics.h"

#include <map>
#include <string>

#include "common/core/log.h"
#include "svc-loans/src/domain/subsidy_claim.h"
#include "svc-loans/src/store/subsidy_store.h"

namespace huinong::loans {

SubsidyMetrics::SubsidyMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
                               absl::Duration refresh)
    : pool_(pool),
      throttle_(clock, refresh),
      claims_(registry.AddGauge("huinong_loans_subsidy_claims", "Interest-subsidy claims in each state.",
                                {"state"})) {
  registry.AddCollector([this] { Refresh(); });
}

void SubsidyMetrics::Refresh() {
  if (!throttle_.Due()) return;
  std::vector<std::pair<int, int64_t>> counts;
  const absl::Status read = pool_.Read([&](sql::Connection& conn) -> absl::Status {
    absl::StatusOr<std::vector<std::pair<int, int64_t>>> rows = store::CountSubsidyClaimsByState(conn);
    if (!rows.ok()) return rows.status();
    counts = *std::move(rows);
    return absl::OkStatus();
  });
  if (!read.ok()) {
    log::Warn("loans subsidy metrics not refreshed", {{"error", std::string(read.message())}});
    return;
  }
  std::map<int, int64_t> by_state;
  for (const auto& [state, n] : counts) by_state[state] = n;
  // Every state has a series, so a state emptied shows 0 rather than its last count.
  for (SubsidyClaimState s : SubsidyClaimFlow().States()) {
    claims_.WithLabels({std::string(SubsidyClaimStateName(s))}).Set(static_cast<double>(by_state[static_cast<int>(s)]));
  }
}

}  // namespace huinong::loans
