// See breaker_metrics.h.
#include "svc-loans/src/api/breaker_metrics.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "common/core/log.h"
#include "common/db/statements.h"
#include "svc-loans/src/domain/township_breaker.h"

namespace huinong::loans {

BreakerMetrics::BreakerMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
                               absl::Duration refresh)
    : pool_(pool),
      throttle_(clock, refresh),
      ratio_(registry.AddGauge("huinong_loans_township_npl_ratio",
                               "A township's non-performing loan ratio at its last measurement (0.03 is 3%).",
                               {"township"})),
      suspended_(registry.AddGauge("huinong_loans_township_suspended",
                                   "1 while the township circuit breaker suspends lending in a township, else 0.",
                                   {"township"})) {
  registry.AddCollector([this] { Refresh(); });
}

void BreakerMetrics::Refresh() {
  if (!throttle_.Due()) return;
  struct Row {
    std::string township;
    NplRatio ratio;
    int state = 0;
  };
  std::vector<Row> rows;
  const absl::Status read = pool_.Read([&](sql::Connection& conn) -> absl::Status {
    db::Statement q = db::Prepare(conn, "SELECT township_id, state, npl_numerator, npl_denominator FROM township_lending");
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      rows.push_back({rs->getString("township_id"), {rs->getInt64("npl_numerator"), rs->getInt64("npl_denominator")},
                      rs->getInt("state")});
    }
    return absl::OkStatus();
  });
  if (!read.ok()) {
    log::Warn("loans breaker metrics not refreshed", {{"error", std::string(read.message())}});
    return;
  }
  // Rows are never deleted, so every township once written keeps its series.
  for (const Row& r : rows) {
    const double ratio = r.ratio.outstanding > 0
                             ? static_cast<double>(r.ratio.non_performing) / static_cast<double>(r.ratio.outstanding)
                             : 0.0;
    ratio_.WithLabels({r.township}).Set(ratio);
    const bool lends = LendingStatusOf(static_cast<BreakerState>(r.state)) == LendingStatus::kOpen;
    suspended_.WithLabels({r.township}).Set(lends ? 0 : 1);
  }
}

}  // namespace huinong::loans
