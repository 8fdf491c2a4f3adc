// ServicingService.RecordReturnVisit and ListReturnVisits (see
// servicing_api.h): a visit recorded through the kit in one transaction
// (app/return_visits.h), audited as a new `return_visit`; lists of one
// loan's visits (readable as the loan) or of a township's or the caller's
// whole scope (scoped as ListLoans).
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/return_visit_mapping.h"
#include "svc-loans/src/api/servicing_api.h"
#include "svc-loans/src/app/return_visits.h"
#include "svc-loans/src/store/return_visit_store.h"

namespace huinong::loans {

grpc::Status ServicingApi::RecordReturnVisit(grpc::ServerContext* ctx, const v1::RecordReturnVisitRequest* req,
                                             v1::ReturnVisit* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RecordReturnVisit",
                     [&](const auth::Principal&) -> server::Prepared<v1::ReturnVisit> {
    rpc::Violations v;
    const ReturnVisit visit = ReturnVisitFrom(*req, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::ReturnVisit> {
      ASSIGN_OR_RETURN(const ReturnVisit recorded, loans::RecordReturnVisit(m, org_, visit));
      const v1::ReturnVisit shown = ReturnVisitProto(recorded);
      RETURN_IF_ERROR(m.Record({"return_visit", shown.name(), rpc::FormatName("units", recorded.place.unit_id),
                                nullptr, &shown}));
      return shown;
    };
  });
}

grpc::Status ServicingApi::ListReturnVisits(grpc::ServerContext* ctx, const v1::ListReturnVisitsRequest* req,
                                            v1::ListReturnVisitsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::ReturnVisitQuery q;
    q.loan_id = rpc::ParseOptionalName(req->name(), "loans", "name", v);
    q.place.township_id = rpc::ParseOptionalName(req->township(), "units", "township", v);
    q.follow_up_only = req->follow_up_only();
    const std::string filters = absl::StrCat(req->name(), "|", req->township(), "|", req->follow_up_only());
    q.place.after_id = rpc::PageAfter(req->page_token(), filters, v);
    q.place.limit = page_size + 1;
    RETURN_IF_ERROR(v.ToStatus());
    std::vector<ReturnVisit> rows;
    auto list = [&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListReturnVisits(conn, q));
      return absl::OkStatus();
    };
    if (!q.loan_id.empty()) {
      // One loan's: readable as the loan is (NOT_FOUND, PERMISSION_DENIED).
      RETURN_IF_ERROR(ReadLoan(caller, q.loan_id, reader, [&](sql::Connection& conn, const Loan&) {
        return list(conn);
      }));
    } else {
      ASSIGN_OR_RETURN(const bool any, ScopeLoanList(caller, reader, q.place));
      if (!any) return absl::OkStatus();
      RETURN_IF_ERROR(reader(list));
    }
    resp->set_next_page_token(
        rpc::NextPageToken(rows, page_size, filters, [](const ReturnVisit& r) { return r.id; }));
    for (const ReturnVisit& r : rows) *resp->add_visits() = ReturnVisitProto(r);
    return absl::OkStatus();
  });
}

}  // namespace huinong::loans
