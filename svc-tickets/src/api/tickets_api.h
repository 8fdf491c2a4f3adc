// TicketService's gRPC handlers (protos/huinong/tickets/v1/ticket_service.proto):
// intake and reads (tickets_api.cc) and one handler per transition
// (ticket_transitions_api.cc), each a thin layer over app/: check the
// request's fields, then one kit call running the use case in one
// transaction (app/intake.h, app/ticket_change.h with app/ticket_steps.h).
// Methods not yet built answer UNIMPLEMENTED (the generated base), never a
// fake success.
#pragma once

#include <memory>

#include "huinong/tickets/v1/ticket_service.grpc.pb.h"
#include "svc-tickets/src/api/tickets_kit.h"
#include "svc-tickets/src/app/ticket_steps.h"

namespace huinong::tickets {

class TicketsApi final : public v1::TicketService::Service, TicketsHandlers {
 public:
  explicit TicketsApi(std::shared_ptr<TicketsKit> tickets) : TicketsHandlers(std::move(tickets)) {}

  grpc::Status CreateTicket(grpc::ServerContext* ctx, const v1::CreateTicketRequest* req, v1::Ticket* resp) override;
  grpc::Status GetTicket(grpc::ServerContext* ctx, const v1::GetTicketRequest* req, v1::Ticket* resp) override;
  grpc::Status ListTickets(grpc::ServerContext* ctx, const v1::ListTicketsRequest* req,
                           v1::ListTicketsResponse* resp) override;
  grpc::Status ListTicketActivities(grpc::ServerContext* ctx, const v1::ListTicketActivitiesRequest* req,
                                    v1::ListTicketActivitiesResponse* resp) override;

  grpc::Status AnswerAtFirstContact(grpc::ServerContext* ctx, const v1::AnswerAtFirstContactRequest* req,
                                    v1::Ticket* resp) override;
  grpc::Status OpenCase(grpc::ServerContext* ctx, const v1::OpenCaseRequest* req, v1::Ticket* resp) override;
  grpc::Status AssignTicket(grpc::ServerContext* ctx, const v1::AssignTicketRequest* req, v1::Ticket* resp) override;
  grpc::Status StartWork(grpc::ServerContext* ctx, const v1::StartWorkRequest* req, v1::Ticket* resp) override;
  grpc::Status TransferTicket(grpc::ServerContext* ctx, const v1::TransferTicketRequest* req,
                              v1::Ticket* resp) override;
  grpc::Status EscalateTicket(grpc::ServerContext* ctx, const v1::EscalateTicketRequest* req,
                              v1::Ticket* resp) override;
  grpc::Status WaitForCustomer(grpc::ServerContext* ctx, const v1::WaitForCustomerRequest* req,
                               v1::Ticket* resp) override;
  grpc::Status ResumeTicket(grpc::ServerContext* ctx, const v1::ResumeTicketRequest* req, v1::Ticket* resp) override;
  grpc::Status ResolveTicket(grpc::ServerContext* ctx, const v1::ResolveTicketRequest* req,
                             v1::Ticket* resp) override;
  grpc::Status ReopenTicket(grpc::ServerContext* ctx, const v1::ReopenTicketRequest* req, v1::Ticket* resp) override;
  grpc::Status CancelTicket(grpc::ServerContext* ctx, const v1::CancelTicketRequest* req, v1::Ticket* resp) override;

 private:
  // The transition's shape, once: `read` checks the request's own fields
  // into `v` and returns the step; then ChangeTicket in the kit.
  template <class Request>
  grpc::Status Transition(grpc::ServerContext* ctx, const Request& req, v1::Ticket* resp, absl::string_view method,
                          const std::function<TicketStep(rpc::Violations&)>& read);
};

}  // namespace huinong::tickets
