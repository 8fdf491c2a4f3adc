// ServicingService's gRPC handlers: loans after disbursement, recovery,
// accountability and the monthly report. Built so far: reading loans (get
// and list, scoped as their applications are; GetLoan's day-by-day figures
// replayed for today), the schedule, repayments and the payoff quote
// (app/repayments.h), the monthly report and the quarterly bulletin
// (app/reports.h) in servicing_api.cc; extensions (app/extensions.h) in
// extend_loan_api.cc; return visits (app/return_visits.h) in
// return_visits_api.cc; write-off, recovery and accountability
// (app/write_offs.h, app/recoveries.h) in servicing_losses_api.cc.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "absl/synchronization/mutex.h"

#include "huinong/loans/v1/servicing_service.grpc.pb.h"
#include "svc-loans/src/api/loans_kit.h"
#include "svc-loans/src/app/recoveries.h"
#include "svc-loans/src/domain/loan.h"
#include "svc-loans/src/domain/report_period.h"
#include "svc-loans/src/store/loan_store.h"

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
  grpc::Status ExtendLoan(grpc::ServerContext* ctx, const v1::ExtendLoanRequest* req, v1::Loan* resp) override;
  grpc::Status RecordReturnVisit(grpc::ServerContext* ctx, const v1::RecordReturnVisitRequest* req,
                                 v1::ReturnVisit* resp) override;
  grpc::Status ListReturnVisits(grpc::ServerContext* ctx, const v1::ListReturnVisitsRequest* req,
                                v1::ListReturnVisitsResponse* resp) override;
  grpc::Status GetMonthlyReport(grpc::ServerContext* ctx, const v1::GetMonthlyReportRequest* req,
                                v1::LendingReport* resp) override;
  grpc::Status GetQuarterlyBulletin(grpc::ServerContext* ctx, const v1::GetQuarterlyBulletinRequest* req,
                                    v1::LendingReport* resp) override;

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
  // Narrows `query` (the request's place filters) to what the caller may
  // list of loans and what belongs to them: false when nothing can match (a
  // guarantee company or insurer, or a filter outside the caller's place).
  absl::StatusOr<bool> ScopeLoanList(const auth::Principal& caller, const server::Reader& reader,
                                     store::LendingQuery& query);

  // The report of `county` ("units/{id}") for the period `parse` reads from
  // `period_text` (app/reports.h), the bad period named as `period_field`.
  using PeriodParser = absl::StatusOr<ReportPeriod> (*)(absl::string_view, absl::CivilDay);
  grpc::Status ReadReport(grpc::ServerContext& ctx, const std::string& county, const std::string& period_text,
                          const char* period_field, PeriodParser parse, v1::LendingReport& resp);

  // A report reads every loan of the county (tens of MiB of rows at
  // 200,000 loans, about half a second of the database's time): at most
  // kReportsAtOnce build at once in this replica, the others wait their
  // turn, so a burst of reports neither starves the lending calls of CPU
  // nor holds a result set per caller in memory.
  static constexpr int kReportsAtOnce = 2;
  absl::Mutex report_mu_;
  int reports_running_ ABSL_GUARDED_BY(report_mu_) = 0;

  // A loan as a change left it, in the change's transaction: the answer to
  // the caller (as GetLoan shows it) and the audit event "loan" (masked).
  absl::StatusOr<v1::Loan> AnswerLoanChange(server::Mutation& m, const Loan& before, const LoanLoss& loss_before,
                                            const Loan& after);
};

}  // namespace huinong::loans
