// See application_metrics.h.
#include "svc-loans/src/api/application_metrics.h"

#include <map>
#include <string>
#include <utility>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/ascii.h"
#include "absl/time/clock.h"
#include "common/core/log.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"

namespace huinong::loans {
namespace {

std::string StateLabel(int state) {
  return absl::AsciiStrToLower(ApplicationStateName(static_cast<ApplicationState>(state)));
}

}  // namespace

ApplicationMetrics::ApplicationMetrics(metrics::Registry& registry, db::DbPool& pool, const BusinessClock& clock,
                                       absl::Duration refresh)
    : pool_(pool),
      clock_(clock),
      throttle_(clock, refresh),
      applications_(registry.AddGauge("huinong_loans_applications",
                                      "Loan applications standing in each state, per township.",
                                      {"township", "state"})),
      overdue_(registry.AddGauge("huinong_loans_reviews_overdue",
                                 "Surveyed applications past their county review deadline, per county.",
                                 {"county"})),
      step_seconds_(registry.AddHistogram(
          "huinong_loans_application_step_seconds",
          "Time a loan application waited at a workflow step before the step was taken.", {"step"},
          {60, 600, 3600, 4 * 3600, 86400, 2 * 86400, 3 * 86400, 7 * 86400, 14 * 86400, 30 * 86400})) {
  registry.AddCollector([this] { Refresh(); });
}

void ApplicationMetrics::StepTaken(ApplicationState from, bool guarantee_required, absl::Duration waited) {
  const absl::string_view step = StepWaitedFor(from, guarantee_required);
  if (step.empty()) return;
  step_seconds_.WithLabels({std::string(step)}).Observe(absl::ToDoubleSeconds(waited));
}

void ApplicationMetrics::Refresh() {
  if (!throttle_.Due()) return;
  std::map<std::pair<std::string, int>, int64_t> by_state;
  std::map<std::string, int64_t> overdue;
  const absl::Status read = pool_.Read([&](sql::Connection& conn) -> absl::Status {
    db::Statement q = db::Prepare(conn, "SELECT township_id, state, COUNT(*) AS n FROM applications GROUP BY 1, 2");
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) by_state[{rs->getString("township_id"), rs->getInt("state")}] = rs->getInt64("n");
    db::Statement o = db::Prepare(conn,
        "SELECT county_id, COUNT(*) AS n FROM applications WHERE state = ? AND review_due <= ? GROUP BY 1");
    o->setInt(1, static_cast<int>(ApplicationState::kSurveyed));
    db::BindTime(*o, 2, clock_.Now());
    std::unique_ptr<sql::ResultSet> ors(o->executeQuery());
    while (ors->next()) overdue[ors->getString("county_id")] = ors->getInt64("n");
    return absl::OkStatus();
  });
  if (!read.ok()) {
    log::Warn("loans application metrics not refreshed", {{"error", std::string(read.message())}});
    return;
  }
  // Series are never removed: a township or county whose count fell to
  // none shows 0 (collectors run one at a time, so the sets need no lock).
  for (const auto& [key, n] : by_state) known_townships_.insert(key.first);
  for (const auto& [county, n] : overdue) known_counties_.insert(county);
  for (const std::string& township : known_townships_) {
    for (int state = static_cast<int>(ApplicationState::kDraft);
         state <= static_cast<int>(ApplicationState::kWithdrawn); ++state) {
      auto it = by_state.find({township, state});
      applications_.WithLabels({township, StateLabel(state)})
          .Set(it == by_state.end() ? 0 : static_cast<double>(it->second));
    }
  }
  for (const std::string& county : known_counties_) {
    auto it = overdue.find(county);
    overdue_.WithLabels({county}).Set(it == overdue.end() ? 0 : static_cast<double>(it->second));
  }
}

}  // namespace huinong::loans
