// An in-process stand-in for svc-audit's AppendEvents, for relay tests: a
// gRPC server on a free port that keeps a "chain" (each event_id once, in
// first-append order, duplicates acknowledged as svc-audit does), counts every
// receipt, and can be told to fail every call with a code or to answer only
// after a delay (having stored the batch, as a lost reply would look).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/server.h>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "huinong/audit/v1/audit.grpc.pb.h"

namespace huinong::outbox::testing {

class FakeAudit final : public huinong::audit::v1::AuditService::Service {
 public:
  FakeAudit();
  ~FakeAudit() override;

  std::string address() const;  // "127.0.0.1:port"

  // Every call fails with `code` (OK: calls succeed again).
  void FailWith(grpc::StatusCode code);
  // Every successful call stores its batch, then waits `delay` before answering.
  void ReplyAfter(absl::Duration delay);

  std::vector<huinong::audit::v1::Event> Chain() const;
  std::vector<std::string> ChainIds() const;
  // How many times each event_id arrived (in any call, failed or not).
  std::map<std::string, int> Receipts() const;
  int calls() const;
  std::string last_authorization() const;

  grpc::Status AppendEvents(grpc::ServerContext* ctx,
                            const huinong::audit::v1::AppendEventsRequest* req,
                            huinong::audit::v1::AppendEventsResponse* resp) override;

 private:
  mutable absl::Mutex mu_;
  grpc::StatusCode fail_code_ ABSL_GUARDED_BY(mu_) = grpc::StatusCode::OK;
  absl::Duration reply_delay_ ABSL_GUARDED_BY(mu_);
  std::vector<huinong::audit::v1::Event> chain_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, int64_t> sequence_of_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, int> receipts_ ABSL_GUARDED_BY(mu_);
  int calls_ ABSL_GUARDED_BY(mu_) = 0;
  std::string last_authorization_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace huinong::outbox::testing
