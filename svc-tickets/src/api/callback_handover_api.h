// CallbackHandoverService's gRPC handlers: callbacks after resolution
// (app/callbacks.h, run through ChangeTicket in one transaction) and their
// list; shift and leave handovers (app/handovers.h: acknowledging carries
// each ticket over through ChangeTicket, in the same transaction).
#pragma once

#include <memory>

#include "huinong/tickets/v1/callback_handover_service.grpc.pb.h"
#include "svc-tickets/src/api/tickets_kit.h"

namespace huinong::tickets {

class CallbackHandoverApi final : public v1::CallbackHandoverService::Service, TicketsHandlers {
 public:
  explicit CallbackHandoverApi(std::shared_ptr<TicketsKit> tickets) : TicketsHandlers(std::move(tickets)) {}

  grpc::Status RecordCallback(grpc::ServerContext* ctx, const v1::RecordCallbackRequest* req,
                              v1::RecordCallbackResponse* resp) override;
  grpc::Status ListCallbacks(grpc::ServerContext* ctx, const v1::ListCallbacksRequest* req,
                             v1::ListCallbacksResponse* resp) override;
  grpc::Status CloseUnreachable(grpc::ServerContext* ctx, const v1::CloseUnreachableRequest* req,
                                v1::Ticket* resp) override;

  grpc::Status CreateHandover(grpc::ServerContext* ctx, const v1::CreateHandoverRequest* req,
                              v1::Handover* resp) override;
  grpc::Status GetHandover(grpc::ServerContext* ctx, const v1::GetHandoverRequest* req, v1::Handover* resp) override;
  grpc::Status ListHandovers(grpc::ServerContext* ctx, const v1::ListHandoversRequest* req,
                             v1::ListHandoversResponse* resp) override;
  grpc::Status AcknowledgeHandover(grpc::ServerContext* ctx, const v1::AcknowledgeHandoverRequest* req,
                                   v1::Handover* resp) override;
};

}  // namespace huinong::tickets
