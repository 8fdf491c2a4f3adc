// SlaPolicyService's gRPC handlers: SLA policies and the clocks they set on
// tickets. Not built yet (see tickets_services.h).
#pragma once

#include "huinong/tickets/v1/sla_policy_service.grpc.pb.h"

namespace huinong::tickets {

class SlaPoliciesApi final : public v1::SlaPolicyService::Service {};

}  // namespace huinong::tickets
