// An in-process stand-in for svc-audit behind the gateway, for testing the
// audit commands without a database: a real hash chain built with svc-audit's
// domain code (so what the client verifies offline is what the server would
// produce), checkpoints signed with a freshly generated Ed25519 key, and the
// API's behaviour the client relies on — keyset pages kept small (2) so
// clients must follow next_page_token, VerifyChain stopping after a few events
// so clients must follow next_start_sequence, and ExportEvents running on to
// the next checkpoint unless exact_range. Tests can tamper with a stored event
// the way a root user editing the database would, and make the export stream
// fail part way.
#pragma once

#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/audit_chain/chain.h"
#include "common/audit_chain/signature.h"
#include "huinong/audit/v1/audit.grpc.pb.h"

namespace huinong::ctl::testing {

class FakeAudit final : public audit::v1::AuditService::Service {
 public:
  FakeAudit();

  grpc::Status SearchEvents(grpc::ServerContext* ctx, const audit::v1::SearchEventsRequest* req,
                            audit::v1::SearchEventsResponse* resp) override;
  grpc::Status VerifyChain(grpc::ServerContext* ctx, const audit::v1::VerifyChainRequest* req,
                           audit::v1::VerifyChainResponse* resp) override;
  grpc::Status ExportEvents(grpc::ServerContext* ctx, const audit::v1::ExportEventsRequest* req,
                            grpc::ServerWriter<audit::v1::ExportEventsResponse>* writer) override;

  // Appends `event` (its chain fields are set here); returns its sequence.
  int64_t Append(audit::Event event);
  // Signs the current head.
  void Checkpoint();
  // Rewrites a stored event's after_json without touching its hash.
  void Tamper(int64_t sequence, const std::string& after_json);
  // VerifyChain checks at most this many events per call (on top of max_events).
  void SetVerifyBatch(int64_t batch);
  // ExportEvents fails with UNAVAILABLE after sending this many events (0: never).
  void FailExportAfter(int events);

  const audit::SigningKeyPair& key() const { return key_; }
  std::vector<audit::v1::SearchEventsRequest> searches() const;
  std::vector<audit::v1::VerifyChainRequest> verifies() const;
  std::vector<audit::v1::ExportEventsRequest> exports() const;

 private:
  mutable absl::Mutex mu_;
  audit::SigningKeyPair key_;
  std::vector<audit::Event> events_;  // events_[i].sequence == i + 1
  std::vector<audit::Checkpoint> checkpoints_;
  int64_t verify_batch_ = 2;
  int fail_export_after_ = 0;
  std::vector<audit::v1::SearchEventsRequest> searches_;
  std::vector<audit::v1::VerifyChainRequest> verifies_;
  std::vector<audit::v1::ExportEventsRequest> exports_;
};

// A plausible event: svc-org creating a unit at 2024-05-01T08:00:00.123456Z + `n` minutes.
audit::Event SampleEvent(int n, const std::string& resource_id);

}  // namespace huinong::ctl::testing
