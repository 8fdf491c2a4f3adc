// After a loss (issue 11 item 8; 000:1537-1539): the bank's recoveries on a
// written-off loan, with the fund's share flowing back and malicious
// evasion putting the borrower on the blacklist, and the staff answerable
// for a fraudulent or negligent loan. One transaction each inside the kit's
// Mutation; every change bumps the loan's version (its etag). Also what a
// loan's reads show of its loss (LoanLoss).
//
// Guarantees: recoveries never add up to more than the write-off's loss;
// the fund's share is computed on the running total (risk_fund.h
// FundShareFen), so the shares of many recoveries add up to the share of
// their sum; the blacklisting is BorrowerService's own (ListOnBlacklist),
// with its entry and audit events; a named staff member is one svc-org
// knows. Locks: the loan, then the borrower, then the claim, then the fund.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/server/mutation.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/app/borrowers.h"
#include "svc-loans/src/app/risk_funds.h"
#include "svc-loans/src/domain/loan.h"
#include "svc-loans/src/domain/recovery.h"
#include "svc-loans/src/domain/write_off.h"

namespace sql {
class Connection;
}

namespace huinong::loans {

inline constexpr char kRecovery[] = "loans.recovery";

// What a loan's reads show of its loss.
struct LoanLoss {
  std::optional<WriteOffRecord> write_off;
  std::optional<CompensationClaim> claim;
  std::vector<RecoveryRecord> recoveries;
  std::vector<AccountabilityRecord> accountability;

  int64_t RecoveredFen() const;
  int64_t CompensatedFen() const;  // the claim's amount once PAID
  RecoveryState State() const;
};
absl::StatusOr<LoanLoss> LoadLoss(sql::Connection& conn, const std::string& loan_id);

struct RecoveryOrder {
  std::string loan_id;
  RecoveryRecord recovery;  // amount, value date, source, reference, note, flags
  std::string evasion_reason;
  std::vector<domain::DocumentRef> evasion_evidence;
};

struct RecoveryChange {
  Loan before;
  Loan after;
  LoanLoss loss_before;
  RecoveryRecord recovery;
  std::optional<ClaimChange> claim;            // the fund's share went back
  std::optional<BlacklistChange> blacklisting;  // malicious evasion listed the borrower
  bool existing = false;                        // the same reference, amount and day again
};

// Records a recovery by the bank's officer (loans.recovery inside the
// loan's bank): the loan WRITTEN_OFF (LOAN_NOT_WRITTEN_OFF), the case open
// and the amount within the loss (CheckRecovery); value date from the
// write-off to today (INVALID_ARGUMENT naming "recovery.value_date"); the
// bank's reference again with the same amount and day answers the first
// (`existing`), with others ALREADY_EXISTS / BANK_REFERENCE_USED.
absl::StatusOr<RecoveryChange> RecordRecovery(server::Mutation& m, OrgView& org, RecoveryOrder order);

struct AccountabilityChange {
  Loan before;
  Loan after;
  LoanLoss loss_before;
  AccountabilityRecord record;
};

// Records `draft` on the loan: admin or loans.review.county for the loan's
// county; the staff member asked of svc-org (NOT_FOUND naming
// record.staff).
absl::StatusOr<AccountabilityChange> RecordAccountability(server::Mutation& m, OrgView& org,
                                                          const std::string& loan_id, const std::string& etag,
                                                          AccountabilityRecord draft);

}  // namespace huinong::loans
