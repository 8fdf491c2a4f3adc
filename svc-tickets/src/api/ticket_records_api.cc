// TicketService's records, intake corrections and reply approvals (see
// tickets_api.h): each handler checks its request's own fields and names
// the step (app/ticket_records.h); Transition (tickets_api.h) runs it
// through the kit — the etag, the rule of the event or record, the timeline,
// the clocks and the audit event are ChangeTicket's.
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "svc-tickets/src/api/ticket_mapping.h"
#include "svc-tickets/src/api/tickets_api.h"
#include "svc-tickets/src/app/ticket_records.h"

namespace huinong::tickets {
namespace {

std::optional<absl::Time> OptionalTime(bool has, const google::protobuf::Timestamp& ts) {
  if (!has) return std::nullopt;
  return rpc::FromTimestamp(ts);
}

TicketChannel RequiredChannel(v1::TicketChannel channel, const std::string& field, rpc::Violations& v) {
  if (channel <= v1::TICKET_CHANNEL_UNSPECIFIED || !v1::TicketChannel_IsValid(channel)) {
    v.Add(field, "required: one of the channels");
  }
  return static_cast<TicketChannel>(channel);
}

}  // namespace

grpc::Status TicketsApi::UpdateTicket(grpc::ServerContext* ctx, const v1::UpdateTicketRequest* req,
                                      v1::Ticket* resp) {
  const v1::Ticket& in = req->ticket();
  return Transition(ctx, *req, in.name(), in.etag(), "ticket.", resp, "UpdateTicket", [&](rpc::Violations& v) {
    IntakeCorrection correction;
    correction.fields = rpc::MaskPaths(req->update_mask(), CorrectableFields(), v);
    // A path not correctable is named as such, not as a bad ticket field.
    std::erase_if(correction.fields, [](const std::string& f) { return !CorrectableFields().contains(f); });
    // The intake checks, kept for the fields the mask names.
    rpc::Violations intake;
    correction.details = DraftFrom(in, intake);
    rpc::KeepMasked(intake, "ticket", correction.fields, v);
    const bool rederives = correction.fields.contains("type") || correction.fields.contains("severity");
    rpc::CheckText(req->reason(), "reason", rederives ? 1 : 0, 1000, v);
    correction.reason = req->reason();
    return UpdateStep(std::move(correction));
  });
}

grpc::Status TicketsApi::RecordOnSiteArrival(grpc::ServerContext* ctx, const v1::RecordOnSiteArrivalRequest* req,
                                             v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "RecordOnSiteArrival", [&](rpc::Violations& v) {
    const std::string staff = rpc::ParseOptionalName(req->staff(), "staff", "staff", v);
    rpc::CheckText(req->note(), "note", 0, 2000, v);
    return OnSiteArrivalStep(staff, OptionalTime(req->has_arrival_time(), req->arrival_time()), req->note());
  });
}

grpc::Status TicketsApi::RecordManagerNotified(grpc::ServerContext* ctx, const v1::RecordManagerNotifiedRequest* req,
                                               v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "RecordManagerNotified", [&](rpc::Violations& v) {
    const std::string manager = rpc::ParseName(req->manager(), "staff", "manager", v);
    const TicketChannel channel = RequiredChannel(req->channel(), "channel", v);
    rpc::CheckText(req->note(), "note", 0, 2000, v);
    return ManagerNotifiedStep(manager, OptionalTime(req->has_notify_time(), req->notify_time()), channel,
                               req->note());
  });
}

grpc::Status TicketsApi::RecordFollowUp(grpc::ServerContext* ctx, const v1::RecordFollowUpRequest* req,
                                        v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "RecordFollowUp", [&](rpc::Violations& v) {
    rpc::CheckText(req->note(), "note", 1, 2000, v);
    const TicketChannel channel = RequiredChannel(req->channel(), "channel", v);
    return FollowUpStep(channel, req->note());
  });
}

grpc::Status TicketsApi::RenewPromise(grpc::ServerContext* ctx, const v1::RenewPromiseRequest* req,
                                      v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "RenewPromise", [&](rpc::Violations& v) {
    const absl::Time promised = RequiredTime(req->has_promised_time(), req->promised_time(), "promised_time", v);
    rpc::CheckText(req->progress_note(), "progress_note", 1, 2000, v);
    return RenewPromiseStep(promised, req->progress_note(), req->apologised());
  });
}

grpc::Status TicketsApi::SubmitReplyForApproval(grpc::ServerContext* ctx,
                                                const v1::SubmitReplyForApprovalRequest* req, v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "SubmitReplyForApproval", [&](rpc::Violations& v) {
    rpc::CheckText(req->proposed_reply(), "proposed_reply", 1, 4000, v);
    return SubmitReplyStep(req->proposed_reply());
  });
}

grpc::Status TicketsApi::ApproveReply(grpc::ServerContext* ctx, const v1::ApproveReplyRequest* req,
                                      v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "ApproveReply", [&](rpc::Violations& v) {
    rpc::CheckText(req->comment(), "comment", 0, 2000, v);
    return ApproveReplyStep(req->comment());
  });
}

grpc::Status TicketsApi::RejectReply(grpc::ServerContext* ctx, const v1::RejectReplyRequest* req, v1::Ticket* resp) {
  return Transition(ctx, *req, resp, "RejectReply", [&](rpc::Violations& v) {
    rpc::CheckText(req->comment(), "comment", 1, 2000, v);
    return RejectReplyStep(req->comment());
  });
}

}  // namespace huinong::tickets
