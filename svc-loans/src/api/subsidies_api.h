// SubsidyService's gRPC handlers: interest-subsidy claims. Not built yet
// (see loans_services.h).
#pragma once

#include "huinong/loans/v1/subsidy_service.grpc.pb.h"

namespace huinong::loans {

class SubsidiesApi final : public v1::SubsidyService::Service {};

}  // namespace huinong::loans
