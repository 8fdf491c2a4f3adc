// SearchEvents and ExportEvents: reading the trail, always scoped and recorded.
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-audit/src/api/audit_api.h"
#include "svc-audit/src/api/event_mapping.h"
#include "svc-audit/src/store/event_store.h"

namespace huinong::audit {
namespace {

constexpr int kExportBatch = 500;

std::string TimeText(const google::protobuf::Timestamp& ts) {
  return ts.seconds() == 0 && ts.nanos() == 0 ? "" : CanonicalTime(rpc::FromTimestamp(ts));
}

}  // namespace

grpc::Status AuditApi::SearchEvents(grpc::ServerContext* ctx, const v1::SearchEventsRequest* req,
                                    v1::SearchEventsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    RETURN_IF_ERROR(RequireReader(caller));
    const int page_size = rpc::PageSize(req->page_size(), v);
    if (!req->resource_id().empty() && req->resource_type().empty()) {
      v.Add("resource_id", "needs resource_type");
    }
    store::SearchFilter f;
    f.resource_type = req->resource_type();
    f.resource_id = req->resource_id();
    f.actor_subject = req->actor_subject();
    f.actor_unit = req->actor_unit();
    f.action = req->action();
    f.service = req->service();
    f.request_id = req->request_id();
    f.newest_first = req->newest_first();
    if (req->has_time_from()) f.time_from = rpc::FromTimestamp(req->time_from());
    if (req->has_time_to()) f.time_to = rpc::FromTimestamp(req->time_to());
    if (f.time_from && f.time_to && *f.time_to <= *f.time_from) v.Add("time_to", "must be after time_from");
    const std::vector<std::pair<std::string, std::string>> filters = {
        {"resource_type", f.resource_type}, {"resource_id", f.resource_id},
        {"actor_subject", f.actor_subject}, {"actor_unit", f.actor_unit},
        {"action", f.action},               {"service", f.service},
        {"request_id", f.request_id},       {"time_from", TimeText(req->time_from())},
        {"time_to", TimeText(req->time_to())}, {"newest_first", f.newest_first ? "true" : "false"}};
    std::vector<std::string> parts;
    for (const auto& [k, value] : filters) parts.push_back(absl::StrCat(k, "=", value));
    const std::string fingerprint = absl::StrJoin(parts, "|");
    const int64_t after_seq =
        rpc::PageAfterSequence(req->page_token(), fingerprint, f.newest_first ? INT64_MAX : 0, v);
    RETURN_IF_ERROR(v.ToStatus());

    ASSIGN_OR_RETURN(ReaderScope scope, scopes_->For(caller));
    if (!scope.whole_chain) {
      if (!f.actor_unit.empty() &&
          std::find(scope.units.begin(), scope.units.end(), f.actor_unit) == scope.units.end()) {
        return rpc::PermissionDenied(absl::StrCat(f.actor_unit, " is outside the caller's scope"));
      }
      f.units = scope.units;
    }
    RETURN_IF_ERROR(RecordRead(caller, "SearchEvents", filters));
    std::vector<Event> events;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(events, store::Search(conn, f, after_seq, page_size + 1));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(rpc::NextPageToken(
        events, page_size, fingerprint, [](const Event& e) { return absl::StrCat(e.sequence); }));
    for (const auto& e : events) *resp->add_events() = ProtoEvent(e);
    return absl::OkStatus();
  });
}

grpc::Status AuditApi::ExportEvents(grpc::ServerContext* ctx, const v1::ExportEventsRequest* req,
                                    grpc::ServerWriter<v1::ExportEventsResponse>* writer) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    RETURN_IF_ERROR(RequireReader(caller));
    ASSIGN_OR_RETURN(ReaderScope scope, scopes_->For(caller));
    if (!scope.whole_chain) {
      return rpc::WithReason(
          rpc::PermissionDenied("a partial export could not be verified; exporting needs county-wide scope"),
          "EXPORT_REQUIRES_ROOT_SCOPE");
    }
    if (req->start_sequence() < 0) v.Add("start_sequence", "must not be negative");
    if (req->end_sequence() < 0) v.Add("end_sequence", "must not be negative");
    RETURN_IF_ERROR(v.ToStatus());
    RETURN_IF_ERROR(RecordRead(caller, "ExportEvents",
                               {{"start_sequence", absl::StrCat(req->start_sequence())},
                                {"end_sequence", absl::StrCat(req->end_sequence())},
                                {"time_from", TimeText(req->time_from())},
                                {"time_to", TimeText(req->time_to())}}));

    int64_t start = req->start_sequence() == 0 ? 1 : req->start_sequence();
    int64_t end = req->end_sequence();
    std::string anchor = ZeroHash();
    std::vector<store::StoredKey> keys;
    bool empty = false;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(store::Head head, store::ReadHead(conn));
      if (req->start_sequence() == 0 && req->end_sequence() == 0 &&
          (req->has_time_from() || req->has_time_to())) {
        const absl::Time from = req->has_time_from() ? rpc::FromTimestamp(req->time_from()) : absl::InfinitePast();
        const absl::Time to = req->has_time_to() ? rpc::FromTimestamp(req->time_to()) : absl::InfiniteFuture();
        ASSIGN_OR_RETURN(auto range, store::SequencesInTime(conn, from, to));
        if (!range) {
          empty = true;
          return absl::OkStatus();
        }
        std::tie(start, end) = *range;
      }
      if (end == 0) end = head.sequence;
      if (end > head.sequence) return rpc::InvalidField("end_sequence", "is beyond the head");
      if (start > end) return rpc::InvalidField("start_sequence", "is after end_sequence");
      if (!req->exact_range()) {
        ASSIGN_OR_RETURN(auto cover, store::CheckpointAtOrAfter(conn, end));
        if (cover) end = cover->sequence;  // so every exported event is under a signature
      }
      if (start > 1) {
        ASSIGN_OR_RETURN(auto prev, store::HashAt(conn, start - 1));
        if (!prev) return absl::DataLossError("the event before the export range is missing");
        anchor = *prev;
      }
      ASSIGN_OR_RETURN(auto cps, store::ListCheckpoints(conn, start, end, 0, 100000));
      std::set<std::string> ids;
      for (const auto& cp : cps) ids.insert(cp.key_id);
      for (const auto& id : ids) {
        ASSIGN_OR_RETURN(auto key, store::GetKey(conn, id));
        if (key) keys.push_back(*key);
      }
      return absl::OkStatus();
    }));
    v1::ExportEventsResponse header;
    auto* h = header.mutable_header();
    h->set_format("huinong.audit.v1");
    h->set_start_sequence(empty ? 0 : start);
    h->set_end_sequence(empty ? 0 : end);
    h->set_anchor_prev_hash(anchor);
    for (const auto& k : keys) {
      auto* sk = h->add_signing_keys();
      sk->set_name(absl::StrCat("signingKeys/", k.key_id));
      sk->set_key_id(k.key_id);
      sk->set_algorithm("Ed25519");
      sk->set_public_key(k.public_key);
      *sk->mutable_create_time() = rpc::ToTimestamp(k.create_time);
    }
    if (!writer->Write(header)) return absl::CancelledError("client went away");
    if (empty) return absl::OkStatus();

    for (int64_t cursor = start; cursor <= end;) {
      if (ctx->IsCancelled()) return absl::CancelledError("export cancelled");
      std::vector<Event> batch;
      std::vector<Checkpoint> cps;
      RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
        ASSIGN_OR_RETURN(batch, store::ReadRange(conn, cursor, end, kExportBatch));
        if (!batch.empty()) {
          ASSIGN_OR_RETURN(cps, store::ListCheckpoints(conn, cursor, batch.back().sequence, 0, kExportBatch));
        }
        return absl::OkStatus();
      }));
      if (batch.empty()) return absl::DataLossError(absl::StrCat("event ", cursor, " is missing"));
      size_t next_cp = 0;
      for (const Event& e : batch) {
        v1::ExportEventsResponse item;
        *item.mutable_event() = ProtoEvent(e);
        if (!writer->Write(item)) return absl::CancelledError("client went away");
        while (next_cp < cps.size() && cps[next_cp].sequence <= e.sequence) {
          if (cps[next_cp].sequence == e.sequence) {
            v1::ExportEventsResponse cp;
            *cp.mutable_checkpoint() = ProtoCheckpoint(cps[next_cp]);
            if (!writer->Write(cp)) return absl::CancelledError("client went away");
          }
          ++next_cp;
        }
      }
      cursor = batch.back().sequence + 1;
    }
    return absl::OkStatus();
  });
}

}  // namespace huinong::audit
