// TicketService's gRPC handlers. None is implemented yet: the generated base class
// answers UNIMPLEMENTED for every method, which is what clients see until the
// issue that builds svc-tickets lands (README status table). Never a fake success.
#pragma once

#include "huinong/tickets/v1/tickets.grpc.pb.h"

namespace huinong::tickets {

class TicketApi final : public v1::TicketService::Service {};

}  // namespace huinong::tickets
