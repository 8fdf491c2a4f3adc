// SQL for what follows a loss on a loan (migration 0013): its write-off
// (table loan_write_offs), its recoveries (loan_recoveries) and the staff
// answerable for it (loan_accountability). Functions run on a connection
// inside the caller's transaction; Connector/C++ exceptions are left to the
// pool. Callers lock the loan's row first, so these rows need no lock of
// their own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-loans/src/domain/recovery.h"
#include "svc-loans/src/domain/write_off.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

absl::StatusOr<std::optional<WriteOffRecord>> GetWriteOff(sql::Connection& conn, const std::string& loan_id);
// Inserts the loan's first request, or rewrites its row (a new request
// after a rejection, a decision).
absl::Status SaveWriteOff(sql::Connection& conn, const WriteOffRecord& record);

// ALREADY_EXISTS / BANK_REFERENCE_USED when the loan has a recovery under
// the reference.
absl::Status InsertRecovery(sql::Connection& conn, const RecoveryRecord& r);
// Every recovery of the loan, by id (the order they were recorded).
absl::StatusOr<std::vector<RecoveryRecord>> LoanRecoveries(sql::Connection& conn, const std::string& loan_id);
// A page of the loan's recoveries after `after_id`.
absl::StatusOr<std::vector<RecoveryRecord>> ListRecoveries(sql::Connection& conn, const std::string& loan_id,
                                                           const std::string& after_id, int limit);

absl::Status InsertAccountability(sql::Connection& conn, const AccountabilityRecord& r);
absl::StatusOr<std::vector<AccountabilityRecord>> LoanAccountability(sql::Connection& conn,
                                                                     const std::string& loan_id);

}  // namespace huinong::loans::store
