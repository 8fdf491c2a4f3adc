// ApplicationService's reads: an application, the list (overdue county
// reviews among its filters), credit lines (see applications_api.h). Scope
// is app/application_access.h's: a caller sees its place and below, its
// bank's records, or — the guarantee company and the insurer — what the
// county has reviewed. An entrusted payee's account number shows in clear
// only to the bank that pays it (and to admin, auditor and service callers).
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/application_mapping.h"
#include "svc-loans/src/api/applications_api.h"
#include "svc-loans/src/app/application_access.h"
#include "svc-loans/src/store/application_store.h"
#include "svc-loans/src/store/loan_store.h"

namespace huinong::loans {
namespace {

// The states an application waiting for `step` can be in.
std::vector<int> StatesWaitingFor(v1::ApplicationStep step) {
  using S = ApplicationState;
  switch (step) {
    case v1::APPLICATION_STEP_SUBMISSION: return {static_cast<int>(S::kDraft)};
    case v1::APPLICATION_STEP_SURVEY: return {static_cast<int>(S::kSubmitted)};
    case v1::APPLICATION_STEP_COUNTY_REVIEW: return {static_cast<int>(S::kSurveyed)};
    case v1::APPLICATION_STEP_GUARANTEE: return {static_cast<int>(S::kApproved)};
    case v1::APPLICATION_STEP_INSURANCE: return {static_cast<int>(S::kApproved), static_cast<int>(S::kGuaranteed)};
    case v1::APPLICATION_STEP_CONTRACT: return {static_cast<int>(S::kInsured)};
    case v1::APPLICATION_STEP_DISBURSEMENT: return {static_cast<int>(S::kContracted)};
    default: return {};
  }
}

}  // namespace

grpc::Status ApplicationsApi::GetApplication(grpc::ServerContext* ctx, const v1::GetApplicationRequest* req,
                                             v1::Application* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "applications", "name", v);
    std::optional<Application> found;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(found, store::GetApplication(conn, id));
      return absl::OkStatus();
    }));
    if (!found) return rpc::NotFound(ApplicationName(id));
    RETURN_IF_ERROR(RequireApplicationReadable(org_, caller, *found, kit_.clock().Today(), reader));
    ASSIGN_OR_RETURN(bool clear, SeesPayee(org_, caller, found->recommended_bank_id));
    *resp = ToProto(*found, kit_.clock(), !clear);
    return absl::OkStatus();
  });
}

grpc::Status ApplicationsApi::ListApplications(grpc::ServerContext* ctx, const v1::ListApplicationsRequest* req,
                                               v1::ListApplicationsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::ApplicationQuery q;
    q.borrower_id = rpc::ParseOptionalName(req->borrower(), "borrowers", "borrower", v);
    q.product_id = rpc::ParseOptionalName(req->product(), "products", "product", v);
    q.township_id = rpc::ParseOptionalName(req->township(), "units", "township", v);
    q.unit_id = rpc::ParseOptionalName(req->intake_unit(), "units", "intake_unit", v);
    if (!v1::ApplicationState_IsValid(req->state())) v.Add("state", "not an application state");
    if (!v1::ApplicationStep_IsValid(req->next_step())) v.Add("next_step", "not a workflow step");
    q.state = req->state();
    const std::optional<absl::Time> from =
        req->has_submit_time_from() ? std::optional(rpc::FromTimestamp(req->submit_time_from())) : std::nullopt;
    const std::optional<absl::Time> to =
        req->has_submit_time_to() ? std::optional(rpc::FromTimestamp(req->submit_time_to())) : std::nullopt;
    const absl::Time now = kit_.clock().Now();
    if (req->review_overdue()) q.overdue_at = now;
    const std::string filters = absl::StrCat(req->borrower(), "|", req->product(), "|", req->township(), "|",
                                             req->intake_unit(), "|", req->state(), "|", req->next_step(), "|",
                                             req->review_overdue(), "|", req->submit_time_from().seconds(), "|",
                                             req->submit_time_to().seconds());
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    RETURN_IF_ERROR(v.ToStatus());

    ASSIGN_OR_RETURN(ListScope scope, ApplicationListScope(org_, caller, kit_.clock().Today(), reader));
    if (scope.none) return absl::OkStatus();
    // The caller's scope narrows what the request asks: both apply.
    const auto narrow = [](std::string& asked, const std::string& allowed) {
      if (!allowed.empty() && asked.empty()) asked = allowed;
      return allowed.empty() || asked == allowed;
    };
    bool within = narrow(q.unit_id, scope.unit_id) && narrow(q.township_id, scope.township_id);
    q.county_id = scope.county_id;
    q.bank_id = scope.bank_id;
    q.any_state = scope.any_state;
    q.any_county_id = scope.any_county_id;
    if (!within) return absl::OkStatus();  // a filter outside the caller's place: nothing to show
    if (req->next_step() != v1::APPLICATION_STEP_UNSPECIFIED) {
      const std::vector<int> waiting = StatesWaitingFor(req->next_step());
      if (q.any_state.empty()) {
        q.any_state = waiting;
      } else {
        std::vector<int> both;
        for (int s : waiting) {
          if (std::find(q.any_state.begin(), q.any_state.end(), s) != q.any_state.end()) both.push_back(s);
        }
        if (both.empty()) return absl::OkStatus();
        q.any_state = both;
      }
    }
    q.limit = page_size + 1;
    std::vector<Application> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListApplications(conn, q));
      return absl::OkStatus();
    }));
    // The page is the rows scanned; filters no index serves (the exact next
    // step, submission times) may leave it shorter than page_size.
    resp->set_next_page_token(rpc::NextPageToken(rows, page_size, filters, [](const Application& a) { return a.id; }));
    for (const Application& a : rows) {
      const v1::Application shown = ToProto(a, kit_.clock(), scope.bank_id.empty() && !ReadsAll(caller));
      if (req->next_step() != v1::APPLICATION_STEP_UNSPECIFIED && shown.next_step() != req->next_step()) continue;
      if (from && (!a.submit_time || *a.submit_time < *from)) continue;
      if (to && (!a.submit_time || *a.submit_time >= *to)) continue;
      *resp->add_applications() = shown;
    }
    return absl::OkStatus();
  });
}

grpc::Status ApplicationsApi::GetCreditLine(grpc::ServerContext* ctx, const v1::GetCreditLineRequest* req,
                                            v1::CreditLine* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "creditLines", "name", v);
    std::optional<CreditLineRecord> found;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(found, store::GetCreditLine(conn, id));
      return absl::OkStatus();
    }));
    if (!found) return rpc::NotFound(rpc::FormatName("creditLines", id));
    RETURN_IF_ERROR(RequireApplicationReadable(org_, caller, RoutingOf(found->application_id, found->place),
                                               kit_.clock().Today(), reader));
    *resp = ToProto(*found);
    return absl::OkStatus();
  });
}

grpc::Status ApplicationsApi::ListCreditLines(grpc::ServerContext* ctx, const v1::ListCreditLinesRequest* req,
                                              v1::ListCreditLinesResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::LendingQuery q;
    q.borrower_id = rpc::ParseOptionalName(req->borrower(), "borrowers", "borrower", v);
    q.township_id = rpc::ParseOptionalName(req->township(), "units", "township", v);
    if (!v1::CreditLineState_IsValid(req->state())) v.Add("state", "not a credit line state");
    q.state = req->state();
    const std::string filters = absl::StrCat(req->borrower(), "|", req->township(), "|", req->state());
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(ListScope scope, ApplicationListScope(org_, caller, kit_.clock().Today(), reader));
    if (scope.none || scope.partner) return absl::OkStatus();  // the guarantee company and insurer read no lines
    if (!scope.township_id.empty() && !q.township_id.empty() && q.township_id != scope.township_id) {
      return absl::OkStatus();
    }
    if (!scope.township_id.empty()) q.township_id = scope.township_id;
    q.unit_id = scope.unit_id;
    q.county_id = scope.county_id;
    q.bank_id = scope.bank_id;
    q.limit = page_size + 1;
    std::vector<CreditLineRecord> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListCreditLines(conn, q));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(
        rpc::NextPageToken(rows, page_size, filters, [](const CreditLineRecord& c) { return c.id; }));
    for (const CreditLineRecord& c : rows) *resp->add_credit_lines() = ToProto(c);
    return absl::OkStatus();
  });
}

}  // namespace huinong::loans
