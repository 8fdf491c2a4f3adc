// See applications.h. Every use case follows one order: authorize the step's
// actor, lock and check the etag (application_load.h), check the workflow
// allows the step from the current state, check the step's content (every bad field at once), judge
// the lending rules, then write.
#include "svc-loans/src/app/applications.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/app/application_access.h"
#include "svc-loans/src/app/application_load.h"
#include "svc-loans/src/app/refusal.h"
#include "svc-loans/src/domain/application_steps.h"
#include "svc-loans/src/domain/eligibility.h"
#include "svc-loans/src/domain/review_deadline.h"
#include "svc-loans/src/store/application_store.h"

namespace huinong::loans {
namespace {

using E = ApplicationEvent;

std::string UnitList(const std::vector<std::string>& ids) {
  return ids.empty() ? "it names none" : absl::StrCat("units/", absl::StrJoin(ids, ", units/"));
}

absl::Status Problems(const FieldProblems& problems) {
  rpc::Violations v;
  for (const auto& [field, description] : problems) v.Add(field, description);
  return v.ToStatus();
}

// The workflow allows `event` from the application's state (the table of
// application_flow.h; FAILED_PRECONDITION / INVALID_TRANSITION otherwise).
absl::Status Allowed(const Application& a, ApplicationEvent event) {
  return ApplicationFlow(a.guarantee_required).Next(a.state, event).status();
}

StepRecord StepBy(const server::Mutation& m, ApplicationEvent event, std::string note = "",
                  std::vector<domain::DocumentRef> documents = {}) {
  return StepRecord{event, m.caller().subject, m.now(), std::move(note), std::move(documents)};
}

// Loads, authorizes `capability` and checks `event` is allowed: the opening
// of every step after the draft.
absl::StatusOr<Application> OpenStep(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                     absl::string_view capability, ApplicationEvent event) {
  ASSIGN_OR_RETURN(Application a, LoadAuthorizedForChange(m, org, ref, [capability](const Application&) {
                     return std::string(capability);
                   }));
  RETURN_IF_ERROR(Allowed(a, event));
  return a;
}

absl::StatusOr<ApplicationChange> Finish(server::Mutation& m, Application before, Application after, StepRecord step) {
  RETURN_IF_ERROR(Take(after, std::move(step)));
  RETURN_IF_ERROR(SaveStep(m, after));
  return ApplicationChange{std::move(before), std::move(after), std::nullopt, std::nullopt};
}

}  // namespace

absl::StatusOr<ApplicationChange> CreateApplication(server::Mutation& m, OrgView& org, const DraftTerms& t) {
  ASSIGN_OR_RETURN(Borrower borrower, LoadBorrower(m.tx(), t.borrower_id));
  RETURN_IF_ERROR(RequireCapability(org, m.caller(), "loans.intake", borrower.unit_id, m.today()));
  ASSIGN_OR_RETURN(Product product, LoadProduct(m.tx(), t.product_id));
  if (product.status != ProductStatus::kActive) {
    return rpc::FailedPrecondition("PRODUCT_RETIRED", absl::StrCat("products/", product.id, " is retired"));
  }
  ASSIGN_OR_RETURN(UnitLineage place, org.Lineage(borrower.unit_id));
  const org_directory::UnitLink* township = place.Nearest(type::v1::LEVEL_TOWNSHIP);
  const org_directory::UnitLink* county = place.Nearest(type::v1::LEVEL_COUNTY);
  const type::v1::Level intake = borrower.profile.type == BorrowerType::kLeadingEnterprise ? type::v1::LEVEL_TOWNSHIP
                                                                                           : type::v1::LEVEL_VILLAGE;
  if (township == nullptr || county == nullptr || place.unit().level != intake) {
    return rpc::FailedPrecondition(
        "WRONG_INTAKE_LEVEL",
        absl::StrCat("borrowers/", borrower.id, " is registered at units/", borrower.unit_id, ", which is not a ",
                     intake == type::v1::LEVEL_VILLAGE ? "village station" : "township department",
                     " of a county's network"));
  }
  Application a;
  a.id = NewUlid();
  a.borrower_id = borrower.id;
  a.unit_id = borrower.unit_id;
  a.township_id = township->id;
  a.county_id = county->id;
  a.product_id = product.id;
  a.request.product = product.kind;
  a.request.amount_fen = t.amount_fen;
  a.request.term_months = t.term_months;
  a.request.purpose = t.purpose;
  a.request.counter_guarantee = PledgedAssets(t.collateral);
  a.request.application_date = m.today();
  a.purpose_detail = t.purpose_detail;
  a.collateral = t.collateral;
  a.documents = t.documents;
  a.create_time = a.update_time = m.now();
  RETURN_IF_ERROR(store::InsertApplication(m.tx(), a));
  return ApplicationChange{std::nullopt, std::move(a), std::nullopt, std::nullopt};
}

absl::StatusOr<ApplicationChange> UpdateDraft(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                              const DraftEdit& e) {
  ASSIGN_OR_RETURN(Application a, LoadAuthorizedForChange(m, org, ref, [](const Application&) {
                     return std::string("loans.intake");
                   }));
  if (a.state != ApplicationState::kDraft) {
    return rpc::FailedPrecondition("INVALID_TRANSITION",
                                   absl::StrCat("applications/", a.id, " is ", ApplicationStateName(a.state),
                                                ": only a DRAFT is edited"));
  }
  const Application before = a;
  if (e.amount) a.request.amount_fen = e.terms.amount_fen;
  if (e.term_months) a.request.term_months = e.terms.term_months;
  if (e.purpose) a.request.purpose = e.terms.purpose;
  if (e.purpose_detail) a.purpose_detail = e.terms.purpose_detail;
  if (e.collateral) {
    a.collateral = e.terms.collateral;
    a.request.counter_guarantee = PledgedAssets(a.collateral);
  }
  if (e.documents) a.documents = e.terms.documents;
  RETURN_IF_ERROR(SaveStep(m, a));
  return ApplicationChange{before, std::move(a), std::nullopt, std::nullopt};
}

absl::StatusOr<ApplicationChange> SubmitApplication(server::Mutation& m, OrgView& org, const ApplicationRef& ref) {
  ASSIGN_OR_RETURN(Application a, OpenStep(m, org, ref, "loans.intake", E::kSubmit));
  const Application before = a;
  RETURN_IF_ERROR(CheckTownshipLends(m.tx(), a.township_id));
  ASSIGN_OR_RETURN(const LendingFacts facts, LoadLendingFacts(m.tx(), a, m.today()));
  a.request.application_date = m.today();
  a.request.rate_bp = ProposedRateBp(facts.product, facts.policy);
  RETURN_IF_ERROR(Refusal("BORROWER_INELIGIBLE", absl::StrCat("applications/", a.id, " breaks the lending rules"),
                          CheckEligibility(facts.borrower.profile, a.request, facts.product, facts.policy)));
  a.guarantee_required = GuaranteeRequired(facts.product.kind, facts.policy.small_loan_model);
  a.policy_id = facts.policy.id;
  return Finish(m, before, std::move(a), StepBy(m, E::kSubmit));
}

absl::StatusOr<ApplicationChange> RecordSurvey(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                               Survey survey) {
  ASSIGN_OR_RETURN(Application a, OpenStep(m, org, ref, "loans.survey.lead", E::kRecordSurvey));
  const Application before = a;
  FieldProblems problems = SurveyProblems(a, survey, m.today());
  if (survey.lead.empty() || StaffIdOf(survey.lead) != StaffIdOf(m.caller())) {
    problems.emplace_back("survey.lead", absl::StrCat("the caller, ", m.caller().subject, ", who leads the survey"));
  }
  if (absl::Status bad = Problems(problems); !bad.ok()) {
    return MissingBenefitSharingAgreement(problems) ? rpc::WithReason(bad, "BENEFIT_SHARING_AGREEMENT_REQUIRED") : bad;
  }
  // The review's clock starts when the survey reaches the county: now.
  ASSIGN_OR_RETURN(CountyPolicy policy, LoadPolicyInForce(m.tx(), a.county_id, m.today()));
  ASSIGN_OR_RETURN(std::shared_ptr<const calendar::WorkCalendar> calendar, org.CalendarFor(a.county_id, m.today()));
  ASSIGN_OR_RETURN(ReviewDeadline deadline, CountyReviewDeadline(*calendar, m.now(), a.request.product, policy));
  a.review_due = deadline.due;
  std::vector<domain::DocumentRef> documents = {survey.report};
  if (!survey.guarantee_application.empty()) documents.push_back(survey.guarantee_application);
  if (!survey.benefit_sharing_agreement.empty()) documents.push_back(survey.benefit_sharing_agreement);
  StepRecord step = StepBy(m, E::kRecordSurvey, survey.findings, std::move(documents));
  a.survey = std::move(survey);
  return Finish(m, before, std::move(a), std::move(step));
}

absl::StatusOr<ApplicationChange> ReviewApplication(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                    Review review) {
  ASSIGN_OR_RETURN(Application a, OpenStep(m, org, ref, "loans.review.county", E::kApprove));
  const Application before = a;
  // Every bad field at once — the bank judged by the policy in force — before any precondition.
  FieldProblems problems = ReviewProblems(review);
  absl::StatusOr<LendingFacts> loaded = LoadLendingFacts(m.tx(), a, m.today());
  if (loaded.ok() && !review.recommended_bank_id.empty() &&
      !Names(loaded->policy.partners, PartnerRole::kBank, review.recommended_bank_id)) {
    problems.emplace_back("review.recommended_bank",
                          absl::StrCat("not a cooperating bank of countyPolicies/", loaded->policy.id, " (",
                                       UnitList(loaded->policy.partners.bank_ids), ")"));
  }
  RETURN_IF_ERROR(Problems(problems));
  RETURN_IF_ERROR(loaded.status());
  const LendingFacts& facts = *loaded;
  RETURN_IF_ERROR(CheckTownshipLends(m.tx(), a.township_id));
  std::vector<RuleFailure> failures = CheckReviewWithinRequest(a, review, facts.policy.id);
  for (RuleFailure& f :
       CheckEligibility(facts.borrower.profile, ApprovedRequest(a, review), facts.product, facts.policy)) {
    failures.push_back(std::move(f));
  }
  RETURN_IF_ERROR(Refusal("BORROWER_INELIGIBLE", absl::StrCat("the review of applications/", a.id,
                                                              " breaks the lending rules"),
                          failures));
  review.on_time = !a.review_due || m.now() < *a.review_due;
  review.policy_id = facts.policy.id;
  a.recommended_bank_id = review.recommended_bank_id;
  StepRecord step = StepBy(m, E::kApprove, review.comment, review.documents);
  a.review = std::move(review);
  return Finish(m, before, std::move(a), std::move(step));
}

absl::StatusOr<ApplicationChange> RecordGuarantee(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                  Guarantee guarantee) {
  ASSIGN_OR_RETURN(Application a, OpenStep(m, org, ref, "loans.guarantee", E::kRecordGuarantee));
  const Application before = a;
  RETURN_IF_ERROR(Problems(GuaranteeProblems(a, guarantee)));
  ASSIGN_OR_RETURN(guarantee.guarantor_id, CallerOrganisation(org, m.caller()));
  ASSIGN_OR_RETURN(CountyPolicy policy, LoadReviewPolicy(m.tx(), a));
  guarantee.service_fee_fen = GuaranteeServiceFeeFen(a.review->approved_amount_fen, policy);
  StepRecord step = StepBy(m, E::kRecordGuarantee, guarantee.contract_number, {guarantee.contract});
  a.guarantee = std::move(guarantee);
  return Finish(m, before, std::move(a), std::move(step));
}

absl::StatusOr<ApplicationChange> RecordInsurance(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                  Insurance insurance) {
  ASSIGN_OR_RETURN(Application a, OpenStep(m, org, ref, "loans.insure", E::kRecordInsurance));
  const Application before = a;
  RETURN_IF_ERROR(Problems(InsuranceProblems(a, insurance)));
  ASSIGN_OR_RETURN(insurance.insurer_id, CallerOrganisation(org, m.caller()));
  if (insurance.kind == InsuranceKind::kSurety) {
    ASSIGN_OR_RETURN(CountyPolicy policy, LoadReviewPolicy(m.tx(), a));
    insurance.premium_fen = SuretyPremiumFen(a.review->approved_amount_fen, policy);
  }
  std::vector<domain::DocumentRef> documents;
  if (!insurance.policy_document.empty()) documents.push_back(insurance.policy_document);
  StepRecord step = StepBy(m, E::kRecordInsurance, insurance.policy_number, std::move(documents));
  a.insurance = std::move(insurance);
  return Finish(m, before, std::move(a), std::move(step));
}

absl::StatusOr<ApplicationChange> SignContract(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                               Contract contract) {
  ASSIGN_OR_RETURN(Application a, OpenStep(m, org, ref, "loans.contract", E::kSignContract));
  const Application before = a;
  FieldProblems problems = ContractProblems(a, contract, m.today());
  if (!contract.bank_id.empty() && contract.bank_id != a.recommended_bank_id) {
    problems.emplace_back("contract.bank", absl::StrCat("the recommended bank, units/", a.recommended_bank_id));
  }
  RETURN_IF_ERROR(Problems(problems));
  contract.bank_id = a.recommended_bank_id;
  RETURN_IF_ERROR(CheckTownshipLends(m.tx(), a.township_id));
  // The bank checks every rule again before it signs (issue 10, item 6).
  ASSIGN_OR_RETURN(const LendingFacts facts, LoadLendingFacts(m.tx(), a, m.today()));
  RETURN_IF_ERROR(Refusal(
      "BORROWER_INELIGIBLE", absl::StrCat("the contract of applications/", a.id, " breaks the lending rules"),
      CheckEligibility(facts.borrower.profile, ContractedRequest(a, contract), facts.product, facts.policy)));
  CompleteContract(contract, facts.policy);
  std::vector<domain::DocumentRef> documents;
  if (!contract.contract.empty()) documents.push_back(contract.contract);
  StepRecord step = StepBy(m, E::kSignContract, contract.contract_number, std::move(documents));
  a.contract = std::move(contract);
  return Finish(m, before, std::move(a), std::move(step));
}

absl::StatusOr<ApplicationChange> RejectApplication(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                    int category, std::string reason) {
  // Rejected by the actor of the step it waits at; a final one has none.
  ASSIGN_OR_RETURN(Application a, LoadAuthorizedForChange(m, org, ref, [](const Application& at) {
                     return std::string(StepCapability(at.state, at.guarantee_required));
                   }));
  RETURN_IF_ERROR(Allowed(a, E::kReject));
  const Application before = a;
  a.rejection = Rejection{a.state, category, reason};
  return Finish(m, before, std::move(a), StepBy(m, E::kReject, std::move(reason)));
}

absl::StatusOr<ApplicationChange> WithdrawApplication(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                      std::string reason) {
  ASSIGN_OR_RETURN(Application a, OpenStep(m, org, ref, "loans.intake", E::kWithdraw));
  const Application before = a;
  return Finish(m, before, std::move(a), StepBy(m, E::kWithdraw, std::move(reason)));
}

}  // namespace huinong::loans
