// A township's circuit breaker as recorded (issue 11 item 5): the pure
// breaker of township_breaker.h with what the API shows and the audit
// trail needs — the last measurement and the policy it was judged by, the
// current suspension, the current or last rectification plan, and the
// history of its states. Pure
// data; the rules stay in township_breaker.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/township_breaker.h"

namespace huinong::loans {

// The plan the county centre or the township department files with the
// bank and the insurer (000:1535 "提出整改方案"), and the county's answer.
struct RectificationPlan {
  std::string findings;
  std::string measures;  // required
  std::vector<std::string> investigators;
  std::optional<absl::CivilDay> target_date;
  std::vector<domain::DocumentRef> documents;  // at least one
  std::string filed_by;                        // "staff/{id}"
  absl::Time file_time;
  std::string approved_by;
  std::optional<absl::Time> approve_time;
  std::string approval_comment;
  std::string rejected_by;
  std::optional<absl::Time> reject_time;
  std::string rejection_reason;
};

// A change of the breaker's state, kept so reports can tell the state on
// any past day (report.h BreakerStateAt).
struct BreakerStateChange {
  BreakerState state = BreakerState::kOpen;
  absl::Time at;
};

struct TownshipBreakerRecord {
  std::string township_id;
  std::string county_id;
  TownshipBreaker breaker;
  // The last measurement and what it was judged by.
  NplRatio ratio;
  NplMeasure measure = NplMeasure::kByBalance;
  int threshold_bp = 0;
  std::string policy_id;
  std::optional<absl::Time> measure_time;
  // The current or last suspension.
  std::optional<absl::Time> suspend_time;
  std::optional<NplRatio> suspended_at;
  std::optional<RectificationPlan> plan;
  std::optional<absl::Time> lift_time;
  // Every change of state, oldest first (records written before the
  // history was kept start it at their next change).
  std::vector<BreakerStateChange> history;
  int64_t version = 0;  // 0: never written (an open township no one measured)
  absl::Time update_time;
};

}  // namespace huinong::loans
