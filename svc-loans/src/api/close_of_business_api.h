// CloseOfBusinessService's gRPC handlers (close_of_business_service.proto):
// run the close-of-business job for a county through a date, read where it
// stands, list the maturity reminders it recorded. Each handler checks the
// request's shape and who asks; the job (jobs/close_of_business_job.h,
// shared with the background schedule through the LoansKit) does the work.
//
// RunCloseOfBusiness runs the job synchronously in its prepare step — the
// job spans many transactions of its own and is idempotent by date — and
// the kit's one transaction then records the run (audit event
// "close_of_business", "units/{county}") and stores the answer under the
// request id, so a retry closes nothing new and answers the same.
#pragma once

#include <memory>

#include "huinong/loans/v1/close_of_business_service.grpc.pb.h"
#include "svc-loans/src/api/loans_kit.h"

namespace huinong::loans {

class CloseOfBusinessApi final : public v1::CloseOfBusinessService::Service, private LoansHandlers {
 public:
  explicit CloseOfBusinessApi(std::shared_ptr<LoansKit> loans) : LoansHandlers(std::move(loans)) {}

  grpc::Status RunCloseOfBusiness(grpc::ServerContext* ctx, const v1::RunCloseOfBusinessRequest* req,
                                  v1::CloseOfBusinessStatus* resp) override;
  grpc::Status GetCloseOfBusinessStatus(grpc::ServerContext* ctx, const v1::GetCloseOfBusinessStatusRequest* req,
                                        v1::CloseOfBusinessStatus* resp) override;
  grpc::Status ListMaturityReminders(grpc::ServerContext* ctx, const v1::ListMaturityRemindersRequest* req,
                                     v1::ListMaturityRemindersResponse* resp) override;

 private:
  // OK when `county_id` is a COUNTY unit; INVALID_ARGUMENT naming `county` otherwise.
  absl::Status RequireCounty(const std::string& county_id);
  // Reads: admin, auditor and service accounts; loans.review.county or
  // loans.cob.run for the county.
  absl::Status RequireCountyReader(const auth::Principal& caller, const std::string& county_id);
};

}  // namespace huinong::loans
