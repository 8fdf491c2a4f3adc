#include "bench/audit_load.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/ids.h"
#include "common/rpc/proto_time.h"

namespace huinong::bench {

audit::v1::AppendEventsRequest AuditBatch(int size) {
  audit::v1::AppendEventsRequest req;
  for (int i = 0; i < size; ++i) {
    auto* e = req.add_events();
    e->set_event_id(NewUlid());
    *e->mutable_time() = rpc::ToTimestamp(absl::Now());
    e->set_service(kAuditBenchService);
    e->mutable_actor()->set_subject("staff/bench");
    e->mutable_actor()->set_unit("units/BENCH");
    e->mutable_actor()->add_roles("staff");
    e->set_action("bench.Append");
    e->set_resource_type("bench");
    e->set_resource_id(absl::StrCat("bench/", i));
    e->set_request_id(NewUlid());
    e->set_after_json(R"({"amount_fen":"5000000","display_name":"东红寺村金融扶贫服务站"})");
  }
  return req;
}

absl::Status AppendAuditBatch(audit::v1::AuditService::Stub& stub, const std::string& bearer, int size,
                              absl::Duration timeout) {
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", bearer);
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  audit::v1::AppendEventsResponse resp;
  grpc::Status s = stub.AppendEvents(&ctx, AuditBatch(size), &resp);
  if (!s.ok()) return absl::Status(static_cast<absl::StatusCode>(s.error_code()), s.error_message());
  if (resp.results_size() != size) {
    return absl::InternalError(absl::StrCat("AppendEvents answered ", resp.results_size(), " of ", size));
  }
  return absl::OkStatus();
}

}  // namespace huinong::bench
