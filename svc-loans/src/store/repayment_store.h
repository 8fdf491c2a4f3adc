// SQL for a loan's schedule and repayments (loans.schedule_json and table
// repayments, migration 0008). Functions run on a connection inside the
// caller's transaction (or a read handler's connection); Connector/C++
// exceptions are left to the pool. A loan's repayments page by
// (value_date, id) on the index that starts with the loan.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "svc-loans/src/domain/repayment.h"
#include "svc-loans/src/domain/schedule.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

// A recorded repayment. `repayment.request_id` is the row's id (a ULID),
// which orders same-day repayments by when they were recorded in a replay;
// `allocation` is where the money went when it was recorded (a later,
// backdated repayment may move it: the replay is the truth).
struct RepaymentRecord {
  std::string id;
  std::string loan_id;
  std::string request_id;  // the caller's, kept for the record
  std::string bank_reference;
  Repayment repayment;
  Allocation allocation;
  std::string recorded_by;
  absl::Time create_time;
};

// The schedule BuildSchedule made when the loan was paid out.
absl::Status SaveSchedule(sql::Connection& conn, const std::string& loan_id,
                          const std::vector<Instalment>& schedule);
// The stored schedule; empty when none was stored (a loan disbursed before
// migration 0008). Servicing replays the terms instead (the same
// BuildSchedule gives the same instalments); this is the record of what was
// agreed, read by checks and tests.
absl::StatusOr<std::vector<Instalment>> GetSchedule(sql::Connection& conn, const std::string& loan_id);

absl::Status InsertRepayment(sql::Connection& conn, const RepaymentRecord& record);
absl::StatusOr<std::optional<RepaymentRecord>> FindRepaymentByReference(sql::Connection& conn,
                                                                        const std::string& loan_id,
                                                                        const std::string& bank_reference);
// Every repayment of the loan, in (value_date, id) order.
absl::StatusOr<std::vector<RepaymentRecord>> LoanRepayments(sql::Connection& conn, const std::string& loan_id);
// Every repayment of each of `loan_ids` in one statement (the
// close-of-business job's batch), each loan's in (value_date, id) order; a
// loan without any has no entry.
absl::StatusOr<absl::flat_hash_map<std::string, std::vector<RepaymentRecord>>> RepaymentsOfLoans(
    sql::Connection& conn, const std::vector<std::string>& loan_ids);

// A page of the loan's repayments after the keyset position `after`
// ("YYYY-MM-DD/id" as RepaymentKey gives; empty: from the first).
absl::StatusOr<std::vector<RepaymentRecord>> ListRepayments(sql::Connection& conn, const std::string& loan_id,
                                                            const std::string& after, int limit);
std::string RepaymentKey(const RepaymentRecord& record);

}  // namespace huinong::loans::store
