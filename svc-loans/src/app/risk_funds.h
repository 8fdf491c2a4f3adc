// The risk compensation fund's use cases (issue 11 item 7; 000:1433,
// 000:1593), one transaction each inside the kit's Mutation: a county's
// fund, its contributions, the claim a write-off opens, the joint review,
// the payment, and the share of a recovery that flows back. The rules are
// the pure domain's (risk_fund.h, compensation_claim.h); these authorize,
// load, lock, apply and write.
//
// Guarantees: every movement of a fund is made under its row lock (taken
// after the claim's, never before), through domain ApplyMovement, with its
// transaction row in the same database transaction — so concurrent
// payments are judged one after the other, the balance never goes
// negative, and balance = contributions − compensations + recoveries at
// every commit. Who may act: staff holding the step's capability
// (loans.fund.pay; the reviewers' of compensation_claim.h) for their own
// unit inside the organisation the fund names for it — its finance bureau
// or its poverty office, government departments beside the service
// network's tree (PERMISSION_DENIED / NOT_FUND_ORGANISATION outside it);
// admin may also create a fund.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "common/server/mutation.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/domain/compensation_claim.h"
#include "svc-loans/src/domain/risk_fund.h"
#include "svc-loans/src/domain/write_off.h"

namespace huinong::loans {

inline constexpr char kFundPay[] = "loans.fund.pay";

// A fund's change: the fund before and after, and the movement made.
struct FundChange {
  RiskFund before;
  RiskFund after;
  FundMovement movement;
};

struct ClaimChange {
  std::optional<CompensationClaim> before;
  CompensationClaim after;
  std::vector<FundChange> fund;  // the payment, then a share of recoveries made before it
};

// A county's fund, balance 0 (`draft`: county, title, the two
// organisations): admin, or loans.fund.pay inside the finance bureau it
// names; the county a COUNTY unit (INVALID_ARGUMENT naming
// `county_field`), the organisations known to svc-org (NOT_FOUND);
// ALREADY_EXISTS / FUND_EXISTS.
absl::StatusOr<RiskFund> CreateRiskFund(server::Mutation& m, OrgView& org, RiskFund draft,
                                        const std::string& county_field);

// OK when the caller holds `capability` for their own unit inside the
// fund's organisation for it (the poverty office for
// loans.fund.review.poverty, the finance bureau otherwise).
absl::Status RequireFundRole(OrgView& org, const auth::Principal& caller, const RiskFund& fund,
                             absl::string_view capability, absl::CivilDay day);

// A contribution or replenishment (`draft`: kind, amount, value date,
// reference, note) under loans.fund.pay (RequireFundRole).
// NOT_FOUND; PERMISSION_DENIED.
absl::StatusOr<FundChange> RecordContribution(server::Mutation& m, OrgView& org, const std::string& fund_id,
                                              FundMovement draft);

// The claim a covered loan's approved write-off opens (called in the
// approval's transaction): the county's fund, the policy in force today
// (its compensation_ratio_bp), amount = CompensationFen(loss, ratio).
// FAILED_PRECONDITION NO_RISK_FUND / NO_POLICY.
absl::StatusOr<CompensationClaim> OpenClaim(server::Mutation& m, const Loan& loan, const WriteOffRecord& write_off);

// One party's approval; the caller holds ReviewCapability(party)
// (RequireFundRole). NOT_FOUND; ABORTED / STALE_ETAG; FAILED_PRECONDITION /
// INVALID_TRANSITION; PERMISSION_DENIED.
absl::StatusOr<ClaimChange> ReviewClaim(server::Mutation& m, OrgView& org, const std::string& claim_id,
                                        const std::string& etag, ReviewParty party, const std::string& comment);
// As ReviewClaim, to REJECTED with the reason.
absl::StatusOr<ClaimChange> RejectClaim(server::Mutation& m, OrgView& org, const std::string& claim_id,
                                        const std::string& etag, ReviewParty party, const std::string& reason);
// APPROVED → PAID under loans.fund.pay (RequireFundRole): a COMPENSATION
// movement under the
// fund's lock (FUND_INSUFFICIENT when the balance is short: nothing
// changes); recoveries recorded before the payment send their share back
// at once (ReturnRecoveryShare). `value_date` not after today
// (INVALID_ARGUMENT naming `date_field`).
absl::StatusOr<ClaimChange> PayClaim(server::Mutation& m, OrgView& org, const std::string& claim_id,
                                     const std::string& etag, absl::CivilDay value_date, const std::string& reference,
                                     const std::string& date_field);

// When `claim` (locked by the caller) is PAID: the fund's share of
// `recovered_total_fen` recovered on its loan so far that has not yet gone
// back (FundShareFen of the total less `recovered_to_fund`), as a RECOVERY
// movement under the fund's lock; `claim` is updated in memory and in the
// store. None when nothing is due.
absl::StatusOr<std::optional<FundChange>> ReturnRecoveryShare(server::Mutation& m, CompensationClaim& claim,
                                                              int64_t recovered_total_fen, absl::CivilDay value_date,
                                                              const std::string& reference);

// Reads: whether the caller sees a fund and its claims — admin, auditor and
// service accounts all; staff of units under its county, and of the
// organisations it names. PERMISSION_DENIED otherwise.
absl::Status RequireFundReadable(OrgView& org, const auth::Principal& caller, const RiskFund& fund);
// The counties whose funds and claims the caller's lists show, among
// `funds` (every fund); none (nullopt) when the caller reads them all.
absl::StatusOr<std::optional<std::vector<std::string>>> ReadableCounties(OrgView& org, const auth::Principal& caller,
                                                                        const std::vector<RiskFund>& funds);

}  // namespace huinong::loans
