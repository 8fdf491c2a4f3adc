// TicketService's transitions (see tickets_api.h): each handler checks its
// request's own fields and names the step (app/ticket_steps.h); Transition
// (tickets_api.h) runs it through the kit — the etag, the actor's rule, the
// table, the timeline, the clocks and the audit event are ChangeTicket's.
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/api/tickets_api.h"

namespace huinong::tickets {

absl::Time RequiredTime(bool has, const google::protobuf::Timestamp& ts, const std::string& field,
                        rpc::Violations& v) {
  if (!has) v.Add(field, "required");
  return has ? rpc::FromTimestamp(ts) : absl::InfinitePast();
}

grpc::Status TicketsApi::AnswerAtFirstContact(grpc::ServerContext* ctx, const v1::AnswerAtFirstContactRequest* req,
                                              v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "AnswerAtFirstContact", [&](rpc::Violations& v) {
    rpc::CheckText(req->answer(), "answer", 1, 4000, v);
    return AnswerStep(req->answer());
  });
}

grpc::Status TicketsApi::OpenCase(grpc::ServerContext* ctx, const v1::OpenCaseRequest* req, v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "OpenCase", [&](rpc::Violations& v) {
    const absl::Time promised = RequiredTime(req->has_promised_time(), req->promised_time(), "promised_time", v);
    const std::string unit = rpc::ParseOptionalName(req->resolver_unit(), "units", "resolver_unit", v);
    rpc::CheckText(req->note(), "note", 0, 2000, v);
    return OpenCaseStep(promised, unit, req->note());
  });
}

grpc::Status TicketsApi::AssignTicket(grpc::ServerContext* ctx, const v1::AssignTicketRequest* req,
                                      v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "AssignTicket", [&](rpc::Violations& v) {
    const std::string unit = rpc::ParseOptionalName(req->resolver_unit(), "units", "resolver_unit", v);
    const std::string assignee = rpc::ParseName(req->assignee(), "staff", "assignee", v);
    rpc::CheckText(req->note(), "note", 0, 2000, v);
    return AssignStep(unit, assignee, req->note());
  });
}

grpc::Status TicketsApi::StartWork(grpc::ServerContext* ctx, const v1::StartWorkRequest* req, v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "StartWork", [&](rpc::Violations& v) {
    rpc::CheckText(req->note(), "note", 0, 2000, v);
    return StartWorkStep(req->note());
  });
}

grpc::Status TicketsApi::TransferTicket(grpc::ServerContext* ctx, const v1::TransferTicketRequest* req,
                                        v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "TransferTicket", [&](rpc::Violations& v) {
    const std::string to_unit = rpc::ParseName(req->to_unit(), "units", "to_unit", v);
    const std::string to_assignee = rpc::ParseOptionalName(req->to_assignee(), "staff", "to_assignee", v);
    rpc::CheckText(req->reason(), "reason", 1, 1000, v);
    rpc::CheckText(req->customer_note(), "customer_note", 1, 1000, v);
    return TransferStep(to_unit, to_assignee, req->reason(), req->customer_note());
  });
}

grpc::Status TicketsApi::EscalateTicket(grpc::ServerContext* ctx, const v1::EscalateTicketRequest* req,
                                        v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "EscalateTicket", [&](rpc::Violations& v) {
    std::optional<EscalationLevel> level;
    if (!v1::EscalationLevel_IsValid(req->to_level())) v.Add("to_level", "not an escalation level");
    if (req->to_level() != v1::ESCALATION_LEVEL_UNSPECIFIED) level = static_cast<EscalationLevel>(req->to_level());
    rpc::CheckText(req->reason(), "reason", 1, 1000, v);
    rpc::CheckText(req->customer_note(), "customer_note", 1, 1000, v);
    return EscalateStep(level, req->reason(), req->customer_note());
  });
}

grpc::Status TicketsApi::WaitForCustomer(grpc::ServerContext* ctx, const v1::WaitForCustomerRequest* req,
                                         v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "WaitForCustomer", [&](rpc::Violations& v) {
    rpc::CheckText(req->reason(), "reason", 1, 1000, v);
    return WaitForCustomerStep(req->reason());
  });
}

grpc::Status TicketsApi::ResumeTicket(grpc::ServerContext* ctx, const v1::ResumeTicketRequest* req,
                                      v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "ResumeTicket", [&](rpc::Violations& v) {
    rpc::CheckText(req->note(), "note", 0, 2000, v);
    return ResumeStep(req->note());
  });
}

grpc::Status TicketsApi::ResolveTicket(grpc::ServerContext* ctx, const v1::ResolveTicketRequest* req,
                                       v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "ResolveTicket", [&](rpc::Violations& v) {
    rpc::CheckText(req->resolution(), "resolution", 1, 4000, v);
    return ResolveStep(req->resolution());
  });
}

grpc::Status TicketsApi::ReopenTicket(grpc::ServerContext* ctx, const v1::ReopenTicketRequest* req,
                                      v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "ReopenTicket", [&](rpc::Violations& v) {
    rpc::CheckText(req->reason(), "reason", 1, 1000, v);
    const absl::Time promised = RequiredTime(req->has_promised_time(), req->promised_time(), "promised_time", v);
    return ReopenStep(req->reason(), promised);
  });
}

grpc::Status TicketsApi::CancelTicket(grpc::ServerContext* ctx, const v1::CancelTicketRequest* req,
                                      v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "CancelTicket", [&](rpc::Violations& v) {
    if (req->reason() <= v1::CANCEL_REASON_UNSPECIFIED || !v1::CancelReason_IsValid(req->reason())) {
      v.Add("reason", "required: DUPLICATE, CREATED_IN_ERROR or CUSTOMER_WITHDREW");
    }
    std::string duplicate_of;
    if (req->reason() == v1::CANCEL_REASON_DUPLICATE) {
      duplicate_of = rpc::ParseName(req->duplicate_of(), "tickets", "duplicate_of", v);
    }
    rpc::CheckText(req->note(), "note", 1, 1000, v);
    return CancelStep(static_cast<CancelReason>(req->reason()), duplicate_of, req->note());
  });
}

}  // namespace huinong::tickets
