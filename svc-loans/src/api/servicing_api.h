// ServicingService's gRPC handlers: loans after disbursement, recovery,
// accountability and the monthly report. Built so far: reading loans (get
// and list, scoped as their applications are; GetLoan's day-by-day figures
// replayed for today), the schedule, repayments and the payoff quote
// (app/repayments.h); write-off, recovery and accountability
// (servicing_losses_api.cc: app/write_offs.h, app/recoveries.h); the other
// methods keep the generated base's UNIMPLEMENTED until servicing lands
// (issue 11).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "huinong/loans/v1/servicing_service.grpc.pb.h"
#include "svc-loans/src/api/loans_kit.h"
#include "svc-loans/src/app/recoveries.h"
#include "svc-loans/src/domain/loan.h"

namespace huinong::loans {

class ServicingApi final : public v1::ServicingService::Service, private LoansHandlers {
 public:
  explicit ServicingApi(std::shared_ptr<LoansKit> loans) : LoansHandlers(std::move(loans)) {}

  grpc::Status GetLoan(grpc::ServerContext* ctx, const v1::GetLoanRequest* req, v1::Loan* resp) override;
  grpc::Status ListLoans(grpc::ServerContext* ctx, const v1::ListLoansRequest* req,
                         v1::ListLoansResponse* resp) override;
  grpc::Status GetRepaymentSchedule(grpc::ServerContext* ctx, const v1::GetRepaymentScheduleRequest* req,
                                    v1::RepaymentSchedule* resp) override;
  grpc::Status RecordRepayment(grpc::ServerContext* ctx, const v1::RecordRepaymentRequest* req,
                               v1::Repayment* resp) override;
  grpc::Status ListRepayments(grpc::ServerContext* ctx, const v1::ListRepaymentsRequest* req,
                              v1::ListRepaymentsResponse* resp) override;
  grpc::Status GetPayoffQuote(grpc::ServerContext* ctx, const v1::GetPayoffQuoteRequest* req,
                              v1::PayoffQuote* resp) override;

  // servicing_losses_api.cc
  grpc::Status RequestWriteOff(grpc::ServerContext* ctx, const v1::RequestWriteOffRequest* req,
                               v1::Loan* resp) override;
  grpc::Status ApproveWriteOff(grpc::ServerContext* ctx, const v1::ApproveWriteOffRequest* req,
                               v1::Loan* resp) override;
  grpc::Status RejectWriteOff(grpc::ServerContext* ctx, const v1::RejectWriteOffRequest* req,
                              v1::Loan* resp) override;
  grpc::Status RecordRecovery(grpc::ServerContext* ctx, const v1::RecordRecoveryRequest* req,
                              v1::Recovery* resp) override;
  grpc::Status ListRecoveries(grpc::ServerContext* ctx, const v1::ListRecoveriesRequest* req,
                              v1::ListRecoveriesResponse* resp) override;
  grpc::Status RecordAccountability(grpc::ServerContext* ctx, const v1::RecordAccountabilityRequest* req,
                                    v1::Loan* resp) override;

 private:
  // The loan named `name` once the caller may read it (as its application):
  // NOT_FOUND; PERMISSION_DENIED. `body` then reads on the same connection.
  using LoanBody = std::function<absl::Status(sql::Connection&, const Loan&)>;
  absl::Status ReadLoan(const auth::Principal& caller, const std::string& id, const server::Reader& reader,
                        const LoanBody& body);
  // A loan as a change left it, in the change's transaction: the answer to
  // the caller (as GetLoan shows it) and the audit event "loan" (masked).
  absl::StatusOr<v1::Loan> AnswerLoanChange(server::Mutation& m, const Loan& before, const LoanLoss& loss_before,
                                            const Loan& after);
};

}  // namespace huinong::loans
