// svc-tickets' four services as huinongctl uses them — TicketService,
// SlaPolicyService, CallbackHandoverService and CustomerService — through
// Call, which picks the service's stub from the method; each call prepared
// by the Connection (deadline, token, x-request-id), errors returned as
// absl::Status with the server's details (field violations, reason).
#pragma once

#include "huinong/tickets/v1/callback_handover_service.grpc.pb.h"
#include "huinong/tickets/v1/customer_service.grpc.pb.h"
#include "huinong/tickets/v1/sla_policy_service.grpc.pb.h"
#include "huinong/tickets/v1/ticket_service.grpc.pb.h"
#include "tools/huinongctl/src/stub_call.h"

namespace huinong::ctl {

using TicketsClient = ServicesClient<tickets::v1::TicketService, tickets::v1::SlaPolicyService,
                                     tickets::v1::CallbackHandoverService, tickets::v1::CustomerService>;

}  // namespace huinong::ctl
