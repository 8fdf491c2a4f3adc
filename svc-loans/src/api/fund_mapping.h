// The risk compensation fund between the domain (risk_fund.h,
// compensation_claim.h) and the API (fund.proto), and the audit events of
// its changes — one place for RiskFundService and for the servicing
// methods that open a claim (a write-off's approval) or send a share back
// (a recovery). Money in fen.
#pragma once

#include <optional>

#include "common/server/mutation.h"
#include "huinong/loans/v1/fund.pb.h"
#include "svc-loans/src/app/risk_funds.h"

namespace huinong::loans {

v1::RiskFund RiskFundProto(const RiskFund& fund);
// `check` fills the ledger (GetRiskFund).
void FillLedger(const LedgerCheck& check, v1::RiskFund& out);
v1::FundTransaction FundTransactionProto(const FundMovement& movement);
v1::CompensationClaim ClaimProto(const CompensationClaim& claim);

// Audit events: "risk_fund" (the fund before and after) and
// "fund_transaction" for each movement; "compensation_claim" for a claim
// (opened: no before), then its fund changes. Under the county's unit.
absl::Status RecordFundChange(server::Mutation& m, const FundChange& change);
absl::Status RecordClaimChange(server::Mutation& m, const std::optional<CompensationClaim>& before,
                               const CompensationClaim& after);
absl::Status RecordClaimChange(server::Mutation& m, const ClaimChange& change);

}  // namespace huinong::loans
