// ChangeService's gRPC handlers: change requests (changes_api.cc) and
// approval chains (approval_chains_api.cc); see change_service.proto and
// changes.proto for the contract.
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

#include <memory>

#include <grpcpp/server_context.h>

#include "huinong/org/v1/change_service.grpc.pb.h"
#include "svc-org/src/api/org_kit.h"

namespace huinong::org {

class ChangesApi final : public v1::ChangeService::Service, private OrgHandlers {
 public:
  explicit ChangesApi(std::shared_ptr<OrgKit> org);

  grpc::Status CreateChangeRequest(grpc::ServerContext* ctx, const v1::CreateChangeRequestRequest* req,
                                   v1::ChangeRequest* resp) override;
  grpc::Status GetChangeRequest(grpc::ServerContext* ctx, const v1::GetChangeRequestRequest* req,
                                v1::ChangeRequest* resp) override;
  grpc::Status UpdateChangeRequest(grpc::ServerContext* ctx, const v1::UpdateChangeRequestRequest* req,
                                   v1::ChangeRequest* resp) override;
  grpc::Status ListChangeRequests(grpc::ServerContext* ctx, const v1::ListChangeRequestsRequest* req,
                                  v1::ListChangeRequestsResponse* resp) override;
  grpc::Status SubmitChangeRequest(grpc::ServerContext* ctx, const v1::SubmitChangeRequestRequest* req,
                                   v1::ChangeRequest* resp) override;
  grpc::Status ApproveChangeRequest(grpc::ServerContext* ctx, const v1::ApproveChangeRequestRequest* req,
                                    v1::ChangeRequest* resp) override;
  grpc::Status RejectChangeRequest(grpc::ServerContext* ctx, const v1::RejectChangeRequestRequest* req,
                                   v1::ChangeRequest* resp) override;
  grpc::Status WithdrawChangeRequest(grpc::ServerContext* ctx,
                                     const v1::WithdrawChangeRequestRequest* req, v1::ChangeRequest* resp) override;
  grpc::Status CreateApprovalChain(grpc::ServerContext* ctx, const v1::CreateApprovalChainRequest* req,
                                   v1::ApprovalChain* resp) override;
  grpc::Status GetApprovalChain(grpc::ServerContext* ctx, const v1::GetApprovalChainRequest* req,
                                v1::ApprovalChain* resp) override;
  grpc::Status UpdateApprovalChain(grpc::ServerContext* ctx, const v1::UpdateApprovalChainRequest* req,
                                   v1::ApprovalChain* resp) override;
  grpc::Status ListApprovalChains(grpc::ServerContext* ctx, const v1::ListApprovalChainsRequest* req,
                                  v1::ListApprovalChainsResponse* resp) override;

 private:
  // Approve and Reject: the pending step decided by the caller.
  template <class Request>
  grpc::Status DecideStep(grpc::ServerContext* ctx, const Request* req, v1::ChangeRequest* resp,
                      bool approve, absl::string_view method);
};

}  // namespace huinong::org
