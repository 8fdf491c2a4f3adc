// CallbackHandoverService's gRPC handlers: callbacks after resolution and shift
// handovers. Not built yet (see tickets_services.h).
#pragma once

#include "huinong/tickets/v1/callback_handover_service.grpc.pb.h"

namespace huinong::tickets {

class CallbackHandoverApi final : public v1::CallbackHandoverService::Service {};

}  // namespace huinong::tickets
