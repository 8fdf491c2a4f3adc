// How the risk compensation fund and recoveries look to a person: a fund
// with its ledger check, its movements, a compensation claim with both
// reviews, and a loan's recoveries. Pure functions of the protos.
#pragma once

#include <string>
#include <vector>

#include "huinong/loans/v1/fund.pb.h"
#include "huinong/loans/v1/recovery.pb.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

std::string RiskFundDetail(const loans::v1::RiskFund& fund);
Table RiskFundTable(const std::vector<loans::v1::RiskFund>& funds);
// "balanced" or "NOT balanced", then balance = contributions − compensations + recoveries.
std::string LedgerText(const loans::v1::RiskFund& fund);
std::string FundTransactionDetail(const loans::v1::FundTransaction& transaction);
Table FundTransactionTable(const std::vector<loans::v1::FundTransaction>& transactions);
std::string ClaimDetail(const loans::v1::CompensationClaim& claim);
Table ClaimTable(const std::vector<loans::v1::CompensationClaim>& claims);
std::string RecoveryDetail(const loans::v1::Recovery& recovery);
Table RecoveryTable(const std::vector<loans::v1::Recovery>& recoveries);

}  // namespace huinong::ctl
