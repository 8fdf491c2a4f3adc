// TicketService's gRPC handlers: tickets and their transitions, from intake
// under the first-responder rule to resolution. Not built yet (see
// tickets_services.h).
#pragma once

#include "huinong/tickets/v1/ticket_service.grpc.pb.h"

namespace huinong::tickets {

class TicketsApi final : public v1::TicketService::Service {};

}  // namespace huinong::tickets
