// The fake svc-loans (see fake_suite.h): borrowers, products, county
// policies, applications, credit lines and loans in memory, with what the
// client relies on — request-id replay, etags (ABORTED when stale), the
// workflow's order of steps (FAILED_PRECONDITION / INVALID_TRANSITION out
// of order) with next_step, a revolving product's disbursement opening a
// credit line, draws on it. Lending rules are not checked (svc-loans' job,
// tested there); a test can make SubmitApplication refuse with a status of
// its choosing. Records the bearer token of every call.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "huinong/loans/v1/application_service.grpc.pb.h"
#include "huinong/loans/v1/borrower_service.grpc.pb.h"
#include "huinong/loans/v1/product_service.grpc.pb.h"

namespace huinong::ctl::testing {

class FakeLoans final : public loans::v1::BorrowerService::Service,
                        public loans::v1::ProductService::Service,
                        public loans::v1::ApplicationService::Service {
 public:
  grpc::Status CreateBorrower(grpc::ServerContext* ctx, const loans::v1::CreateBorrowerRequest* req,
                              loans::v1::Borrower* resp) override;
  grpc::Status GetBorrower(grpc::ServerContext* ctx, const loans::v1::GetBorrowerRequest* req,
                           loans::v1::Borrower* resp) override;
  grpc::Status ListBorrowers(grpc::ServerContext* ctx, const loans::v1::ListBorrowersRequest* req,
                             loans::v1::ListBorrowersResponse* resp) override;
  grpc::Status CreateProduct(grpc::ServerContext* ctx, const loans::v1::CreateProductRequest* req,
                             loans::v1::Product* resp) override;
  grpc::Status ListProducts(grpc::ServerContext* ctx, const loans::v1::ListProductsRequest* req,
                            loans::v1::ListProductsResponse* resp) override;
  grpc::Status CreateCountyPolicy(grpc::ServerContext* ctx, const loans::v1::CreateCountyPolicyRequest* req,
                                  loans::v1::CountyPolicy* resp) override;
  grpc::Status ListCountyPolicies(grpc::ServerContext* ctx, const loans::v1::ListCountyPoliciesRequest* req,
                                  loans::v1::ListCountyPoliciesResponse* resp) override;
  grpc::Status CreateApplication(grpc::ServerContext* ctx, const loans::v1::CreateApplicationRequest* req,
                                 loans::v1::Application* resp) override;
  grpc::Status GetApplication(grpc::ServerContext* ctx, const loans::v1::GetApplicationRequest* req,
                              loans::v1::Application* resp) override;
  grpc::Status ListApplications(grpc::ServerContext* ctx, const loans::v1::ListApplicationsRequest* req,
                                loans::v1::ListApplicationsResponse* resp) override;
  grpc::Status SubmitApplication(grpc::ServerContext* ctx, const loans::v1::SubmitApplicationRequest* req,
                                 loans::v1::Application* resp) override;
  grpc::Status RecordSurvey(grpc::ServerContext* ctx, const loans::v1::RecordSurveyRequest* req,
                            loans::v1::Application* resp) override;
  grpc::Status ReviewApplication(grpc::ServerContext* ctx, const loans::v1::ReviewApplicationRequest* req,
                                 loans::v1::Application* resp) override;
  grpc::Status RecordGuarantee(grpc::ServerContext* ctx, const loans::v1::RecordGuaranteeRequest* req,
                               loans::v1::Application* resp) override;
  grpc::Status RecordInsurance(grpc::ServerContext* ctx, const loans::v1::RecordInsuranceRequest* req,
                               loans::v1::Application* resp) override;
  grpc::Status SignContract(grpc::ServerContext* ctx, const loans::v1::SignContractRequest* req,
                            loans::v1::Application* resp) override;
  grpc::Status Disburse(grpc::ServerContext* ctx, const loans::v1::DisburseRequest* req,
                        loans::v1::Application* resp) override;
  grpc::Status RejectApplication(grpc::ServerContext* ctx, const loans::v1::RejectApplicationRequest* req,
                                 loans::v1::Application* resp) override;
  grpc::Status WithdrawApplication(grpc::ServerContext* ctx, const loans::v1::WithdrawApplicationRequest* req,
                                   loans::v1::Application* resp) override;
  grpc::Status GetCreditLine(grpc::ServerContext* ctx, const loans::v1::GetCreditLineRequest* req,
                             loans::v1::CreditLine* resp) override;
  grpc::Status DrawCreditLine(grpc::ServerContext* ctx, const loans::v1::DrawCreditLineRequest* req,
                              loans::v1::Loan* resp) override;

  // SubmitApplication answers `refusal` (until set back to OK).
  void RefuseSubmissions(absl::Status refusal);
  std::vector<loans::v1::Application> Applications() const;
  size_t BorrowerCount() const;
  // "authorization" of every call, by method name ("SubmitApplication").
  std::multimap<std::string, std::string> Tokens() const;
  // The last step request's etag.
  std::string last_etag() const;

 private:
  // The application named `name` in `expected` state with `etag`; the
  // failure to answer otherwise. Requires mu_.
  absl::StatusOr<loans::v1::Application*> ForStep(const std::string& name, const std::string& etag,
                                                  loans::v1::ApplicationState expected);
  // Moves `a` to `state`, raises its etag, stores and replays the answer.
  grpc::Status Moved(grpc::ServerContext* ctx, const char* method, const std::string& request_id,
                     loans::v1::Application* a, loans::v1::ApplicationState state, loans::v1::Application* resp);
  bool Replayed(const std::string& request_id, google::protobuf::Message* resp);  // requires mu_
  void Seen(grpc::ServerContext* ctx, const char* method);                         // requires mu_

  mutable absl::Mutex mu_;
  std::map<std::string, std::string> replayed_;
  std::vector<loans::v1::Borrower> borrowers_;
  std::vector<loans::v1::Product> products_;
  std::vector<loans::v1::CountyPolicy> policies_;
  std::vector<loans::v1::Application> applications_;
  std::vector<loans::v1::CreditLine> lines_;
  int loans_ = 0;
  absl::Status refusal_;
  std::multimap<std::string, std::string> tokens_;
  std::string last_etag_;
};

}  // namespace huinong::ctl::testing
