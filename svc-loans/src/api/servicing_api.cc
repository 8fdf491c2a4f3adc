// See servicing_api.h.
#include "svc-loans/src/api/servicing_api.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/application_mapping.h"
#include "svc-loans/src/app/application_access.h"
#include "svc-loans/src/store/loan_store.h"

namespace huinong::loans {

grpc::Status ServicingApi::GetLoan(grpc::ServerContext* ctx, const v1::GetLoanRequest* req, v1::Loan* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "loans", "name", v);
    std::optional<Loan> found;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(found, store::GetLoan(conn, id));
      return absl::OkStatus();
    }));
    if (!found) return rpc::NotFound(rpc::FormatName("loans", id));
    RETURN_IF_ERROR(RequireApplicationReadable(org_, caller, RoutingOf(found->application_id, found->place),
                                               kit_.clock().Today(), reader));
    ASSIGN_OR_RETURN(const bool clear, SeesPayee(org_, caller, found->place.bank_id));
    *resp = ToProto(*found, !clear);
    return absl::OkStatus();
  });
}

grpc::Status ServicingApi::ListLoans(grpc::ServerContext* ctx, const v1::ListLoansRequest* req,
                                     v1::ListLoansResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::LendingQuery q;
    q.borrower_id = rpc::ParseOptionalName(req->borrower(), "borrowers", "borrower", v);
    q.product_id = rpc::ParseOptionalName(req->product(), "products", "product", v);
    q.credit_line_id = rpc::ParseOptionalName(req->credit_line(), "creditLines", "credit_line", v);
    q.township_id = rpc::ParseOptionalName(req->township(), "units", "township", v);
    q.unit_id = rpc::ParseOptionalName(req->village(), "units", "village", v);
    if (!v1::LoanStatus_IsValid(req->status())) v.Add("status", "not a loan status");
    q.state = req->status();
    if (req->has_maturing()) {
      q.maturing_from = rpc::FromDate(req->maturing().start(), "maturing.start", v);
      q.maturing_to = rpc::FromDate(req->maturing().end(), "maturing.end", v);
    }
    const std::string filters = absl::StrCat(req->borrower(), "|", req->product(), "|", req->credit_line(), "|",
                                             req->township(), "|", req->village(), "|", req->status(), "|",
                                             req->maturing().SerializeAsString());
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(ListScope scope, ApplicationListScope(org_, caller, kit_.clock().Today(), reader));
    if (scope.none || scope.partner) return absl::OkStatus();  // the guarantee company and insurer read no loans
    if ((!scope.unit_id.empty() && !q.unit_id.empty() && q.unit_id != scope.unit_id) ||
        (!scope.township_id.empty() && !q.township_id.empty() && q.township_id != scope.township_id)) {
      return absl::OkStatus();
    }
    if (!scope.unit_id.empty()) q.unit_id = scope.unit_id;
    if (!scope.township_id.empty()) q.township_id = scope.township_id;
    q.county_id = scope.county_id;
    q.bank_id = scope.bank_id;
    q.limit = page_size + 1;
    std::vector<Loan> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListLoans(conn, q));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(rpc::NextPageToken(rows, page_size, filters, [](const Loan& l) { return l.id; }));
    // One bank per page at most for bank staff (their scope); others see masked payees.
    const bool clear = ReadsAll(caller) || !scope.bank_id.empty();
    for (const Loan& l : rows) *resp->add_loans() = ToProto(l, !clear);
    return absl::OkStatus();
  });
}

}  // namespace huinong::loans
