// SlaPolicyService's gRPC handlers: configured SLA policies, versioned
// (CreateSlaPolicy, GetSlaPolicy, UpdateSlaPolicy, ListSlaPolicies,
// ListSlaPolicyRevisions; the use cases and who may call them are
// app/sla_policies.h), and the clocks of a ticket (ListTicketClocks, as
// last brought up to date by a change, a policy's change or the scanner).
#pragma once

#include <memory>

#include "huinong/tickets/v1/sla_policy_service.grpc.pb.h"
#include "svc-tickets/src/api/tickets_kit.h"

namespace huinong::tickets {

class SlaPoliciesApi final : public v1::SlaPolicyService::Service, TicketsHandlers {
 public:
  explicit SlaPoliciesApi(std::shared_ptr<TicketsKit> tickets) : TicketsHandlers(std::move(tickets)) {}

  grpc::Status CreateSlaPolicy(grpc::ServerContext* ctx, const v1::CreateSlaPolicyRequest* req,
                               v1::SlaPolicy* resp) override;
  grpc::Status GetSlaPolicy(grpc::ServerContext* ctx, const v1::GetSlaPolicyRequest* req,
                            v1::SlaPolicy* resp) override;
  grpc::Status UpdateSlaPolicy(grpc::ServerContext* ctx, const v1::UpdateSlaPolicyRequest* req,
                               v1::SlaPolicy* resp) override;
  grpc::Status ListSlaPolicies(grpc::ServerContext* ctx, const v1::ListSlaPoliciesRequest* req,
                               v1::ListSlaPoliciesResponse* resp) override;
  grpc::Status ListSlaPolicyRevisions(grpc::ServerContext* ctx, const v1::ListSlaPolicyRevisionsRequest* req,
                                      v1::ListSlaPolicyRevisionsResponse* resp) override;
  grpc::Status ListTicketClocks(grpc::ServerContext* ctx, const v1::ListTicketClocksRequest* req,
                                v1::ListTicketClocksResponse* resp) override;
};

}  // namespace huinong::tickets
