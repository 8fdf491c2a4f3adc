// The change-request and approval-chain handlers of OrgService
// (changes_api.cc, approval_chains_api.cc; see changes.proto and
// org_service.proto). Each method has the signature of the generated
// OrgService::Service virtual of the same name; OrgApi forwards.
//
// Guarantees: a request is drafted by org.admin or hr inside their scope (or
// admin); only its drafter (or admin) edits, submits or withdraws it; each
// step is decided by someone holding the step's capability for its unit on
// the day (or admin), never the drafter and never one person twice. Submit
// dry-runs every item against today's structure, so conflicts surface
// before anyone approves; the last approval applies every item in the same
// transaction as the decision, through the same writes as the direct
// methods, dated from the effective date. Every write is idempotent per
// (caller, request_id) and records one audit event through the outbox.
#pragma once

#include <grpcpp/server_context.h>

#include "common/db/pool.h"
#include "common/server/call_gate.h"
#include "common/server/handler_kit.h"
#include "huinong/org/v1/org_service.pb.h"
#include "svc-org/src/api/caller_scope.h"
#include "svc-org/src/domain/capability_cache.h"

namespace huinong::org {

class ChangesApi {
 public:
  // `scopes` and `grants` are shared with the other handlers of the service.
  ChangesApi(const server::HandlerKit& kit, CallerScopes& scopes, CapabilityCache& grants);

  grpc::Status CreateChangeRequest(grpc::ServerContext* ctx, const v1::CreateChangeRequestRequest* req,
                                   v1::ChangeRequest* resp);
  grpc::Status GetChangeRequest(grpc::ServerContext* ctx, const v1::GetChangeRequestRequest* req,
                                v1::ChangeRequest* resp);
  grpc::Status UpdateChangeRequest(grpc::ServerContext* ctx, const v1::UpdateChangeRequestRequest* req,
                                   v1::ChangeRequest* resp);
  grpc::Status ListChangeRequests(grpc::ServerContext* ctx, const v1::ListChangeRequestsRequest* req,
                                  v1::ListChangeRequestsResponse* resp);
  grpc::Status SubmitChangeRequest(grpc::ServerContext* ctx, const v1::SubmitChangeRequestRequest* req,
                                   v1::ChangeRequest* resp);
  grpc::Status ApproveChangeRequest(grpc::ServerContext* ctx, const v1::ApproveChangeRequestRequest* req,
                                    v1::ChangeRequest* resp);
  grpc::Status RejectChangeRequest(grpc::ServerContext* ctx, const v1::RejectChangeRequestRequest* req,
                                   v1::ChangeRequest* resp);
  grpc::Status WithdrawChangeRequest(grpc::ServerContext* ctx,
                                     const v1::WithdrawChangeRequestRequest* req, v1::ChangeRequest* resp);
  grpc::Status CreateApprovalChain(grpc::ServerContext* ctx, const v1::CreateApprovalChainRequest* req,
                                   v1::ApprovalChain* resp);
  grpc::Status GetApprovalChain(grpc::ServerContext* ctx, const v1::GetApprovalChainRequest* req,
                                v1::ApprovalChain* resp);
  grpc::Status UpdateApprovalChain(grpc::ServerContext* ctx, const v1::UpdateApprovalChainRequest* req,
                                   v1::ApprovalChain* resp);
  grpc::Status ListApprovalChains(grpc::ServerContext* ctx, const v1::ListApprovalChainsRequest* req,
                                  v1::ListApprovalChainsResponse* resp);

 private:
  // Approve and Reject: the pending step decided by the caller.
  template <class Request>
  grpc::Status DecideStep(grpc::ServerContext* ctx, const Request* req, v1::ChangeRequest* resp,
                      bool approve, absl::string_view method);

  const server::HandlerKit& kit_;
  db::DbPool& pool_;
  const server::CallGate& gate_;
  CallerScopes& scopes_;
  CapabilityCache& grants_;
};

}  // namespace huinong::org
