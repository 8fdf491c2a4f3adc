// TownshipBreakerService's gRPC handlers (township_breaker_service.proto):
// each township's lending status, measuring it on demand, and the
// rectification plan that lifts a suspension. Each handler checks the
// request's shape and maps it; the use cases (app/township_breakers.h) do
// the rest in one transaction through the kit, and every change of state is
// audited (RecordBreakerChange) and reflected in the breaker metrics.
#pragma once

#include <memory>

#include "huinong/loans/v1/township_breaker_service.grpc.pb.h"
#include "svc-loans/src/api/loans_kit.h"
#include "svc-loans/src/api/township_breaker_mapping.h"

namespace huinong::loans {

class TownshipBreakerApi final : public v1::TownshipBreakerService::Service, private LoansHandlers {
 public:
  explicit TownshipBreakerApi(std::shared_ptr<LoansKit> loans) : LoansHandlers(std::move(loans)) {}

  grpc::Status GetTownshipStatus(grpc::ServerContext* ctx, const v1::GetTownshipStatusRequest* req,
                                 v1::TownshipStatus* resp) override;
  grpc::Status ListTownshipStatuses(grpc::ServerContext* ctx, const v1::ListTownshipStatusesRequest* req,
                                    v1::ListTownshipStatusesResponse* resp) override;
  grpc::Status MeasureTownship(grpc::ServerContext* ctx, const v1::MeasureTownshipRequest* req,
                               v1::TownshipStatus* resp) override;
  grpc::Status FileRectificationPlan(grpc::ServerContext* ctx, const v1::FileRectificationPlanRequest* req,
                                     v1::TownshipStatus* resp) override;
  grpc::Status ApproveRectification(grpc::ServerContext* ctx, const v1::ApproveRectificationRequest* req,
                                    v1::TownshipStatus* resp) override;
  grpc::Status RejectRectification(grpc::ServerContext* ctx, const v1::RejectRectificationRequest* req,
                                   v1::TownshipStatus* resp) override;

 private:
  // A plan step on one township: `content(v)` reads the step's own fields
  // (naming bad ones in v); `step(m, township_id, etag, content)` is the use case.
  template <class Request, class Content, class Step>
  grpc::Status TakeStep(grpc::ServerContext* ctx, const Request& req, v1::TownshipStatus* resp,
                        absl::string_view method, Content&& content, Step&& step);
  // Audits the change and shows the status after it.
  absl::StatusOr<v1::TownshipStatus> Answer(server::Mutation& m, const BreakerChange& change) const;
};

}  // namespace huinong::loans
