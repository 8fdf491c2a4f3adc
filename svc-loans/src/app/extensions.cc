// See extensions.h.
#include "svc-loans/src/app/extensions.h"

#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/app/application_load.h"
#include "svc-loans/src/app/refusal.h"
#include "svc-loans/src/app/repayments.h"
#include "svc-loans/src/domain/extension.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/repayment_store.h"

namespace huinong::loans {

absl::StatusOr<ExtensionChange> ExtendLoan(server::Mutation& m, OrgView& org, const ExtensionOrder& order) {
  const std::string name = rpc::FormatName("loans", order.loan_id);
  ASSIGN_OR_RETURN(const Loan before, LockLoanForItsBank(m, org, order.loan_id));
  RETURN_IF_ERROR(rpc::CheckEtag(order.etag, before.version, name));
  if (before.status != LoanStatus::kActive) {
    return rpc::FailedPrecondition("LOAN_NOT_ACTIVE", absl::StrCat(name, " is settled or written off"));
  }
  ASSIGN_OR_RETURN(const CountyPolicy policy, LoadPolicyInForce(m.tx(), before.place.county_id, m.today()));
  ExtensionFacts facts;
  facts.months = order.months;
  facts.today = m.today();
  ASSIGN_OR_RETURN(const LoanStanding standing, StandingOn(m.tx(), before, m.today()));
  facts.days_past_due = standing.replay.days_past_due;
  if (!before.credit_line_id.empty()) {
    ASSIGN_OR_RETURN(const std::optional<CreditLineRecord> line, store::GetCreditLine(m.tx(), before.credit_line_id));
    if (line) facts.credit_line_expiry = line->line.expiry;
  }
  RETURN_IF_ERROR(Refusal("EXTENSION_REFUSED", absl::StrCat("the extension of ", name, " is refused"),
                          CheckExtension(before, facts, policy)));

  Loan after = before;
  LoanExtension e;
  e.months = order.months;
  e.effective_date = m.today();
  e.previous_maturity_date = before.maturity_date;
  e.new_maturity_date = ExtendedMaturity(before, order.months);
  e.reason = order.reason;
  e.document = order.document;
  e.policy_id = policy.id;
  e.recorded_by = m.caller().subject;
  e.record_time = m.now();
  after.extensions.push_back(e);
  after.maturity_date = e.new_maturity_date;
  ASSIGN_OR_RETURN(const LoanStanding extended, StandingOn(m.tx(), after, m.today()));
  after.outstanding_principal_fen = extended.replay.position.outstanding_principal_fen;
  after.days_past_due = extended.replay.days_past_due;
  after.loan_class = extended.replay.loan_class;
  after.version += 1;
  after.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateLoanTerms(m.tx(), before, after, m.today()));
  std::vector<Instalment> schedule;
  schedule.reserve(extended.replay.position.instalments.size());
  for (const ServicedInstalment& i : extended.replay.position.instalments) schedule.push_back(i.due);
  RETURN_IF_ERROR(store::SaveSchedule(m.tx(), after.id, schedule));
  return ExtensionChange{before, after, extended.replay};
}

}  // namespace huinong::loans
