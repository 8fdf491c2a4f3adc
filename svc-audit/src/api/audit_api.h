// AuditService's gRPC handlers (see audit.proto for the contract). One class
// serves the service; its methods are defined per area: append_api.cc
// (ingest, and recording reads in the chain), verify_api.cc (VerifyChain,
// checkpoints, signing keys), search_api.cc (SearchEvents, ExportEvents).
#pragma once

#include <memory>

#include "common/audit_chain/signature.h"
#include "common/core/business_clock.h"
#include "common/db/pool.h"
#include "common/metrics/registry.h"
#include "common/server/call_gate.h"
#include "common/server/handler_kit.h"
#include "huinong/audit/v1/audit.grpc.pb.h"
#include "svc-audit/src/api/auditor_scope.h"

namespace huinong::audit {

class AuditApi final : public v1::AuditService::Service {
 public:
  // `registry`: where huinong_audit_chain_verifications_total{result} is
  // exported — one count per VerifyChain answered, "intact" or "broken"
  // (both series from start-up, so the first broken run is an increase);
  // and huinong_audit_chain_events, the events in the chain (its head's
  // sequence), read from the chain head at each scrape.
  AuditApi(db::DbPool& pool, const server::CallGate& gate, std::shared_ptr<const BusinessClock> clock,
           SigningKeyPair key, std::unique_ptr<AuditorScopes> scopes, metrics::Registry& registry);

  grpc::Status AppendEvents(grpc::ServerContext* ctx, const v1::AppendEventsRequest* req,
                            v1::AppendEventsResponse* resp) override;
  grpc::Status VerifyChain(grpc::ServerContext* ctx, const v1::VerifyChainRequest* req,
                           v1::VerifyChainResponse* resp) override;
  grpc::Status GetCheckpoint(grpc::ServerContext* ctx, const v1::GetCheckpointRequest* req,
                             v1::Checkpoint* resp) override;
  grpc::Status ListCheckpoints(grpc::ServerContext* ctx, const v1::ListCheckpointsRequest* req,
                               v1::ListCheckpointsResponse* resp) override;
  grpc::Status GetSigningKey(grpc::ServerContext* ctx, const v1::GetSigningKeyRequest* req,
                             v1::SigningKey* resp) override;
  grpc::Status SearchEvents(grpc::ServerContext* ctx, const v1::SearchEventsRequest* req,
                            v1::SearchEventsResponse* resp) override;
  grpc::Status ExportEvents(grpc::ServerContext* ctx, const v1::ExportEventsRequest* req,
                            grpc::ServerWriter<v1::ExportEventsResponse>* writer) override;

 private:
  // Appends one event recording that `caller` read the trail (fail closed:
  // a read that cannot be recorded is refused).
  absl::Status RecordRead(const auth::Principal& caller, const std::string& method,
                          const std::vector<std::pair<std::string, std::string>>& filters);

  db::DbPool& pool_;
  const server::CallGate& gate_;
  const server::HandlerKit kit_;
  SigningKeyPair key_;
  std::unique_ptr<AuditorScopes> scopes_;
  metrics::CounterFamily& verifications_;
  metrics::GaugeFamily& chain_events_;
};

// Readers of the trail: admin, or auditor (scoped).
absl::Status RequireReader(const auth::Principal& caller);

}  // namespace huinong::audit
