// RiskFundService's gRPC handlers (risk_fund_service.proto): the county's
// risk compensation fund, its movements, and the compensation claims a
// write-off opens, reviewed jointly and paid from it. Validate, authorize
// and map here; the use cases are app/risk_funds.h. Every change is
// audited in its transaction (fund_mapping.h's events).
#pragma once

#include <memory>

#include "huinong/loans/v1/risk_fund_service.grpc.pb.h"
#include "svc-loans/src/api/loans_kit.h"

namespace huinong::loans {

class RiskFundApi final : public v1::RiskFundService::Service, private LoansHandlers {
 public:
  explicit RiskFundApi(std::shared_ptr<LoansKit> loans) : LoansHandlers(std::move(loans)) {}

  grpc::Status CreateRiskFund(grpc::ServerContext* ctx, const v1::CreateRiskFundRequest* req,
                              v1::RiskFund* resp) override;
  grpc::Status GetRiskFund(grpc::ServerContext* ctx, const v1::GetRiskFundRequest* req, v1::RiskFund* resp) override;
  grpc::Status ListRiskFunds(grpc::ServerContext* ctx, const v1::ListRiskFundsRequest* req,
                             v1::ListRiskFundsResponse* resp) override;
  grpc::Status RecordFundContribution(grpc::ServerContext* ctx, const v1::RecordFundContributionRequest* req,
                                      v1::FundTransaction* resp) override;
  grpc::Status ListFundTransactions(grpc::ServerContext* ctx, const v1::ListFundTransactionsRequest* req,
                                    v1::ListFundTransactionsResponse* resp) override;
  grpc::Status GetCompensationClaim(grpc::ServerContext* ctx, const v1::GetCompensationClaimRequest* req,
                                    v1::CompensationClaim* resp) override;
  grpc::Status ListCompensationClaims(grpc::ServerContext* ctx, const v1::ListCompensationClaimsRequest* req,
                                      v1::ListCompensationClaimsResponse* resp) override;
  grpc::Status ReviewCompensationClaim(grpc::ServerContext* ctx, const v1::ReviewCompensationClaimRequest* req,
                                       v1::CompensationClaim* resp) override;
  grpc::Status RejectCompensationClaim(grpc::ServerContext* ctx, const v1::RejectCompensationClaimRequest* req,
                                       v1::CompensationClaim* resp) override;
  grpc::Status PayCompensationClaim(grpc::ServerContext* ctx, const v1::PayCompensationClaimRequest* req,
                                    v1::CompensationClaim* resp) override;
};

}  // namespace huinong::loans
