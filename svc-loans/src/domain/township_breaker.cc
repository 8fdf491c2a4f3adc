// See township_breaker.h. Ratios compare by cross-multiplying in 128 bits:
// fen and counts are int64, bp an int, so no product overflows.
#include "svc-loans/src/domain/township_breaker.h"

namespace huinong::loans {

namespace {

using int128 = __int128;

// One move of the breaker through its table.
absl::StatusOr<TownshipBreaker> Move(const TownshipBreaker& breaker, BreakerEvent event) {
  absl::StatusOr<BreakerState> next = BreakerLifecycle().Next(breaker.state, event);
  if (!next.ok()) return next.status();
  TownshipBreaker after = breaker;
  after.state = *next;
  return after;
}

}  // namespace

NplRatio TownshipNplRatio(const std::vector<LoanExposure>& loans, NplMeasure measure) {
  NplRatio r;
  for (const LoanExposure& loan : loans) {
    if (loan.outstanding_principal_fen <= 0) continue;
    const int64_t weight = measure == NplMeasure::kByCount ? loan.loans : loan.outstanding_principal_fen;
    r.outstanding += weight;
    if (loan.loan_class == LoanClass::kNonPerforming) r.non_performing += weight;
  }
  return r;
}

bool ReachesThreshold(const NplRatio& ratio, int threshold_bp) {
  if (ratio.outstanding <= 0) return false;
  return static_cast<int128>(ratio.non_performing) * 10'000 >= static_cast<int128>(threshold_bp) * ratio.outstanding;
}

bool HigherThan(const NplRatio& a, const NplRatio& b) {
  const int128 a_num = a.outstanding > 0 ? a.non_performing : 0, a_den = a.outstanding > 0 ? a.outstanding : 1;
  const int128 b_num = b.outstanding > 0 ? b.non_performing : 0, b_den = b.outstanding > 0 ? b.outstanding : 1;
  return a_num * b_den > b_num * a_den;
}

int64_t RatioBasisPointsFloor(const NplRatio& ratio) {
  if (ratio.outstanding <= 0) return 0;
  return static_cast<int64_t>(static_cast<int128>(ratio.non_performing) * 10'000 / ratio.outstanding);
}

absl::string_view BreakerStateName(BreakerState state) {
  switch (state) {
    case BreakerState::kOpen: return "OPEN";
    case BreakerState::kSuspended: return "SUSPENDED";
    case BreakerState::kRectifying: return "RECTIFYING";
  }
  return "UNKNOWN";
}

absl::string_view BreakerEventName(BreakerEvent event) {
  switch (event) {
    case BreakerEvent::kTrip: return "TRIP";
    case BreakerEvent::kFilePlan: return "FILE_PLAN";
    case BreakerEvent::kRejectPlan: return "REJECT_PLAN";
    case BreakerEvent::kApproveRectification: return "APPROVE_RECTIFICATION";
  }
  return "UNKNOWN";
}

const domain::StateTable<BreakerState, BreakerEvent>& BreakerLifecycle() {
  using S = BreakerState;
  using E = BreakerEvent;
  static const domain::StateTable<S, E> table(
      "a township's lending breaker", {S::kOpen, S::kSuspended, S::kRectifying},
      {E::kTrip, E::kFilePlan, E::kRejectPlan, E::kApproveRectification}, BreakerStateName, BreakerEventName,
      {
          {S::kOpen, E::kTrip, S::kSuspended},
          {S::kSuspended, E::kTrip, S::kSuspended},
          {S::kSuspended, E::kFilePlan, S::kRectifying},
          {S::kRectifying, E::kTrip, S::kRectifying},
          {S::kRectifying, E::kRejectPlan, S::kSuspended},
          {S::kRectifying, E::kApproveRectification, S::kOpen},
      });
  return table;
}

LendingStatus LendingStatusOf(BreakerState state) {
  return state == BreakerState::kOpen ? LendingStatus::kOpen : LendingStatus::kSuspended;
}

bool MeasurementTrips(const TownshipBreaker& breaker, const NplRatio& ratio, int threshold_bp) {
  if (breaker.state != BreakerState::kOpen || !ReachesThreshold(ratio, threshold_bp)) return false;
  return !breaker.tolerated_ratio || HigherThan(ratio, *breaker.tolerated_ratio);
}

BreakerMeasurement Measure(const TownshipBreaker& breaker, const NplRatio& ratio, int threshold_bp) {
  BreakerMeasurement m;
  m.after = breaker;
  if (MeasurementTrips(breaker, ratio, threshold_bp)) {
    m.after.state = *BreakerLifecycle().Next(breaker.state, BreakerEvent::kTrip);
    m.after.tolerated_ratio.reset();
    m.tripped = true;
    return m;
  }
  if (breaker.state == BreakerState::kOpen && breaker.tolerated_ratio) {
    if (!ReachesThreshold(ratio, threshold_bp)) {
      m.after.tolerated_ratio.reset();
    } else if (HigherThan(*breaker.tolerated_ratio, ratio)) {
      m.after.tolerated_ratio = ratio;
    }
  }
  return m;
}

absl::StatusOr<TownshipBreaker> FileRectificationPlan(const TownshipBreaker& breaker) {
  return Move(breaker, BreakerEvent::kFilePlan);
}

absl::StatusOr<TownshipBreaker> RejectRectificationPlan(const TownshipBreaker& breaker) {
  return Move(breaker, BreakerEvent::kRejectPlan);
}

absl::StatusOr<TownshipBreaker> ApproveRectification(const TownshipBreaker& breaker, const NplRatio& ratio_now,
                                                     int threshold_bp) {
  absl::StatusOr<TownshipBreaker> after = Move(breaker, BreakerEvent::kApproveRectification);
  if (!after.ok()) return after;
  after->tolerated_ratio.reset();
  if (ReachesThreshold(ratio_now, threshold_bp)) after->tolerated_ratio = ratio_now;
  return after;
}

}  // namespace huinong::loans
