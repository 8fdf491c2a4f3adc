// ServicingService.ExtendLoan (see servicing_api.h): validate, then the use
// case (app/extensions.h) in one transaction through the kit, audited as
// the loan before and after.
#include "common/core/status_macros.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/application_mapping.h"
#include "svc-loans/src/api/extension_mapping.h"
#include "svc-loans/src/api/servicing_api.h"
#include "svc-loans/src/api/servicing_mapping.h"
#include "svc-loans/src/app/extensions.h"

namespace huinong::loans {

grpc::Status ServicingApi::ExtendLoan(grpc::ServerContext* ctx, const v1::ExtendLoanRequest* req, v1::Loan* resp) {
  return kit_.Mutate(*ctx, *req, resp, "ExtendLoan", [&](const auth::Principal&) -> server::Prepared<v1::Loan> {
    rpc::Violations v;
    const ExtensionOrder order = ExtensionOrderFrom(*req, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Loan> {
      ASSIGN_OR_RETURN(const ExtensionChange change, loans::ExtendLoan(m, org_, order));
      const std::string unit = rpc::FormatName("units", change.after.place.unit_id);
      const v1::Loan before = ToProto(change.before, /*masked=*/true);
      const v1::Loan after = ToProto(change.after, /*masked=*/true);
      RETURN_IF_ERROR(m.Record({"loan", after.name(), unit, &before, &after}));
      // The paying bank's officer (the use case checked it) sees its payee in clear.
      v1::Loan shown = ToProto(change.after, /*masked=*/false);
      FillStanding(change.after, change.replay, m.today(), shown);
      return shown;
    };
  });
}

}  // namespace huinong::loans
