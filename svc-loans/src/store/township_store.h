// SQL for townships' lending status and circuit breakers (table
// township_lending, migrations 0006 and 0009): what the township guard
// reads before every lending step, and the breaker record behind it. A
// township with no row is open and never measured. Runs inside the caller's
// transaction; the guard's read takes a shared lock (on the row, or on the
// gap where it would be), so a suspension written meanwhile waits for the
// lending step, or the step for the suspension — never a step committed on a
// stale "open". SaveTownshipBreaker writes `status` from the breaker's
// state (LendingStatusOf) in the same statement, so the two never disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "svc-loans/src/domain/township_breaker_record.h"
#include "svc-loans/src/domain/township_guard.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

absl::StatusOr<LendingStatus> TownshipLendingStatus(sql::Connection& conn, const std::string& township_id);

// The township's breaker (FOR UPDATE when `lock`); none when never written.
absl::StatusOr<std::optional<TownshipBreakerRecord>> LoadTownshipBreaker(sql::Connection& conn,
                                                                        const std::string& township_id, bool lock);
// Inserts (version 0 → 1) or updates the row at record.version + 1; sets
// record.version to what it wrote.
absl::Status SaveTownshipBreaker(sql::Connection& conn, TownshipBreakerRecord& record);

// A page of breakers ordered by township id, after `after_township_id`:
// every county's (`county_id` empty) or one county's, one township's
// (`township_id` set), of one state (when set); `limit` rows at most.
struct BreakerFilter {
  std::string county_id;
  std::string township_id;
  std::optional<BreakerState> state;
};
absl::StatusOr<std::vector<TownshipBreakerRecord>> ListTownshipBreakers(sql::Connection& conn,
                                                                       const BreakerFilter& filter,
                                                                       const std::string& after_township_id,
                                                                       int limit);

// The township's ACTIVE loans with something outstanding, as the ratio sees
// them — summed by class in SQL from the loans_township_exposure index
// (migration 0017) alone, one entry per class — and the county they are in
// ("" when there are none).
struct TownshipExposure {
  std::string county_id;
  std::vector<LoanExposure> loans;
};
absl::StatusOr<TownshipExposure> LoadTownshipExposure(sql::Connection& conn, const std::string& township_id);

}  // namespace huinong::loans::store
