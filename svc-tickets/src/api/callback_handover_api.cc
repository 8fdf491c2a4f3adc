// See callback_handover_api.h.
#include "svc-tickets/src/api/callback_handover_api.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/api/handover_mapping.h"
#include "svc-tickets/src/api/list_filters.h"
#include "svc-tickets/src/api/ticket_mapping.h"
#include "svc-tickets/src/app/callbacks.h"
#include "svc-tickets/src/app/handovers.h"
#include "svc-tickets/src/store/callback_store.h"
#include "svc-tickets/src/store/handover_store.h"

namespace huinong::tickets {

grpc::Status CallbackHandoverApi::RecordCallback(grpc::ServerContext* ctx, const v1::RecordCallbackRequest* req,
                                                 v1::RecordCallbackResponse* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RecordCallback",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::RecordCallbackResponse> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "tickets", "name", v);
    if (req->etag().empty()) v.Add("etag", "required: the ticket's current etag");
    // An unset attempt time is the change's own instant, filled in there.
    const CallbackAttempt attempt = CallbackFrom(req->callback(), absl::InfinitePast(), v);
    std::optional<absl::Time> promised;
    if (req->has_promised_time()) promised = rpc::FromTimestamp(req->promised_time());
    RETURN_IF_ERROR(v.ToStatus());
    const bool timed = req->callback().has_attempt_time();
    return [=, this, &caller](server::Mutation& m) -> absl::StatusOr<v1::RecordCallbackResponse> {
      CallbackAttempt a = attempt;
      if (!timed) a.time = m.now();
      ASSIGN_OR_RETURN(const Ticket t, ChangeTicket(m, desk_, id, req->etag(), CallbackStep(a, promised)));
      ASSIGN_OR_RETURN(const std::vector<CallbackAttempt> all, store::ListCallbacks(m.tx(), id));
      v1::RecordCallbackResponse out;
      ASSIGN_OR_RETURN(*out.mutable_ticket(), Shown(caller, t));
      *out.mutable_callback() = CallbackProto(id, static_cast<int>(all.size()), all.back());
      return out;
    };
  });
}

grpc::Status CallbackHandoverApi::ListCallbacks(grpc::ServerContext* ctx, const v1::ListCallbacksRequest* req,
                                                v1::ListCallbacksResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->ticket(), "tickets", "ticket", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    const int64_t after = rpc::PageAfterSequence(req->page_token(), req->ticket(), 0, v);
    return reader([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(ReadableTicket(org_, caller, conn, id).status());
      ASSIGN_OR_RETURN(const std::vector<CallbackAttempt> all, store::ListCallbacks(conn, id));
      int seq = 0;
      for (const CallbackAttempt& a : all) {
        ++seq;
        if (seq <= after) continue;
        if (resp->callbacks_size() == page_size) {
          resp->set_next_page_token(rpc::EncodePageToken(req->ticket(), absl::StrCat(seq - 1)));
          break;
        }
        *resp->add_callbacks() = CallbackProto(id, seq, a);
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status CallbackHandoverApi::CloseUnreachable(grpc::ServerContext* ctx, const v1::CloseUnreachableRequest* req,
                                                   v1::Ticket* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CloseUnreachable",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Ticket> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "tickets", "name", v);
    if (req->etag().empty()) v.Add("etag", "required: the ticket's current etag");
    rpc::CheckText(req->reason(), "reason", 1, 1000, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this, &caller](server::Mutation& m) -> absl::StatusOr<v1::Ticket> {
      ASSIGN_OR_RETURN(const Ticket t,
                       ChangeTicket(m, desk_, id, req->etag(), CloseUnreachableStep(req->reason())));
      return Shown(caller, t);
    };
  });
}

grpc::Status CallbackHandoverApi::CreateHandover(grpc::ServerContext* ctx, const v1::CreateHandoverRequest* req,
                                                 v1::Handover* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateHandover",
                     [&](const auth::Principal&) -> server::Prepared<v1::Handover> {
    rpc::Violations v;
    if (!req->has_handover()) v.Add("handover", "required");
    const Handover draft = HandoverDraftFrom(req->handover(), v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Handover> {
      ASSIGN_OR_RETURN(const Handover h, tickets::CreateHandover(m, desk_, draft));
      RETURN_IF_ERROR(RecordHandover(m, nullptr, h));
      return HandoverProto(h);
    };
  });
}

grpc::Status CallbackHandoverApi::GetHandover(grpc::ServerContext* ctx, const v1::GetHandoverRequest* req,
                                              v1::Handover* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "handovers", "name", v);
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(const Handover h, ReadableHandover(org_, caller, conn, id, kit_.clock().Today()));
      *resp = HandoverProto(h);
      return absl::OkStatus();
    });
  });
}

grpc::Status CallbackHandoverApi::ListHandovers(grpc::ServerContext* ctx, const v1::ListHandoversRequest* req,
                                                v1::ListHandoversResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::HandoverQuery q;
    q.unit_id = rpc::ParseOptionalName(req->unit(), "units", "unit", v);
    if (!v1::HandoverKind_IsValid(req->kind())) v.Add("kind", "not a handover kind");
    q.kind = req->kind();
    if (!v1::HandoverState_IsValid(req->state())) v.Add("state", "not a handover state");
    q.state = req->state();
    q.staff = rpc::ParseOptionalName(req->staff(), "staff", "staff", v);
    if (req->has_create_time_from()) q.created_from = rpc::FromTimestamp(req->create_time_from());
    if (req->has_create_time_to()) q.created_to = rpc::FromTimestamp(req->create_time_to());
    const std::string filters = ListFilters(*req);
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    q.limit = page_size + 1;
    if (!v.empty()) return absl::OkStatus();  // answered with the bad fields
    ASSIGN_OR_RETURN(const HandoverScope scope, HandoverScopeOf(org_, caller));
    q.scope_paths = scope.paths;
    q.person = scope.person;
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<Handover> rows, store::ListHandovers(conn, q));
      resp->set_next_page_token(rpc::NextPageToken(rows, page_size, filters, [](const Handover& h) { return h.id; }));
      for (const Handover& h : rows) *resp->add_handovers() = HandoverProto(h);
      return absl::OkStatus();
    });
  });
}

grpc::Status CallbackHandoverApi::AcknowledgeHandover(grpc::ServerContext* ctx,
                                                      const v1::AcknowledgeHandoverRequest* req, v1::Handover* resp) {
  return kit_.Mutate(*ctx, *req, resp, "AcknowledgeHandover",
                     [&](const auth::Principal&) -> server::Prepared<v1::Handover> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "handovers", "name", v);
    if (req->etag().empty()) v.Add("etag", "required: the handover's current etag");
    rpc::CheckText(req->note(), "note", 0, 2000, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Handover> {
      Handover before;
      ASSIGN_OR_RETURN(const Handover h,
                       tickets::AcknowledgeHandover(m, desk_, id, req->etag(), req->note(), &before));
      RETURN_IF_ERROR(RecordHandover(m, &before, h));
      return HandoverProto(h);
    };
  });
}

}  // namespace huinong::tickets
