// SQL for loans and credit lines (tables loans and credit_lines, migrations
// 0006-0007). Functions run on a connection inside the caller's transaction;
// Connector/C++ exceptions are left to the pool. Lists are keyset-paginated
// by id on an index that starts with the filtered column, so a page costs
// the same at a million rows as at ten thousand.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/loan.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

// Which records a list may show and which it asks for, all combined with
// AND in SQL (so a page is never thinned after its LIMIT); each place column
// has a (column, id) index.
struct LendingQuery {
  std::string borrower_id;
  std::string credit_line_id;  // loans only
  std::string unit_id;
  std::string township_id;
  std::string county_id;
  std::string bank_id;
  std::string product_id;
  int state = 0;  // LoanStatus / CreditLineState value; 0: any
  // Loans only: maturing in [from, to] (either end open when unset).
  std::optional<absl::CivilDay> maturing_from;
  std::optional<absl::CivilDay> maturing_to;
  // Loans only, each 0 / false for any: the borrower's type (BorrowerType),
  // the class (LoanClass), at least this many days past due, and only
  // loans with accountability records.
  int borrower_type = 0;
  int loan_class = 0;
  int min_days_past_due = 0;
  bool with_accountability = false;
  std::string after_id;
  int limit = 50;
};

absl::StatusOr<std::optional<Loan>> GetLoan(sql::Connection& conn, const std::string& id, bool for_update = false);
absl::StatusOr<std::vector<Loan>> ListLoans(sql::Connection& conn, const LendingQuery& query);
// The close-of-business job's batch for `date`, read and locked (FOR
// UPDATE) so a repayment of one of them waits for the batch, or the batch
// for the repayment: the county's next `limit` ACTIVE loans after
// `after_id` in id order (loans_county_status, migration 0011), and with
// them, in the same id range, the loans settled or written off after
// `date` (their history still needs that date: loan_standings_county,
// migration 0010). In id order.
absl::StatusOr<std::vector<Loan>> LockLoansToClose(sql::Connection& conn, const std::string& county_id,
                                                   absl::CivilDay date, const std::string& after_id, int limit);
// ALREADY_EXISTS / BANK_REFERENCE_USED when the bank's reference paid out
// before. Also writes the loan's first standing, from its disbursement date,
// and forgets the county's stored reports of the periods that date is in
// or before (ForgetReportsFrom: a value date back in a closed period).
absl::Status InsertLoan(sql::Connection& conn, const Loan& loan);
// Rewrites what servicing changes (repayment_store.h has the schedule and
// the repayments): status, outstanding principal, classification, days past
// due, version and update time. When the status, class or outstanding
// principal differ from `before`, also records the loan's standing from
// `posting_date`, the business day the change is booked (RecordStanding).
absl::Status UpdateLoanServicing(sql::Connection& conn, const Loan& before, const Loan& after,
                                 absl::CivilDay posting_date);
// Rewrites what an extension changes — the maturity date and the body (its
// extensions) — and then what UpdateLoanServicing writes, with its standing
// rule. The schedule is repayment_store.h's SaveSchedule.
absl::Status UpdateLoanTerms(sql::Connection& conn, const Loan& before, const Loan& after,
                             absl::CivilDay posting_date);
// Writes the loan's standing (status, class, days past due, outstanding
// principal) from `as_of` into its history (table loan_standings, migration
// 0010), which reports read for past months; a second write the same
// business day replaces that day's row.
absl::Status RecordStanding(sql::Connection& conn, const Loan& loan, absl::CivilDay as_of);
// The loan as its history stood on `as_of` (its row with the greatest
// as_of <= `as_of`): `loan` with that row's status, class, days past due and
// outstanding principal; nullopt before its disbursement.
absl::StatusOr<std::optional<Loan>> StandingOn(sql::Connection& conn, const Loan& loan, absl::CivilDay as_of);

absl::StatusOr<std::optional<CreditLineRecord>> GetCreditLine(sql::Connection& conn, const std::string& id,
                                                              bool for_update = false);
absl::StatusOr<std::vector<CreditLineRecord>> ListCreditLines(sql::Connection& conn, const LendingQuery& query);
absl::Status InsertCreditLine(sql::Connection& conn, const CreditLineRecord& line);
// Rewrites the outstanding principal, draw count, state, version and update time.
absl::Status UpdateCreditLine(sql::Connection& conn, const CreditLineRecord& line);

}  // namespace huinong::loans::store
