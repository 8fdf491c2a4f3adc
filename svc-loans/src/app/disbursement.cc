// The bank's payouts (000:1521-1525, 000:1497): a disbursement that closes
// the workflow and creates the loan (and, for a revolving product, the
// credit line), and a later draw on that line; each loan's schedule is
// built and stored with it (repayments.h). See applications.h.
#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/app/application_access.h"
#include "svc-loans/src/app/application_load.h"
#include "svc-loans/src/app/applications.h"
#include "svc-loans/src/app/refusal.h"
#include "svc-loans/src/app/repayments.h"
#include "svc-loans/src/domain/application_steps.h"
#include "svc-loans/src/store/loan_store.h"

namespace huinong::loans {

absl::StatusOr<ApplicationChange> Disburse(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                           Disbursement disbursement) {
  ASSIGN_OR_RETURN(Application a, LoadAuthorizedForChange(m, org, ref, [](const Application&) {
                     return std::string("loans.disburse");
                   }));
  RETURN_IF_ERROR(ApplicationFlow(a.guarantee_required).Next(a.state, ApplicationEvent::kDisburse).status());
  const Application before = a;
  rpc::Violations v;
  for (const auto& [field, description] : DisbursementProblems(a, disbursement, m.today())) v.Add(field, description);
  RETURN_IF_ERROR(v.ToStatus());
  RETURN_IF_ERROR(CheckTownshipLends(m.tx(), a.township_id));
  ASSIGN_OR_RETURN(Borrower borrower, LoadBorrower(m.tx(), a.borrower_id));
  ASSIGN_OR_RETURN(Product product, LoadProduct(m.tx(), a.product_id));

  disbursement.fees_charged_fen = FeesAtDisbursementFen(a);
  a.disbursement = disbursement;
  ApplicationChange change{before, a, std::nullopt, std::nullopt};
  if (product.revolving) {
    change.credit_line = CreditLineFromDisbursement(a, NewUlid());
    change.credit_line->create_time = change.credit_line->update_time = m.now();
    a.credit_line_id = change.credit_line->id;
    RETURN_IF_ERROR(store::InsertCreditLine(m.tx(), *change.credit_line));
  }
  change.loan = LoanFromDisbursement(a, product, borrower.profile.type, NewUlid(), a.credit_line_id);
  change.loan->create_time = change.loan->update_time = m.now();
  a.loan_id = change.loan->id;
  RETURN_IF_ERROR(store::InsertLoan(m.tx(), *change.loan));
  RETURN_IF_ERROR(StoreSchedule(m.tx(), *change.loan));
  RETURN_IF_ERROR(Take(a, StepRecord{ApplicationEvent::kDisburse, m.caller().subject, m.now(),
                                     disbursement.bank_reference, {}}));
  RETURN_IF_ERROR(SaveStep(m, a));
  change.after = std::move(a);
  return change;
}

absl::StatusOr<DrawChange> DrawCreditLine(server::Mutation& m, OrgView& org, const DrawTerms& t) {
  const std::string name = absl::StrCat("creditLines/", t.credit_line_id);
  // The draw is the bank's: the recommended bank's officer holding
  // loans.disburse — asked before the line is locked (its routing never
  // changes), so no lock waits on svc-org.
  ASSIGN_OR_RETURN(std::optional<CreditLineRecord> seen, store::GetCreditLine(m.tx(), t.credit_line_id));
  if (!seen) return rpc::NotFound(name);
  const Application routing = RoutingOf(seen->application_id, seen->place);
  RETURN_IF_ERROR(AuthorizeStep(org, m.caller(), routing, "loans.disburse", m.today()));
  ASSIGN_OR_RETURN(std::optional<CreditLineRecord> found, store::GetCreditLine(m.tx(), t.credit_line_id, true));
  if (!found) return rpc::NotFound(name);
  CreditLineRecord line = *std::move(found);
  RETURN_IF_ERROR(rpc::CheckEtag(t.etag, line.version, name));
  if (line.state != CreditLineState::kActive) {
    return rpc::FailedPrecondition("CREDIT_LINE_CLOSED", absl::StrCat(name, " is no longer active"));
  }
  rpc::Violations v;
  if (t.draw.day > m.today() || t.draw.day < line.start_date) {
    v.Add("value_date", absl::StrCat("from the line's start, ", absl::FormatCivilTime(line.start_date), ", to today"));
  }
  if (t.bank_reference.empty()) v.Add("bank_reference", "required");
  if (line.entrusted_payment && !t.entrusted_payee) {
    v.Add("entrusted_payee", "required: the credit line's contract uses entrusted payment (受托支付)");
  } else if (t.entrusted_payee) {
    for (const auto& [field, description] : PayeeProblems(*t.entrusted_payee, "entrusted_payee")) {
      v.Add(field, description);
    }
  }
  RETURN_IF_ERROR(v.ToStatus());
  RETURN_IF_ERROR(CheckTownshipLends(m.tx(), line.place.township_id));
  ASSIGN_OR_RETURN(const LendingFacts facts, LoadLendingFacts(m.tx(), routing, m.today()));
  const CountyPolicy& policy = facts.policy;
  std::vector<RuleFailure> failures = CheckDraw(line.line, t.draw, facts.borrower.profile.blacklisted, policy, m.today());
  if (t.draw.term_months > 0 && DrawMaturity(t.draw) > line.line.expiry) {
    RuleFailures beyond(policy.id);
    beyond.Add("DRAW_BEYOND_EXPIRY", "term_months",
               absl::StrCat("maturing on or before the line's expiry, ", absl::FormatCivilTime(line.line.expiry)),
               absl::FormatCivilTime(DrawMaturity(t.draw)));
    for (RuleFailure& f : beyond.Take()) failures.push_back(std::move(f));
  }
  RETURN_IF_ERROR(Refusal("DRAW_REFUSED", absl::StrCat("the draw on ", name, " is refused"), failures));

  DrawChange change{line, line,
                    LoanFromDraw(line, t.draw, facts.product, facts.borrower.profile.type, t.draw.purpose, NewUlid(),
                                 t.bank_reference, t.entrusted_payee)};
  change.loan.create_time = change.loan.update_time = m.now();
  RETURN_IF_ERROR(store::InsertLoan(m.tx(), change.loan));
  RETURN_IF_ERROR(StoreSchedule(m.tx(), change.loan));
  change.after.line.outstanding_principal_fen += t.draw.amount_fen;
  change.after.draw_count += 1;
  change.after.version += 1;
  change.after.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateCreditLine(m.tx(), change.after));
  return change;
}

}  // namespace huinong::loans
