// See return_visits.h.
#include "svc-loans/src/app/return_visits.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/app/application_access.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/return_visit_store.h"

namespace huinong::loans {
namespace {

// The township's or village's staff for the loan's unit, or the loan's
// bank: the first capability that holds; svc-org unreachable is never a no.
absl::Status AuthorizeVisit(OrgView& org, const auth::Principal& caller, const Loan& loan, absl::CivilDay day) {
  const Application routing = RoutingOf(loan.application_id, loan.place);
  for (const char* capability : {"loans.intake", "loans.survey.lead", "loans.disburse"}) {
    const absl::Status s = AuthorizeStep(org, caller, routing, capability, day);
    if (s.code() != absl::StatusCode::kPermissionDenied) return s;
  }
  return rpc::WithReason(
      rpc::PermissionDenied(absl::StrCat("a return visit of loans/", loan.id, " is recorded by loans.intake or ",
                                         "loans.survey.lead for units/", loan.place.unit_id,
                                         ", or loans.disburse inside units/", loan.place.bank_id)),
      "CAPABILITY_MISSING");
}

}  // namespace

absl::StatusOr<ReturnVisit> RecordReturnVisit(server::Mutation& m, OrgView& org, ReturnVisit visit) {
  ASSIGN_OR_RETURN(const std::optional<Loan> loan, store::GetLoan(m.tx(), visit.loan_id));
  if (!loan) return rpc::NotFound(rpc::FormatName("loans", visit.loan_id));
  RETURN_IF_ERROR(AuthorizeVisit(org, m.caller(), *loan, m.today()));
  if (!VisitDateAllowed(*loan, visit.visit_date, m.today())) {
    rpc::Violations v;
    v.Add("visit.visit_date", absl::StrCat("from the loan's disbursement, ",
                                           absl::FormatCivilTime(loan->disbursement_date), ", to today, ",
                                           absl::FormatCivilTime(m.today())));
    return v.ToStatus();
  }
  visit.id = NewUlid();
  visit.place = loan->place;
  visit.recorded_by = m.caller().subject;
  visit.record_time = m.now();
  RETURN_IF_ERROR(store::InsertReturnVisit(m.tx(), visit));
  return visit;
}

}  // namespace huinong::loans
