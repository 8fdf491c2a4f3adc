// The township circuit breaker (issue 11 item 5; 000:1535 "当乡镇贷款不良率
// 达到3%时,暂停该乡镇贷款业务 … 提出整改方案"): a township's NPL ratio, the
// integer comparison with the county's threshold, and the breaker's
// lifecycle as one table. Pure; what the lending steps ask stays
// CheckTownshipMayLend (township_guard.h), fed by LendingStatusOf.
//
// Ratio. Non-performing ÷ outstanding, by principal balance in fen or, when
// the policy's npl_measure says so, by number of loans; loans with nothing
// outstanding are left out of both. Compared exactly, never rounded:
// non_performing × 10000 ≥ threshold_bp × outstanding, so exactly 3.00%
// trips (3 fen of 100, 300,000 of 10,000,000) and 299,999 of 10,000,000
// does not. Nothing outstanding is a ratio of 0.
//
// Lifecycle (BreakerLifecycle, every state × every event tested):
//   OPEN        --TRIP-->                 SUSPENDED
//   SUSPENDED   --TRIP-->                 SUSPENDED   (a new measurement changes nothing)
//   SUSPENDED   --FILE_PLAN-->            RECTIFYING  (the county centre or township department)
//   RECTIFYING  --TRIP-->                 RECTIFYING  (the plan under review already answers it)
//   RECTIFYING  --REJECT_PLAN-->          SUSPENDED   (the county sends it back; a new plan is filed)
//   RECTIFYING  --APPROVE_RECTIFICATION--> OPEN       (the county lifts the suspension)
// Everything else is INVALID_TRANSITION (no plan on an open township, no
// approval without a plan). SUSPENDED and RECTIFYING both refuse lending.
//
// Re-trip after a lift. The county approves a rectification knowing the
// township's ratio at that moment, which may still be ≥ 3% (bad loans are
// not cured by a plan). Lifting records that ratio as the TOLERATED ratio;
// while one is recorded, a measurement trips only when the ratio is HIGHER
// than it (compared exactly), and a lower measurement lowers it (the
// township must not slide back). Once a measurement falls below the
// threshold the tolerance is dropped and the plain ≥ threshold rule
// applies again. So the day after a lift an unchanged 3.4% does not
// re-suspend the township, a rise to 3.5% does, and a township that got
// down to 2% and climbs back to 3% trips as any other.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/domain/state_table.h"
#include "svc-loans/src/domain/classification.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/township_guard.h"

namespace huinong::loans {

// Loans of the township as the ratio sees them: one loan, or `loans`
// loans of one class whose outstanding principal sums to
// `outstanding_principal_fen` (the store sums them by class).
struct LoanExposure {
  int64_t outstanding_principal_fen = 0;
  LoanClass loan_class = LoanClass::kNormal;
  int64_t loans = 1;
};

// Non-performing over outstanding, in fen or in loans (see NplMeasure).
struct NplRatio {
  int64_t non_performing = 0;
  int64_t outstanding = 0;
};

NplRatio TownshipNplRatio(const std::vector<LoanExposure>& loans, NplMeasure measure);

// non_performing × 10000 ≥ threshold_bp × outstanding, exactly; false when
// nothing is outstanding.
bool ReachesThreshold(const NplRatio& ratio, int threshold_bp);

// a > b as fractions, exactly (a ratio with nothing outstanding is 0).
bool HigherThan(const NplRatio& a, const NplRatio& b);

// The ratio in basis points rounded down (3.00% → 300, 2.99999% → 299),
// for metrics and reports; never for the decision.
int64_t RatioBasisPointsFloor(const NplRatio& ratio);

enum class BreakerState { kOpen = 1, kSuspended = 2, kRectifying = 3 };
enum class BreakerEvent { kTrip = 1, kFilePlan = 2, kRejectPlan = 3, kApproveRectification = 4 };

absl::string_view BreakerStateName(BreakerState state);
absl::string_view BreakerEventName(BreakerEvent event);

const domain::StateTable<BreakerState, BreakerEvent>& BreakerLifecycle();

// What lending steps see: OPEN lends, SUSPENDED and RECTIFYING do not.
LendingStatus LendingStatusOf(BreakerState state);

// A township's breaker as recorded.
struct TownshipBreaker {
  BreakerState state = BreakerState::kOpen;
  // Set by a lift (the ratio then); see "Re-trip after a lift" above.
  std::optional<NplRatio> tolerated_ratio;
};

// What a new measurement of the ratio does to the breaker.
struct BreakerMeasurement {
  TownshipBreaker after;
  bool tripped = false;  // OPEN → SUSPENDED now: audit it
};

// Whether this measurement trips an OPEN township (the rule above, with
// the tolerance).
bool MeasurementTrips(const TownshipBreaker& breaker, const NplRatio& ratio, int threshold_bp);

// Applies a measurement: an OPEN township that MeasurementTrips goes
// SUSPENDED; otherwise only the tolerance moves (lowered, or dropped below
// the threshold). Measurements while SUSPENDED or RECTIFYING change nothing
// (TRIP rows to themselves).
BreakerMeasurement Measure(const TownshipBreaker& breaker, const NplRatio& ratio, int threshold_bp);

// FILE_PLAN, REJECT_PLAN through the table (INVALID_TRANSITION otherwise).
absl::StatusOr<TownshipBreaker> FileRectificationPlan(const TownshipBreaker& breaker);
absl::StatusOr<TownshipBreaker> RejectRectificationPlan(const TownshipBreaker& breaker);

// APPROVE_RECTIFICATION through the table: OPEN, tolerating `ratio_now`
// when it still reaches the threshold (no tolerance otherwise).
absl::StatusOr<TownshipBreaker> ApproveRectification(const TownshipBreaker& breaker, const NplRatio& ratio_now,
                                                     int threshold_bp);

}  // namespace huinong::loans
