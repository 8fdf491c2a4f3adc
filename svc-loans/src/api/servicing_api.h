// ServicingService's gRPC handlers: loans after disbursement, recovery,
// accountability and the monthly report. Built so far: reading loans (get
// and list, scoped as their applications are); the other methods keep the
// generated base's UNIMPLEMENTED until servicing lands (issue 11).
#pragma once

#include <memory>

#include "huinong/loans/v1/servicing_service.grpc.pb.h"
#include "svc-loans/src/api/loans_kit.h"

namespace huinong::loans {

class ServicingApi final : public v1::ServicingService::Service, private LoansHandlers {
 public:
  explicit ServicingApi(std::shared_ptr<LoansKit> loans) : LoansHandlers(std::move(loans)) {}

  grpc::Status GetLoan(grpc::ServerContext* ctx, const v1::GetLoanRequest* req, v1::Loan* resp) override;
  grpc::Status ListLoans(grpc::ServerContext* ctx, const v1::ListLoansRequest* req,
                         v1::ListLoansResponse* resp) override;
};

}  // namespace huinong::loans
