// In-process fake of svc-audit for client tests; see fake_audit.h.
#include "tools/huinongctl/tests/fake_audit.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/audit_chain/chain_mapping.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"

namespace huinong::ctl::testing {

namespace v1 = ::huinong::audit::v1;

namespace {

constexpr int kMaxPage = 2;  // small, so clients must follow next_page_token

grpc::Status Grpc(const absl::Status& status) { return rpc::ToGrpcStatus(status); }

bool Matches(const v1::SearchEventsRequest& req, const audit::Event& e) {
  if (!req.resource_type().empty() && e.resource_type != req.resource_type()) return false;
  if (!req.resource_id().empty() && e.resource_id != req.resource_id()) return false;
  if (!req.actor_subject().empty() && e.actor_subject != req.actor_subject()) return false;
  if (!req.actor_unit().empty() && e.actor_unit != req.actor_unit()) return false;
  if (!req.action().empty() && e.action != req.action()) return false;
  if (!req.service().empty() && e.service != req.service()) return false;
  if (!req.request_id().empty() && e.request_id != req.request_id()) return false;
  if (req.has_time_from() && e.time < rpc::FromTimestamp(req.time_from())) return false;
  if (req.has_time_to() && e.time >= rpc::FromTimestamp(req.time_to())) return false;
  return true;
}

}  // namespace

audit::Event SampleEvent(int n, const std::string& resource_id) {
  audit::Event e;
  e.event_id = absl::StrCat("01HXEVENT", 1000 + n);
  e.time = absl::FromCivil(absl::CivilMinute(2024, 5, 1, 8, n), absl::UTCTimeZone()) + absl::Microseconds(123456);
  e.service = "svc-org";
  e.actor_subject = "staff/01HXADMIN";
  e.actor_unit = "units/01HXCOUNTY";
  e.actor_roles = {"admin", "org.admin"};
  e.action = "org.CreateUnit";
  e.resource_type = "unit";
  e.resource_id = resource_id;
  e.resource_unit = "units/01HXCOUNTY";
  e.request_id = absl::StrCat("01HXREQ", n);
  e.after_json = absl::StrCat("{\"display_name\":\"宫村镇金融服务部\",\"n\":", n, "}");
  return e;
}

FakeAudit::FakeAudit() : key_(*audit::GenerateSigningKey()) {}

int64_t FakeAudit::Append(audit::Event event) {
  absl::MutexLock lock(&mu_);
  event.sequence = static_cast<int64_t>(events_.size()) + 1;
  event.time = audit::TruncateToMicros(event.time);
  event.prev_hash = events_.empty() ? audit::ZeroHash() : events_.back().hash;
  event.hash = audit::ChainHash(event.prev_hash, event);
  event.append_time = event.time + absl::Seconds(1);
  events_.push_back(std::move(event));
  return events_.back().sequence;
}

void FakeAudit::Checkpoint() {
  absl::MutexLock lock(&mu_);
  audit::Checkpoint c;
  c.sequence = events_.back().sequence;
  c.head_hash = events_.back().hash;
  c.time = audit::TruncateToMicros(events_.back().time + absl::Seconds(30));
  c.key_id = key_.key_id;
  c.signature = *audit::Sign(key_, audit::CheckpointBytes(c));
  checkpoints_.push_back(std::move(c));
}

void FakeAudit::Tamper(int64_t sequence, const std::string& after_json) {
  absl::MutexLock lock(&mu_);
  events_[static_cast<size_t>(sequence - 1)].after_json = after_json;
}

void FakeAudit::SetVerifyBatch(int64_t batch) {
  absl::MutexLock lock(&mu_);
  verify_batch_ = batch;
}

void FakeAudit::FailExportAfter(int events) {
  absl::MutexLock lock(&mu_);
  fail_export_after_ = events;
}

grpc::Status FakeAudit::SearchEvents(grpc::ServerContext*, const v1::SearchEventsRequest* req,
                                     v1::SearchEventsResponse* resp) {
  absl::MutexLock lock(&mu_);
  searches_.push_back(*req);
  if (!req->resource_id().empty() && req->resource_type().empty()) {
    return Grpc(rpc::InvalidField("resource_type", "required with resource_id"));
  }
  int64_t after = 0;  // the token is the last sequence sent
  if (!req->page_token().empty() && !absl::SimpleAtoi(req->page_token(), &after)) {
    return Grpc(rpc::InvalidField("page_token", "not a token from this method"));
  }
  std::vector<const audit::Event*> matching;
  for (const audit::Event& e : events_) {
    if (Matches(*req, e)) matching.push_back(&e);
  }
  if (req->newest_first()) std::reverse(matching.begin(), matching.end());
  const int size = std::min(req->page_size() == 0 ? 50 : req->page_size(), kMaxPage);
  int sent = 0;
  for (size_t i = 0; i < matching.size(); ++i) {
    const int64_t seq = matching[i]->sequence;
    if (after != 0 && (req->newest_first() ? seq >= after : seq <= after)) continue;
    if (sent == size) {
      resp->set_next_page_token(absl::StrCat(resp->events(sent - 1).sequence()));
      break;
    }
    *resp->add_events() = audit::ProtoEvent(*matching[i]);
    ++sent;
  }
  return grpc::Status::OK;
}

grpc::Status FakeAudit::VerifyChain(grpc::ServerContext*, const v1::VerifyChainRequest* req,
                                    v1::VerifyChainResponse* resp) {
  absl::MutexLock lock(&mu_);
  verifies_.push_back(*req);
  const int64_t head = static_cast<int64_t>(events_.size());
  const int64_t start = req->start_sequence() == 0 ? 1 : req->start_sequence();
  const int64_t end = req->end_sequence() == 0 ? head : req->end_sequence();
  if (end > head || start > end + 1) return Grpc(rpc::InvalidField("end_sequence", "beyond the head"));
  int64_t stop = end;
  int64_t batch = verify_batch_;
  if (req->max_events() > 0) batch = std::min(batch, req->max_events());
  if (stop - start + 1 > batch) stop = start + batch - 1;

  audit::ChainVerifier verifier(start, start == 1 ? audit::ZeroHash() : events_[start - 2].hash);
  std::optional<audit::ChainFault> fault;
  int64_t checkpoints = 0;
  for (int64_t seq = start; seq <= stop && !fault; ++seq) {
    const audit::Event& e = events_[static_cast<size_t>(seq - 1)];
    fault = verifier.Feed(e);
    for (const audit::Checkpoint& c : checkpoints_) {
      if (fault || c.sequence != seq) continue;
      fault = verifier.FeedCheckpoint(c, e.hash, key_.public_key);
      ++checkpoints;
    }
  }
  resp->set_start_sequence(start);
  resp->set_end_sequence(stop);
  resp->set_checked_count(verifier.checked());
  resp->set_checkpoints_checked(checkpoints);
  resp->set_ok(!fault.has_value());
  if (fault) {
    resp->set_first_bad_sequence(fault->sequence);
    resp->set_problem(audit::ProtoProblem(fault->problem));
    return grpc::Status::OK;
  }
  resp->set_end_hash(verifier.head_hash());
  if (stop < end) resp->set_next_start_sequence(stop + 1);
  return grpc::Status::OK;
}

grpc::Status FakeAudit::ExportEvents(grpc::ServerContext*, const v1::ExportEventsRequest* req,
                                     grpc::ServerWriter<v1::ExportEventsResponse>* writer) {
  absl::MutexLock lock(&mu_);
  exports_.push_back(*req);
  const int64_t head = static_cast<int64_t>(events_.size());
  const int64_t start = req->start_sequence() == 0 ? 1 : req->start_sequence();
  int64_t end = req->end_sequence() == 0 ? head : req->end_sequence();
  if (end > head || start > end) return Grpc(rpc::InvalidField("end_sequence", "beyond the head"));
  if (!req->exact_range()) {
    for (const audit::Checkpoint& c : checkpoints_) {
      if (c.sequence >= end) {
        end = c.sequence;
        break;
      }
    }
  }
  v1::ExportEventsResponse message;
  v1::ExportHeader& header = *message.mutable_header();
  header.set_start_sequence(start);
  header.set_end_sequence(end);
  header.set_anchor_prev_hash(events_[static_cast<size_t>(start - 1)].prev_hash);
  header.set_format("huinong.audit.v1");
  v1::SigningKey& key = *header.add_signing_keys();
  key.set_name("signingKeys/" + key_.key_id);
  key.set_key_id(key_.key_id);
  key.set_algorithm("Ed25519");
  key.set_public_key(key_.public_key);
  writer->Write(message);
  int sent = 0;
  for (int64_t seq = start; seq <= end; ++seq) {
    if (fail_export_after_ > 0 && sent == fail_export_after_) {
      return grpc::Status(grpc::StatusCode::UNAVAILABLE, "svc-audit went away");
    }
    message.Clear();
    *message.mutable_event() = audit::ProtoEvent(events_[static_cast<size_t>(seq - 1)]);
    writer->Write(message);
    ++sent;
    for (const audit::Checkpoint& c : checkpoints_) {
      if (c.sequence != seq) continue;
      message.Clear();
      *message.mutable_checkpoint() = audit::ProtoCheckpoint(c);
      writer->Write(message);
    }
  }
  return grpc::Status::OK;
}

std::vector<v1::SearchEventsRequest> FakeAudit::searches() const {
  absl::MutexLock lock(&mu_);
  return searches_;
}

std::vector<v1::VerifyChainRequest> FakeAudit::verifies() const {
  absl::MutexLock lock(&mu_);
  return verifies_;
}

std::vector<v1::ExportEventsRequest> FakeAudit::exports() const {
  absl::MutexLock lock(&mu_);
  return exports_;
}

}  // namespace huinong::ctl::testing
