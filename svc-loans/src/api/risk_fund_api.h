// RiskFundService's gRPC handlers: the risk compensation fund and its
// claims. Not built yet (see loans_services.h).
#pragma once

#include "huinong/loans/v1/risk_fund_service.grpc.pb.h"

namespace huinong::loans {

class RiskFundApi final : public v1::RiskFundService::Service {};

}  // namespace huinong::loans
