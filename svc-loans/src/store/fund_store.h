// SQL for the risk compensation fund (migration 0013): funds (risk_funds,
// one per county), their movements (fund_transactions) and compensation
// claims (compensation_claims, one per loan). Functions run on a connection
// inside the caller's transaction; Connector/C++ exceptions are left to the
// pool. Whatever moves a fund's balance reads its row FOR UPDATE first, so
// concurrent payments are judged one after the other against the balance
// the previous one left; lists are keyset-paginated by id.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/compensation_claim.h"
#include "svc-loans/src/domain/risk_fund.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

absl::StatusOr<std::optional<RiskFund>> GetRiskFund(sql::Connection& conn, const std::string& id,
                                                    bool for_update = false);
absl::StatusOr<std::optional<RiskFund>> RiskFundOfCounty(sql::Connection& conn, const std::string& county_id);
// ALREADY_EXISTS / FUND_EXISTS when the county has one.
absl::Status InsertRiskFund(sql::Connection& conn, const RiskFund& fund);
// Rewrites the balance, totals, version and update time.
absl::Status UpdateRiskFund(sql::Connection& conn, const RiskFund& fund);
// `county_id` empty: every county (a county has at most one).
absl::StatusOr<std::vector<RiskFund>> ListRiskFunds(sql::Connection& conn, const std::string& county_id,
                                                    const std::string& after_id, int limit);

absl::Status InsertFundMovement(sql::Connection& conn, const FundMovement& movement);
absl::StatusOr<std::optional<FundMovement>> GetFundMovement(sql::Connection& conn, const std::string& id);
struct FundMovementQuery {
  std::string fund_id;
  int kind = 0;  // 0: any
  std::optional<absl::CivilDay> from;
  std::optional<absl::CivilDay> to;
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<FundMovement>> ListFundMovements(sql::Connection& conn, const FundMovementQuery& query);
// The movements summed by kind (the ledger check).
absl::StatusOr<LedgerSums> SumFundMovements(sql::Connection& conn, const std::string& fund_id);

absl::StatusOr<std::optional<CompensationClaim>> GetClaim(sql::Connection& conn, const std::string& id,
                                                          bool for_update = false);
absl::StatusOr<std::optional<CompensationClaim>> ClaimOfLoan(sql::Connection& conn, const std::string& loan_id,
                                                             bool for_update = false);
// ALREADY_EXISTS / CLAIM_EXISTS when the loan has one.
absl::Status InsertClaim(sql::Connection& conn, const CompensationClaim& claim);
// Rewrites the state, reviews, payment, recovered share, rejection, version
// and update time.
absl::Status UpdateClaim(sql::Connection& conn, const CompensationClaim& claim);
struct ClaimQuery {
  std::string fund_id;
  std::string loan_id;
  // The caller's scope: claims of these counties only; unset: any.
  std::optional<std::vector<std::string>> county_ids;
  int state = 0;
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<CompensationClaim>> ListClaims(sql::Connection& conn, const ClaimQuery& query);
// Claims by state in every county, for metrics: (county_id, state, count).
struct ClaimCount {
  std::string county_id;
  int state = 0;
  int64_t count = 0;
};
absl::StatusOr<std::vector<ClaimCount>> CountClaims(sql::Connection& conn);

}  // namespace huinong::loans::store
