// See callback_handover_api.h.
#include "svc-tickets/src/api/callback_handover_api.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/api/ticket_mapping.h"
#include "svc-tickets/src/app/callbacks.h"
#include "svc-tickets/src/store/callback_store.h"

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

}  // namespace huinong::tickets
