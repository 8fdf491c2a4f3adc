// SlaPolicyService's gRPC handlers: the clocks of a ticket (ListTicketClocks,
// as last brought up to date by a change or the scanner). Configured
// policies are not built yet — every ticket uses the seeds' defaults
// (domain/sla_policy.h SeedPolicy) — so the policy methods answer
// UNIMPLEMENTED (the generated base), never a fake success.
#pragma once

#include <memory>

#include "huinong/tickets/v1/sla_policy_service.grpc.pb.h"
#include "svc-tickets/src/api/tickets_kit.h"

namespace huinong::tickets {

class SlaPoliciesApi final : public v1::SlaPolicyService::Service, TicketsHandlers {
 public:
  explicit SlaPoliciesApi(std::shared_ptr<TicketsKit> tickets) : TicketsHandlers(std::move(tickets)) {}

  grpc::Status ListTicketClocks(grpc::ServerContext* ctx, const v1::ListTicketClocksRequest* req,
                                v1::ListTicketClocksResponse* resp) override;
};

}  // namespace huinong::tickets
