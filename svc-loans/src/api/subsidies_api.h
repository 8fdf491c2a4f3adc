// SubsidyService's gRPC handlers (subsidy_service.proto): interest-subsidy
// claims from the borrower's application through the township's check, the
// county's joint review and public notice, to the finance bureau's payment,
// with objections, rejections and clawbacks. Each handler checks the
// request's shape (every bad field named) and maps it; the use cases
// (app/subsidies.h) do the rest in one transaction through the kit, and
// every change is audited (RecordSubsidyChange). Reads are limited to the
// caller's place (a village its own claims, a township its villages', the
// county all of its own).
#pragma once

#include <memory>

#include "huinong/loans/v1/subsidy_service.grpc.pb.h"
#include "svc-loans/src/api/loans_kit.h"
#include "svc-loans/src/api/subsidy_mapping.h"

namespace huinong::loans {

class SubsidiesApi final : public v1::SubsidyService::Service, private LoansHandlers {
 public:
  explicit SubsidiesApi(std::shared_ptr<LoansKit> loans) : LoansHandlers(std::move(loans)) {}

  grpc::Status ApplyForSubsidy(grpc::ServerContext* ctx, const v1::ApplyForSubsidyRequest* req,
                               v1::SubsidyClaim* resp) override;
  grpc::Status GetSubsidyClaim(grpc::ServerContext* ctx, const v1::GetSubsidyClaimRequest* req,
                               v1::SubsidyClaim* resp) override;
  grpc::Status ListSubsidyClaims(grpc::ServerContext* ctx, const v1::ListSubsidyClaimsRequest* req,
                                 v1::ListSubsidyClaimsResponse* resp) override;
  grpc::Status CheckSubsidyClaim(grpc::ServerContext* ctx, const v1::CheckSubsidyClaimRequest* req,
                                 v1::SubsidyClaim* resp) override;
  grpc::Status ReviewSubsidyClaim(grpc::ServerContext* ctx, const v1::ReviewSubsidyClaimRequest* req,
                                  v1::SubsidyClaim* resp) override;
  grpc::Status FileSubsidyObjection(grpc::ServerContext* ctx, const v1::FileSubsidyObjectionRequest* req,
                                    v1::SubsidyClaim* resp) override;
  grpc::Status PaySubsidyClaim(grpc::ServerContext* ctx, const v1::PaySubsidyClaimRequest* req,
                               v1::SubsidyClaim* resp) override;
  grpc::Status RejectSubsidyClaim(grpc::ServerContext* ctx, const v1::RejectSubsidyClaimRequest* req,
                                  v1::SubsidyClaim* resp) override;
  grpc::Status ClawBackSubsidy(grpc::ServerContext* ctx, const v1::ClawBackSubsidyRequest* req,
                               v1::SubsidyClaim* resp) override;

 private:
  // A step on one claim: `content(v)` reads the step's own fields (naming
  // bad ones in v); `step(m, order, content)` is the use case. The change
  // is audited and the claim after it answered.
  template <class Request, class Content, class Step>
  grpc::Status TakeStep(grpc::ServerContext* ctx, const Request& req, v1::SubsidyClaim* resp,
                        absl::string_view method, Content&& content, Step&& step);
};

}  // namespace huinong::loans
