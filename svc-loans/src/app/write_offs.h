// A loan's write-off (issue 11 item 4; docs/servicing.md "Write-off"): the
// bank that paid the loan requests it, the county approves or rejects it
// (domain write_off.h's table). One transaction each inside the kit's
// Mutation; every change bumps the loan's version (its etag).
//
// Guarantees: the loss is what would have settled the loan on the
// write-off's date (PayoffOn, the figures GetPayoffQuote gives), measured at
// the request and again at the approval; the approval writes the loan
// WRITTEN_OFF with its standing, measures the township's breaker and, for a
// loan the fund covers (CoveredByFund), opens its compensation claim — all
// in the approval's transaction, so either all of it happened or none.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/domain/document_ref.h"
#include "common/server/mutation.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/app/recoveries.h"
#include "svc-loans/src/app/township_breakers.h"
#include "svc-loans/src/domain/compensation_claim.h"
#include "svc-loans/src/domain/loan.h"
#include "svc-loans/src/domain/write_off.h"

namespace huinong::loans {

inline constexpr char kWriteOffApprove[] = "loans.writeoff.approve";

struct WriteOffOrder {
  std::string loan_id;
  std::string etag;  // optional
  absl::CivilDay date;
  std::string reason;
  std::vector<domain::DocumentRef> documents;
};

struct WriteOffChange {
  Loan before;
  Loan after;
  LoanLoss loss_before;  // as the loan stood before the change
  std::optional<WriteOffRecord> write_off_before;
  WriteOffRecord write_off;
  std::optional<CompensationClaim> claim;  // opened by the approval
};

// (none | REJECTED) → REQUESTED by the bank's officer (loans.disburse inside
// the loan's bank, as RecordRepayment): the loan ACTIVE (LOAN_NOT_ACTIVE)
// and NON_PERFORMING as servicing last classified it (NOT_NON_PERFORMING);
// `date` from the last repayment's value date to today (INVALID_ARGUMENT
// naming "date").
absl::StatusOr<WriteOffChange> RequestWriteOff(server::Mutation& m, OrgView& org, const WriteOffOrder& order);

// REQUESTED → APPROVED under loans.writeoff.approve for the loan's county:
// the loan WRITTEN_OFF, the breaker measured (`record` audits a trip), the
// claim opened for a covered loan (NO_RISK_FUND, NO_POLICY).
absl::StatusOr<WriteOffChange> ApproveWriteOff(server::Mutation& m, OrgView& org, const std::string& loan_id,
                                               const std::string& etag, const std::string& comment,
                                               const BreakerRecorder& record);

// REQUESTED → REJECTED with the reason, as ApproveWriteOff's caller.
absl::StatusOr<WriteOffChange> RejectWriteOff(server::Mutation& m, OrgView& org, const std::string& loan_id,
                                              const std::string& etag, const std::string& reason);

}  // namespace huinong::loans
