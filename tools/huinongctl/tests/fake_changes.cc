// The fake's change requests and approval chains; see fake_suite.h.
#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/rpc/errors.h"
#include "tools/huinongctl/src/change_format.h"
#include "tools/huinongctl/tests/fake_suite.h"

namespace huinong::ctl::testing {

namespace v1 = ::huinong::org::v1;

namespace {

grpc::Status Grpc(const absl::Status& status) { return rpc::ToGrpcStatus(status); }

template <typename Response>
bool Replay(const std::map<std::string, std::string>& replayed, const std::string& id, Response* resp) {
  const auto it = replayed.find(id);
  if (it == replayed.end()) return false;
  resp->ParseFromString(it->second);
  return true;
}

std::string NextEtag(const std::string& etag) {
  int n = 0;
  (void)absl::SimpleAtoi(etag, &n);
  return absl::StrCat(n + 1);
}

}  // namespace

// Record, lock, request id required and replayed.
#define FAKE_WRITE_PROLOGUE(method)                                                        \
  Record(ctx, method);                                                                     \
  absl::MutexLock lock(&mu_);                                                              \
  if (req->request_id().empty()) return Grpc(rpc::InvalidField("request_id", "required")); \
  if (Replay(replayed_, req->request_id(), resp)) return grpc::Status::OK;

// The request named by req->name() with req->etag() checked; returns on failure.
#define FAKE_TRANSITION_PROLOGUE(method)                                                           \
  FAKE_WRITE_PROLOGUE(method)                                                                      \
  last_transition_etag_ = req->etag();                                                             \
  const auto found = std::find_if(changes_.begin(), changes_.end(),                                \
                                  [&](const v1::ChangeRequest& c) { return c.name() == req->name(); }); \
  if (found == changes_.end()) return Grpc(rpc::NotFound(req->name()));                            \
  v1::ChangeRequest& change = *found;                                                              \
  if (req->etag() != change.etag()) return Grpc(rpc::Aborted("STALE_ETAG", "the request has changed"));

grpc::Status FakeOrg::CreateChangeRequest(grpc::ServerContext* ctx, const v1::CreateChangeRequestRequest* req,
                                          v1::ChangeRequest* resp) {
  FAKE_WRITE_PROLOGUE("CreateChangeRequest");
  if (Find(req->change_request().unit()) == nullptr) return Grpc(rpc::NotFound(req->change_request().unit()));
  v1::ChangeRequest change = req->change_request();
  change.set_name(absl::StrFormat("changeRequests/CR%03d", changes_.size() + 1));
  change.set_state(v1::CHANGE_REQUEST_STATE_DRAFT);
  change.set_drafted_by("staff/S001");
  change.set_current_step(-1);
  change.set_etag("1");
  for (v1::ChangeItem& item : *change.mutable_items()) item.set_kind(ItemKind(item));
  changes_.push_back(change);
  replayed_[req->request_id()] = change.SerializeAsString();
  *resp = change;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::GetChangeRequest(grpc::ServerContext* ctx, const v1::GetChangeRequestRequest* req,
                                       v1::ChangeRequest* resp) {
  Record(ctx, "GetChangeRequest");
  absl::MutexLock lock(&mu_);
  for (const v1::ChangeRequest& c : changes_) {
    if (c.name() == req->name()) {
      *resp = c;
      return grpc::Status::OK;
    }
  }
  return Grpc(rpc::NotFound(req->name()));
}

grpc::Status FakeOrg::ListChangeRequests(grpc::ServerContext* ctx, const v1::ListChangeRequestsRequest* req,
                                         v1::ListChangeRequestsResponse* resp) {
  Record(ctx, "ListChangeRequests");
  absl::MutexLock lock(&mu_);
  last_change_list_ = *req;
  for (const v1::ChangeRequest& c : changes_) {
    if (!req->unit().empty() && c.unit() != req->unit()) continue;
    if (req->state() != v1::CHANGE_REQUEST_STATE_UNSPECIFIED && c.state() != req->state()) continue;
    *resp->add_change_requests() = c;
  }
  return grpc::Status::OK;
}

grpc::Status FakeOrg::SubmitChangeRequest(grpc::ServerContext* ctx, const v1::SubmitChangeRequestRequest* req,
                                          v1::ChangeRequest* resp) {
  FAKE_TRANSITION_PROLOGUE("SubmitChangeRequest");
  if (change.state() != v1::CHANGE_REQUEST_STATE_DRAFT) {
    return Grpc(rpc::FailedPrecondition("INVALID_TRANSITION", "the request is not a draft"));
  }
  rpc::Violations v;
  if (change.items().empty()) v.Add("items", "required at submit");
  if (!change.has_effective_date()) v.Add("effective_date", "required at submit");
  if (!v.empty()) return Grpc(v.ToStatus());
  const v1::ApprovalChain* chain = nullptr;
  for (const v1::ApprovalChain& c : chains_) {
    if (c.unit() == change.unit()) chain = &c;
  }
  if (chain == nullptr) return Grpc(rpc::FailedPrecondition("NO_APPROVAL_CHAIN", "no approval chain applies"));
  for (const v1::ApprovalStepTemplate& t : chain->steps()) {
    bool applies = t.applies_to().empty();
    for (const v1::ChangeItem& item : change.items()) {
      applies = applies || std::find(t.applies_to().begin(), t.applies_to().end(), item.kind()) != t.applies_to().end();
    }
    if (!applies) continue;
    v1::ApprovalStep& step = *change.add_steps();
    step.set_title(t.title());
    step.set_required_capability(t.required_capability());
    step.set_at_unit(t.at_unit());
    step.set_state(v1::APPROVAL_STEP_STATE_PENDING);
  }
  change.set_state(v1::CHANGE_REQUEST_STATE_IN_APPROVAL);
  change.set_current_step(0);
  change.set_etag(NextEtag(change.etag()));
  replayed_[req->request_id()] = change.SerializeAsString();
  *resp = change;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::ApproveChangeRequest(grpc::ServerContext* ctx, const v1::ApproveChangeRequestRequest* req,
                                           v1::ChangeRequest* resp) {
  FAKE_TRANSITION_PROLOGUE("ApproveChangeRequest");
  if (change.state() != v1::CHANGE_REQUEST_STATE_IN_APPROVAL) {
    return Grpc(rpc::FailedPrecondition("INVALID_TRANSITION", "the request is not in approval"));
  }
  v1::ApprovalStep& step = *change.mutable_steps(change.current_step());
  step.set_state(v1::APPROVAL_STEP_STATE_APPROVED);
  step.set_decided_by("staff/S900");
  step.set_comment(req->comment());
  if (change.current_step() + 1 < change.steps_size()) {
    change.set_current_step(change.current_step() + 1);
  } else {
    change.set_current_step(-1);
    change.set_state(v1::CHANGE_REQUEST_STATE_APPROVED);
  }
  change.set_etag(NextEtag(change.etag()));
  replayed_[req->request_id()] = change.SerializeAsString();
  *resp = change;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::RejectChangeRequest(grpc::ServerContext* ctx, const v1::RejectChangeRequestRequest* req,
                                          v1::ChangeRequest* resp) {
  FAKE_TRANSITION_PROLOGUE("RejectChangeRequest");
  if (change.state() != v1::CHANGE_REQUEST_STATE_IN_APPROVAL) {
    return Grpc(rpc::FailedPrecondition("INVALID_TRANSITION", "the request is not in approval"));
  }
  if (req->comment().empty()) return Grpc(rpc::InvalidField("comment", "required"));
  v1::ApprovalStep& step = *change.mutable_steps(change.current_step());
  step.set_state(v1::APPROVAL_STEP_STATE_REJECTED);
  step.set_decided_by("staff/S900");
  step.set_comment(req->comment());
  change.set_current_step(-1);
  change.set_state(v1::CHANGE_REQUEST_STATE_REJECTED);
  change.set_etag(NextEtag(change.etag()));
  replayed_[req->request_id()] = change.SerializeAsString();
  *resp = change;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::WithdrawChangeRequest(grpc::ServerContext* ctx, const v1::WithdrawChangeRequestRequest* req,
                                            v1::ChangeRequest* resp) {
  FAKE_TRANSITION_PROLOGUE("WithdrawChangeRequest");
  if (change.state() != v1::CHANGE_REQUEST_STATE_DRAFT && change.state() != v1::CHANGE_REQUEST_STATE_IN_APPROVAL) {
    return Grpc(rpc::FailedPrecondition("INVALID_TRANSITION", "the request is final"));
  }
  change.set_current_step(-1);
  change.set_state(v1::CHANGE_REQUEST_STATE_WITHDRAWN);
  change.set_etag(NextEtag(change.etag()));
  replayed_[req->request_id()] = change.SerializeAsString();
  *resp = change;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::CreateApprovalChain(grpc::ServerContext* ctx, const v1::CreateApprovalChainRequest* req,
                                          v1::ApprovalChain* resp) {
  FAKE_WRITE_PROLOGUE("CreateApprovalChain");
  if (Find(req->chain().unit()) == nullptr) return Grpc(rpc::NotFound(req->chain().unit()));
  for (const v1::ApprovalChain& c : chains_) {
    if (c.unit() == req->chain().unit()) return Grpc(rpc::AlreadyExists("CHAIN_EXISTS", "the unit has one"));
  }
  v1::ApprovalChain chain = req->chain();
  chain.set_name(absl::StrFormat("approvalChains/AC%03d", chains_.size() + 1));
  chain.set_etag("1");
  const absl::Time now = absl::Now();
  chain.mutable_create_time()->set_seconds(absl::ToUnixSeconds(now));
  chain.mutable_create_time()->set_nanos(
      static_cast<int32_t>(absl::ToInt64Nanoseconds(now - absl::FromUnixSeconds(absl::ToUnixSeconds(now)))));
  chains_.push_back(chain);
  replayed_[req->request_id()] = chain.SerializeAsString();
  *resp = chain;
  return grpc::Status::OK;
}

grpc::Status FakeOrg::GetApprovalChain(grpc::ServerContext* ctx, const v1::GetApprovalChainRequest* req,
                                       v1::ApprovalChain* resp) {
  Record(ctx, "GetApprovalChain");
  absl::MutexLock lock(&mu_);
  for (const v1::ApprovalChain& c : chains_) {
    if (c.name() == req->name()) {
      *resp = c;
      return grpc::Status::OK;
    }
  }
  return Grpc(rpc::NotFound(req->name()));
}

grpc::Status FakeOrg::ListApprovalChains(grpc::ServerContext* ctx, const v1::ListApprovalChainsRequest* req,
                                         v1::ListApprovalChainsResponse* resp) {
  Record(ctx, "ListApprovalChains");
  absl::MutexLock lock(&mu_);
  if (req->applies_to_unit().empty()) {
    for (const v1::ApprovalChain& c : chains_) *resp->add_chains() = c;
    return grpc::Status::OK;
  }
  // Like the server: the nearest chain up the tree, or NOT_FOUND.
  if (Find(req->applies_to_unit()) == nullptr) return Grpc(rpc::NotFound(req->applies_to_unit()));
  for (const v1::Unit* u = Find(req->applies_to_unit()); u != nullptr; u = Find(u->parent())) {
    for (const v1::ApprovalChain& c : chains_) {
      if (c.unit() != u->name()) continue;
      *resp->add_chains() = c;
      return grpc::Status::OK;
    }
  }
  return Grpc(rpc::NotFound(absl::StrCat("an approval chain for ", req->applies_to_unit())));
}

std::vector<v1::ChangeRequest> FakeOrg::ChangeRequests() const { absl::MutexLock lock(&mu_); return changes_; }
std::vector<v1::ApprovalChain> FakeOrg::Chains() const { absl::MutexLock lock(&mu_); return chains_; }
std::string FakeOrg::last_transition_etag() const { absl::MutexLock lock(&mu_); return last_transition_etag_; }
v1::ListChangeRequestsRequest FakeOrg::last_change_list() const { absl::MutexLock lock(&mu_); return last_change_list_; }

}  // namespace huinong::ctl::testing
