// TicketService's gRPC handlers (protos/huinong/tickets/v1/ticket_service.proto):
// intake and reads (tickets_api.cc), one handler per transition
// (ticket_transitions_api.cc) and per record, correction or reply approval
// (ticket_records_api.cc), each a thin layer over app/: check the request's
// fields, then one kit call running the use case in one transaction
// (app/intake.h, app/ticket_change.h with app/ticket_steps.h and
// app/ticket_records.h).
// Methods not yet built answer UNIMPLEMENTED (the generated base), never a
// fake success.
#pragma once

#include <memory>

#include "common/core/status_macros.h"
#include "common/rpc/validate.h"
#include "huinong/tickets/v1/ticket_service.grpc.pb.h"
#include "svc-tickets/src/api/tickets_kit.h"
#include "svc-tickets/src/app/ticket_steps.h"

namespace huinong::tickets {

// A required time of the request: its value, or `field` named in `v`.
absl::Time RequiredTime(bool has, const google::protobuf::Timestamp& ts, const std::string& field,
                        rpc::Violations& v);

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

  grpc::Status UpdateTicket(grpc::ServerContext* ctx, const v1::UpdateTicketRequest* req, v1::Ticket* resp) override;
  grpc::Status RecordOnSiteArrival(grpc::ServerContext* ctx, const v1::RecordOnSiteArrivalRequest* req,
                                   v1::Ticket* resp) override;
  grpc::Status RecordManagerNotified(grpc::ServerContext* ctx, const v1::RecordManagerNotifiedRequest* req,
                                     v1::Ticket* resp) override;
  grpc::Status RecordFollowUp(grpc::ServerContext* ctx, const v1::RecordFollowUpRequest* req,
                              v1::Ticket* resp) override;
  grpc::Status RenewPromise(grpc::ServerContext* ctx, const v1::RenewPromiseRequest* req, v1::Ticket* resp) override;
  grpc::Status SubmitReplyForApproval(grpc::ServerContext* ctx, const v1::SubmitReplyForApprovalRequest* req,
                                      v1::Ticket* resp) override;
  grpc::Status ApproveReply(grpc::ServerContext* ctx, const v1::ApproveReplyRequest* req, v1::Ticket* resp) override;
  grpc::Status RejectReply(grpc::ServerContext* ctx, const v1::RejectReplyRequest* req, v1::Ticket* resp) override;

 private:
  using StepReader = std::function<TicketStep(rpc::Violations&)>;

  // The shape of every change of a ticket, once: the ticket `name` at
  // `etag` (request fields `prefix` + "name" / "etag"); `read` checks the
  // request's own fields into `v` and returns the step; then ChangeTicket
  // in the kit.
  template <class Request>
  grpc::Status Transition(grpc::ServerContext* ctx, const Request& req, const std::string& name,
                          const std::string& etag, const std::string& prefix, v1::Ticket* resp,
                          absl::string_view method, const StepReader& read) {
    return kit_.Mutate(*ctx, req, resp, method, [&](const auth::Principal& caller) -> server::Prepared<v1::Ticket> {
      rpc::Violations v;
      const std::string id = rpc::ParseName(name, "tickets", prefix + "name", v);
      if (etag.empty()) v.Add(prefix + "etag", "required: the ticket's current etag");
      TicketStep step = read(v);
      RETURN_IF_ERROR(v.ToStatus());
      return [=, this, &caller](server::Mutation& m) -> absl::StatusOr<v1::Ticket> {
        ASSIGN_OR_RETURN(const Ticket t, ChangeTicket(m, desk_, id, etag, step));
        return Shown(caller, t);
      };
    });
  }
  // A request naming the ticket in `name` and `etag`.
  template <class Request>
  grpc::Status Transition(grpc::ServerContext* ctx, const Request& req, v1::Ticket* resp, absl::string_view method,
                          const StepReader& read) {
    return Transition(ctx, req, req.name(), req.etag(), "", resp, method, read);
  }
};

}  // namespace huinong::tickets
