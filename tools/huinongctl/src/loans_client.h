// svc-loans' services as huinongctl uses them: any unary method of
// BorrowerService, ProductService, ApplicationService, ServicingService,
// TownshipBreakerService, SubsidyService, CloseOfBusinessService and
// RiskFundService through Call, which picks the service's stub from the method; each call
// prepared by the Connection (deadline, token, x-request-id), errors
// returned as absl::Status with the server's details (field violations,
// every broken lending rule, reason).
#pragma once

#include <memory>
#include <tuple>

#include "absl/status/statusor.h"
#include "huinong/loans/v1/application_service.grpc.pb.h"
#include "huinong/loans/v1/borrower_service.grpc.pb.h"
#include "huinong/loans/v1/close_of_business_service.grpc.pb.h"
#include "huinong/loans/v1/product_service.grpc.pb.h"
#include "huinong/loans/v1/risk_fund_service.grpc.pb.h"
#include "huinong/loans/v1/servicing_service.grpc.pb.h"
#include "huinong/loans/v1/subsidy_service.grpc.pb.h"
#include "huinong/loans/v1/township_breaker_service.grpc.pb.h"
#include "tools/huinongctl/src/connection.h"
#include "tools/huinongctl/src/stub_call.h"

namespace huinong::ctl {

class LoansClient {
 public:
  explicit LoansClient(const Connection& connection);

  // Any unary method of the six services, e.g.
  //   loans.Call<v1::Borrower>(&v1::BorrowerService::Stub::GetBorrower, request)
  template <typename Response, typename Request, typename Stub>
  absl::StatusOr<Response> Call(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                                const Request& request) const {
    return CallStub(connection_, std::get<std::unique_ptr<Stub>>(stubs_).get(), method, request);
  }

 private:
  const Connection& connection_;
  std::tuple<std::unique_ptr<loans::v1::BorrowerService::Stub>, std::unique_ptr<loans::v1::ProductService::Stub>,
             std::unique_ptr<loans::v1::ApplicationService::Stub>, std::unique_ptr<loans::v1::ServicingService::Stub>,
             std::unique_ptr<loans::v1::TownshipBreakerService::Stub>,
             std::unique_ptr<loans::v1::SubsidyService::Stub>,
             std::unique_ptr<loans::v1::CloseOfBusinessService::Stub>,
             std::unique_ptr<loans::v1::RiskFundService::Stub>>
      stubs_;
};

}  // namespace huinong::ctl
