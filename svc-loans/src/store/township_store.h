// SQL for townships' lending status (table township_lending, migration
// 0006): what the township guard reads before every lending step. A
// township with no row is open. Runs inside the caller's transaction; the
// read takes a shared lock (on the row, or on the gap where it would be), so
// a suspension written meanwhile waits for the lending step, or the step for
// the suspension — never a step committed on a stale "open".
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "svc-loans/src/domain/township_guard.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

absl::StatusOr<LendingStatus> TownshipLendingStatus(sql::Connection& conn, const std::string& township_id);
absl::Status SetTownshipLendingStatus(sql::Connection& conn, const std::string& township_id, LendingStatus status,
                                      absl::Time now);

}  // namespace huinong::loans::store
