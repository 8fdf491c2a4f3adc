// See fund_metrics.h.
#include "svc-loans/src/api/fund_metrics.h"

#include <string>
#include <vector>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "common/core/log.h"
#include "common/db/statements.h"
#include "svc-loans/src/domain/compensation_claim.h"
#include "svc-loans/src/store/fund_store.h"

namespace huinong::loans {

FundMetrics::FundMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
                         absl::Duration refresh)
    : pool_(pool),
      throttle_(clock, refresh),
      balance_(registry.AddGauge("huinong_loans_risk_fund_balance_yuan",
                                 "The balance of a county's risk compensation fund, in yuan.", {"county"})),
      claims_(registry.AddGauge("huinong_loans_compensation_claims",
                                "Compensation claims on a county's risk fund, by state.", {"county", "state"})) {
  registry.AddCollector([this] { Refresh(); });
}

void FundMetrics::Refresh() {
  if (!throttle_.Due()) return;
  std::vector<std::pair<std::string, int64_t>> balances;
  std::vector<store::ClaimCount> counts;
  const absl::Status read = pool_.Read([&](sql::Connection& conn) -> absl::Status {
    db::Statement q = db::Prepare(conn, "SELECT county_id, balance_fen FROM risk_funds");
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) balances.emplace_back(rs->getString("county_id"), rs->getInt64("balance_fen"));
    absl::StatusOr<std::vector<store::ClaimCount>> c = store::CountClaims(conn);
    if (!c.ok()) return c.status();
    counts = *std::move(c);
    return absl::OkStatus();
  });
  if (!read.ok()) {
    log::Warn("loans fund metrics not refreshed", {{"error", std::string(read.message())}});
    return;
  }
  for (const auto& [county, fen] : balances) balance_.WithLabels({county}).Set(static_cast<double>(fen) / 100.0);
  // Every state of every county with a fund or a claim, so a state emptied
  // since the last scrape reads 0 rather than its old count.
  std::vector<std::string> counties;
  for (const auto& [county, fen] : balances) counties.push_back(county);
  for (const store::ClaimCount& c : counts) counties.push_back(c.county_id);
  for (const std::string& county : counties) {
    for (ClaimState s : ClaimFlow().States()) {
      int64_t n = 0;
      for (const store::ClaimCount& c : counts) {
        if (c.county_id == county && c.state == static_cast<int>(s)) n = c.count;
      }
      claims_.WithLabels({county, std::string(ClaimStateName(s))}).Set(static_cast<double>(n));
    }
  }
}

}  // namespace huinong::loans
