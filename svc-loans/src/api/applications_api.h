// ApplicationService's gRPC handlers: the application workflow from the
// village station to the bank's disbursement, and the credit lines a
// poverty small loan opens (application_service.proto). Each handler checks
// the request's shape and maps it; the use cases (app/applications.h) do the
// rest in one transaction through the kit.
#pragma once

#include <memory>

#include "huinong/loans/v1/application_service.grpc.pb.h"
#include "svc-loans/src/api/loans_kit.h"
#include "svc-loans/src/app/applications.h"

namespace huinong::loans {

class ApplicationsApi final : public v1::ApplicationService::Service, private LoansHandlers {
 public:
  explicit ApplicationsApi(std::shared_ptr<LoansKit> loans) : LoansHandlers(std::move(loans)) {}

  grpc::Status CreateApplication(grpc::ServerContext* ctx, const v1::CreateApplicationRequest* req,
                                 v1::Application* resp) override;
  grpc::Status GetApplication(grpc::ServerContext* ctx, const v1::GetApplicationRequest* req,
                              v1::Application* resp) override;
  grpc::Status UpdateApplication(grpc::ServerContext* ctx, const v1::UpdateApplicationRequest* req,
                                 v1::Application* resp) override;
  grpc::Status ListApplications(grpc::ServerContext* ctx, const v1::ListApplicationsRequest* req,
                                v1::ListApplicationsResponse* resp) override;
  grpc::Status SubmitApplication(grpc::ServerContext* ctx, const v1::SubmitApplicationRequest* req,
                                 v1::Application* resp) override;
  grpc::Status RecordSurvey(grpc::ServerContext* ctx, const v1::RecordSurveyRequest* req,
                            v1::Application* resp) override;
  grpc::Status ReviewApplication(grpc::ServerContext* ctx, const v1::ReviewApplicationRequest* req,
                                 v1::Application* resp) override;
  grpc::Status RecordGuarantee(grpc::ServerContext* ctx, const v1::RecordGuaranteeRequest* req,
                               v1::Application* resp) override;
  grpc::Status RecordInsurance(grpc::ServerContext* ctx, const v1::RecordInsuranceRequest* req,
                               v1::Application* resp) override;
  grpc::Status SignContract(grpc::ServerContext* ctx, const v1::SignContractRequest* req,
                            v1::Application* resp) override;
  grpc::Status Disburse(grpc::ServerContext* ctx, const v1::DisburseRequest* req, v1::Application* resp) override;
  grpc::Status RejectApplication(grpc::ServerContext* ctx, const v1::RejectApplicationRequest* req,
                                 v1::Application* resp) override;
  grpc::Status WithdrawApplication(grpc::ServerContext* ctx, const v1::WithdrawApplicationRequest* req,
                                   v1::Application* resp) override;
  grpc::Status GetCreditLine(grpc::ServerContext* ctx, const v1::GetCreditLineRequest* req,
                             v1::CreditLine* resp) override;
  grpc::Status ListCreditLines(grpc::ServerContext* ctx, const v1::ListCreditLinesRequest* req,
                               v1::ListCreditLinesResponse* resp) override;
  grpc::Status DrawCreditLine(grpc::ServerContext* ctx, const v1::DrawCreditLineRequest* req,
                              v1::Loan* resp) override;

 private:
  // A workflow step on one application: `content(v)` reads the step's
  // record from the request (naming bad fields in v); `step(m, ref,
  // content)` is the use case.
  template <class Request, class Content, class Step>
  grpc::Status TakeStep(grpc::ServerContext* ctx, const Request& req, v1::Application* resp, absl::string_view method,
                        Content&& content, Step&& step);
  // The answer to a change: the application as it now stands, with the
  // audit events of the application (and of the loan and credit line a
  // disbursement makes) recorded in the change's transaction, masked.
  absl::StatusOr<v1::Application> Answer(server::Mutation& m, const ApplicationChange& change) const;
};

}  // namespace huinong::loans
