// TownshipBreakerService's gRPC handlers: the township circuit breaker and
// rectification plans. Not built yet (see loans_services.h).
#pragma once

#include "huinong/loans/v1/township_breaker_service.grpc.pb.h"

namespace huinong::loans {

class TownshipBreakerApi final : public v1::TownshipBreakerService::Service {};

}  // namespace huinong::loans
