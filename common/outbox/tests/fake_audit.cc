#include "common/outbox/tests/fake_audit.h"

#include <chrono>

#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace huinong::outbox::testing {

namespace audit_v1 = huinong::audit::v1;

FakeAudit::FakeAudit() {
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
  builder.RegisterService(this);
  server_ = builder.BuildAndStart();
}

FakeAudit::~FakeAudit() {
  if (server_) server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
}

std::string FakeAudit::address() const { return absl::StrCat("127.0.0.1:", port_); }

void FakeAudit::FailWith(grpc::StatusCode code) {
  absl::MutexLock lock(&mu_);
  fail_code_ = code;
}

void FakeAudit::ReplyAfter(absl::Duration delay) {
  absl::MutexLock lock(&mu_);
  reply_delay_ = delay;
}

std::vector<audit_v1::Event> FakeAudit::Chain() const {
  absl::MutexLock lock(&mu_);
  return chain_;
}

std::vector<std::string> FakeAudit::ChainIds() const {
  absl::MutexLock lock(&mu_);
  std::vector<std::string> ids;
  for (const auto& e : chain_) ids.push_back(e.event_id());
  return ids;
}

std::map<std::string, int> FakeAudit::Receipts() const {
  absl::MutexLock lock(&mu_);
  return receipts_;
}

int FakeAudit::calls() const {
  absl::MutexLock lock(&mu_);
  return calls_;
}

std::string FakeAudit::last_authorization() const {
  absl::MutexLock lock(&mu_);
  return last_authorization_;
}

grpc::Status FakeAudit::AppendEvents(grpc::ServerContext* ctx,
                                     const audit_v1::AppendEventsRequest* req,
                                     audit_v1::AppendEventsResponse* resp) {
  absl::Duration delay;
  {
    absl::MutexLock lock(&mu_);
    ++calls_;
    auto auth = ctx->client_metadata().find("authorization");
    if (auth != ctx->client_metadata().end()) {
      last_authorization_ = std::string(auth->second.data(), auth->second.size());
    }
    for (const auto& e : req->events()) ++receipts_[e.event_id()];
    if (fail_code_ != grpc::StatusCode::OK) return grpc::Status(fail_code_, "told to fail");
    if (req->events_size() == 0) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "empty batch");
    }
    // Appended atomically and in request order, as svc-audit does.
    for (const auto& e : req->events()) {
      auto* result = resp->add_results();
      result->set_event_id(e.event_id());
      auto known = sequence_of_.find(e.event_id());
      if (known != sequence_of_.end()) {
        result->set_sequence(known->second);
        result->set_duplicate(true);
        continue;
      }
      chain_.push_back(e);
      chain_.back().set_sequence(static_cast<int64_t>(chain_.size()));
      sequence_of_[e.event_id()] = static_cast<int64_t>(chain_.size());
      result->set_sequence(static_cast<int64_t>(chain_.size()));
    }
    delay = reply_delay_;
  }
  if (delay > absl::ZeroDuration()) absl::SleepFor(delay);
  return grpc::Status::OK;
}

}  // namespace huinong::outbox::testing
