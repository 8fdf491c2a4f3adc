// See breaker_metrics.h.
#include "svc-loans/src/api/breaker_metrics.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "common/core/log.h"
#include "common/db/statements.h"
#include "svc-loans/src/domain/loan.h"
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
                                   {"township"})),
      outstanding_(registry.AddGauge("huinong_loans_township_outstanding_yuan",
                                     "The principal outstanding on a township's active loans, in yuan.",
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
  std::vector<std::pair<std::string, int64_t>> outstanding;
  const absl::Status read = pool_.Read([&](sql::Connection& conn) -> absl::Status {
    rows.clear();
    outstanding.clear();
    db::Statement q = db::Prepare(conn, "SELECT township_id, state, npl_numerator, npl_denominator FROM township_lending");
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      rows.push_back({rs->getString("township_id"), {rs->getInt64("npl_numerator"), rs->getInt64("npl_denominator")},
                      rs->getInt("state")});
    }
    db::Statement sums = db::Prepare(conn,
        "SELECT township_id, SUM(outstanding_principal_fen) AS fen FROM loans WHERE status = ? GROUP BY township_id");
    sums->setInt(1, static_cast<int>(LoanStatus::kActive));
    std::unique_ptr<sql::ResultSet> sum(sums->executeQuery());
    while (sum->next()) outstanding.emplace_back(sum->getString("township_id"), sum->getInt64("fen"));
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
  absl::MutexLock lock(&mu_);
  for (auto& [township, series] : outstanding_shown_) series = 0;
  for (const auto& [township, fen] : outstanding) outstanding_shown_[township] = fen;
  for (const auto& [township, fen] : outstanding_shown_) {
    outstanding_.WithLabels({township}).Set(static_cast<double>(fen) / 100.0);
  }
}

}  // namespace huinong::loans
