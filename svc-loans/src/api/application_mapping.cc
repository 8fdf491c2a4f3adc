// See application_mapping.h.
#include "svc-loans/src/api/application_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/core/mask.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/extension_mapping.h"
#include "svc-loans/src/domain/months.h"

namespace huinong::loans {
namespace {

constexpr size_t kMaxDetail = 2000;
constexpr int kMaxListed = 50;

std::string At(const std::string& field, const char* member) { return absl::StrCat(field, ".", member); }

std::string Unit(const std::string& id) { return id.empty() ? "" : rpc::FormatName("units", id); }

int64_t Amount(const type::v1::Money& m, const std::string& field, bool required, rpc::Violations& v) {
  if (m.fen() < 0 || (required && m.fen() == 0)) v.Add(field, required ? "required: more than 0 fen" : "not below 0 fen");
  return m.fen();
}

absl::CivilDay Day(const type::v1::Date& d, const std::string& field, rpc::Violations& v) {
  std::optional<absl::CivilDay> day = rpc::FromDate(d, field, v);
  if (!day && d.year() == 0 && d.month() == 0 && d.day() == 0) v.Add(field, "required");
  return day.value_or(absl::CivilDay(1970, 1, 1));
}

std::vector<domain::DocumentRef> Documents(const google::protobuf::RepeatedPtrField<type::v1::DocumentRef>& docs,
                                           const std::string& field, rpc::Violations& v) {
  if (docs.size() > kMaxListed) v.Add(field, absl::StrCat("at most ", kMaxListed, " documents"));
  std::vector<domain::DocumentRef> out;
  for (int i = 0; i < docs.size(); ++i) out.push_back(rpc::ReadDocument(docs[i], absl::StrCat(field, "[", i, "]"), v));
  return out;
}

std::vector<Collateral> CollateralFrom(const google::protobuf::RepeatedPtrField<v1::Collateral>& list,
                                       const std::string& field, rpc::Violations& v) {
  if (list.size() > kMaxListed) v.Add(field, absl::StrCat("at most ", kMaxListed, " items"));
  std::vector<Collateral> out;
  for (int i = 0; i < list.size(); ++i) {
    const v1::Collateral& c = list[i];
    const std::string at = absl::StrCat(field, "[", i, "]");
    if (c.kind() == v1::COLLATERAL_KIND_UNSPECIFIED || !v1::CollateralKind_IsValid(c.kind())) {
      v.Add(At(at, "kind"), "required: a collateral kind");
    }
    rpc::CheckText(c.description(), At(at, "description"), 1, 500, v);
    out.push_back({c.kind(), c.description(), Amount(c.estimated_value(), At(at, "estimated_value"), false, v),
                   rpc::ReadDocument(c.document(), At(at, "document"), v)});
  }
  return out;
}

Purpose PurposeFrom(v1::Purpose p, const std::string& field, rpc::Violations& v) {
  if (p == v1::PURPOSE_UNSPECIFIED || !v1::Purpose_IsValid(p)) v.Add(field, "required: a purpose");
  return static_cast<Purpose>(p);
}

v1::ApplicationStep StepWaitingIn(ApplicationState state, bool guarantee_required) {
  switch (state) {
    case ApplicationState::kDraft: return v1::APPLICATION_STEP_SUBMISSION;
    case ApplicationState::kSubmitted: return v1::APPLICATION_STEP_SURVEY;
    case ApplicationState::kSurveyed: return v1::APPLICATION_STEP_COUNTY_REVIEW;
    case ApplicationState::kApproved:
      return guarantee_required ? v1::APPLICATION_STEP_GUARANTEE : v1::APPLICATION_STEP_INSURANCE;
    case ApplicationState::kGuaranteed: return v1::APPLICATION_STEP_INSURANCE;
    case ApplicationState::kInsured: return v1::APPLICATION_STEP_CONTRACT;
    case ApplicationState::kContracted: return v1::APPLICATION_STEP_DISBURSEMENT;
    default: return v1::APPLICATION_STEP_UNSPECIFIED;
  }
}

v1::Collateral CollateralProto(const Collateral& c) {
  v1::Collateral p;
  p.set_kind(static_cast<v1::CollateralKind>(c.kind));
  p.set_description(c.description);
  *p.mutable_estimated_value() = rpc::ToMoney(c.estimated_value_fen);
  if (!c.document.empty()) *p.mutable_document() = rpc::ToProto(c.document);
  return p;
}

v1::EntrustedPayee PayeeProto(const EntrustedPayee& e, bool masked) {
  v1::EntrustedPayee p;
  p.set_payee_name(e.payee_name);
  p.set_account_number(masked ? mask::BankCard(e.account_number) : e.account_number);
  p.set_bank(e.bank);
  *p.mutable_basis() = rpc::ToProto(e.basis);
  return p;
}

void SetDoc(const domain::DocumentRef& d, type::v1::DocumentRef* out) {
  if (!d.empty()) *out = rpc::ToProto(d);
}

// Who took a step and when, from the application's trail.
void StepTrail(const Application& a, ApplicationEvent event, std::string* by,
               google::protobuf::Timestamp* at) {
  if (const StepRecord* s = a.LastStep(event)) {
    *by = s->by;
    *at = rpc::ToTimestamp(s->at);
  }
}

}  // namespace

std::string ApplicationName(const std::string& id) { return rpc::FormatName("applications", id); }

DraftTerms DraftFromProto(const v1::Application& p, const std::string& field, rpc::Violations& v) {
  DraftTerms t;
  t.borrower_id = rpc::ParseName(p.borrower(), "borrowers", At(field, "borrower"), v);
  t.product_id = rpc::ParseName(p.product(), "products", At(field, "product"), v);
  t.amount_fen = Amount(p.amount(), At(field, "amount"), true, v);
  if (p.term_months() <= 0) v.Add(At(field, "term_months"), "required: at least 1 month");
  t.term_months = p.term_months();
  t.purpose = PurposeFrom(p.purpose(), At(field, "purpose"), v);
  rpc::CheckText(p.purpose_detail(), At(field, "purpose_detail"), 1, kMaxDetail, v);
  t.purpose_detail = p.purpose_detail();
  t.collateral = CollateralFrom(p.collateral(), At(field, "collateral"), v);
  t.documents = Documents(p.documents(), At(field, "documents"), v);
  return t;
}

DraftEdit DraftEditFromProto(const v1::Application& p, const std::set<std::string>& paths, const std::string& field,
                             rpc::Violations& v) {
  DraftEdit e;
  e.amount = paths.contains("amount");
  e.term_months = paths.contains("term_months");
  e.purpose = paths.contains("purpose");
  e.purpose_detail = paths.contains("purpose_detail");
  e.collateral = paths.contains("collateral");
  e.documents = paths.contains("documents");
  if (e.amount) e.terms.amount_fen = Amount(p.amount(), At(field, "amount"), true, v);
  if (e.term_months) {
    if (p.term_months() <= 0) v.Add(At(field, "term_months"), "required: at least 1 month");
    e.terms.term_months = p.term_months();
  }
  if (e.purpose) e.terms.purpose = PurposeFrom(p.purpose(), At(field, "purpose"), v);
  if (e.purpose_detail) {
    rpc::CheckText(p.purpose_detail(), At(field, "purpose_detail"), 1, kMaxDetail, v);
    e.terms.purpose_detail = p.purpose_detail();
  }
  if (e.collateral) e.terms.collateral = CollateralFrom(p.collateral(), At(field, "collateral"), v);
  if (e.documents) e.terms.documents = Documents(p.documents(), At(field, "documents"), v);
  return e;
}

Survey SurveyFromProto(const v1::SurveyRecord& p, rpc::Violations& v) {
  Survey s;
  s.lead = p.lead();
  if (p.members_size() > kMaxListed) v.Add("survey.members", absl::StrCat("at most ", kMaxListed, " members"));
  for (int i = 0; i < p.members_size(); ++i) {
    const v1::SurveyMember& m = p.members(i);
    const std::string at = absl::StrCat("survey.members[", i, "]");
    if (m.role() == v1::SURVEY_ROLE_UNSPECIFIED || !v1::SurveyRole_IsValid(m.role())) {
      v.Add(At(at, "role"), "required: the member's role in the survey");
    }
    if (!m.display_name().empty()) rpc::CheckText(m.display_name(), At(at, "display_name"), 1, 100, v);
    rpc::ParseOptionalName(m.staff(), "staff", At(at, "staff"), v);
    s.members.push_back({m.staff(), m.display_name(), static_cast<SurveyRole>(m.role())});
  }
  s.visit_date = Day(p.visit_date(), "survey.visit_date", v);
  s.findings = p.findings();
  s.recommended_amount_fen = Amount(p.recommended_amount(), "survey.recommended_amount", false, v);
  s.report = rpc::ReadDocument(p.report(), "survey.report", v);
  s.guarantee_application = rpc::ReadDocument(p.guarantee_application(), "survey.guarantee_application", v);
  s.benefit_sharing_agreement = rpc::ReadDocument(p.benefit_sharing_agreement(), "survey.benefit_sharing_agreement", v);
  return s;
}

Review ReviewFromProto(const v1::ReviewRecord& p, rpc::Violations& v) {
  Review r;
  r.approved_amount_fen = p.approved_amount().fen();
  r.approved_term_months = p.approved_term_months();
  r.rate_bp = p.rate_bp();
  if (!p.recommended_bank().empty()) {
    r.recommended_bank_id = rpc::ParseName(p.recommended_bank(), "units", "review.recommended_bank", v);
  }
  r.comment = p.comment();
  r.documents = Documents(p.documents(), "review.documents", v);
  return r;
}

Guarantee GuaranteeFromProto(const v1::GuaranteeRecord& p, rpc::Violations& v) {
  Guarantee g;
  g.contract_number = p.contract_number();
  g.guaranteed_amount_fen = p.guaranteed_amount().fen();
  g.contract = rpc::ReadDocument(p.contract(), "guarantee.contract", v);
  g.counter_guarantees = CollateralFrom(p.counter_guarantees(), "guarantee.counter_guarantees", v);
  return g;
}

Insurance InsuranceFromProto(const v1::InsuranceRecord& p, rpc::Violations& v) {
  Insurance i;
  if (p.kind() == v1::INSURANCE_KIND_UNSPECIFIED || !v1::InsuranceKind_IsValid(p.kind())) {
    v.Add("insurance.kind", "required: SURETY or PERSONAL_ACCIDENT");
  }
  i.kind = static_cast<InsuranceKind>(p.kind());
  i.policy_number = p.policy_number();
  i.insured_amount_fen = Amount(p.insured_amount(), "insurance.insured_amount", true, v);
  i.premium_fen = Amount(p.premium(), "insurance.premium", false, v);
  i.cover_from = Day(p.cover().start(), "insurance.cover.start", v);
  i.cover_to = Day(p.cover().end(), "insurance.cover.end", v);
  i.policy_document = rpc::ReadDocument(p.policy_document(), "insurance.policy_document", v);
  return i;
}

Contract ContractFromProto(const v1::ContractRecord& p, rpc::Violations& v) {
  Contract c;
  c.contract_number = p.contract_number();
  if (!p.bank().empty()) c.bank_id = rpc::ParseName(p.bank(), "units", "contract.bank", v);
  c.signed_date = Day(p.signed_date(), "contract.signed_date", v);
  c.amount_fen = p.amount().fen();
  c.term_months = p.term_months();
  c.rate_bp = p.rate_bp();
  c.contract = rpc::ReadDocument(p.contract(), "contract.contract", v);
  return c;
}

std::optional<EntrustedPayee> PayeeFromProto(const v1::EntrustedPayee& p, bool present, const std::string& field,
                                             rpc::Violations& v) {
  // An empty message names no payee: the same as none.
  if (!present || p.ByteSizeLong() == 0) return std::nullopt;
  return EntrustedPayee{p.payee_name(), p.account_number(), p.bank(), rpc::ReadDocument(p.basis(), At(field, "basis"), v)};
}

Disbursement DisbursementFromProto(const v1::DisbursementRecord& p, rpc::Violations& v) {
  Disbursement d;
  d.amount_fen = p.amount().fen();
  d.value_date = Day(p.value_date(), "disbursement.value_date", v);
  d.bank_reference = p.bank_reference();
  d.entrusted_payee = PayeeFromProto(p.entrusted_payee(), p.has_entrusted_payee(), "disbursement.entrusted_payee", v);
  return d;
}

v1::Application ToProto(const Application& a, const BusinessClock& clock, bool masked) {
  const absl::Time now = clock.Now();
  v1::Application p;
  p.set_name(ApplicationName(a.id));
  p.set_borrower(rpc::FormatName("borrowers", a.borrower_id));
  p.set_product(rpc::FormatName("products", a.product_id));
  *p.mutable_amount() = rpc::ToMoney(a.request.amount_fen);
  p.set_term_months(a.request.term_months);
  p.set_purpose(static_cast<v1::Purpose>(a.request.purpose));
  p.set_purpose_detail(a.purpose_detail);
  for (const Collateral& c : a.collateral) *p.add_collateral() = CollateralProto(c);
  for (const auto& d : a.documents) *p.add_documents() = rpc::ToProto(d);
  p.set_intake_unit(Unit(a.unit_id));
  p.set_township(Unit(a.township_id));
  p.set_county(Unit(a.county_id));
  if (!a.policy_id.empty()) p.set_policy(rpc::FormatName("countyPolicies", a.policy_id));
  p.set_state(static_cast<v1::ApplicationState>(a.state));
  p.set_next_step(StepWaitingIn(a.state, a.guarantee_required));
  if (a.survey) {
    const Survey& s = *a.survey;
    v1::SurveyRecord* out = p.mutable_survey();
    out->set_lead(s.lead);
    for (const SurveyMember& m : s.members) {
      v1::SurveyMember* pm = out->add_members();
      pm->set_staff(m.staff);
      pm->set_display_name(m.display_name);
      pm->set_role(static_cast<v1::SurveyRole>(m.role));
    }
    *out->mutable_visit_date() = rpc::ToDate(s.visit_date);
    out->set_findings(s.findings);
    if (s.recommended_amount_fen > 0) *out->mutable_recommended_amount() = rpc::ToMoney(s.recommended_amount_fen);
    SetDoc(s.report, out->mutable_report());
    SetDoc(s.guarantee_application, out->mutable_guarantee_application());
    SetDoc(s.benefit_sharing_agreement, out->mutable_benefit_sharing_agreement());
    StepTrail(a, ApplicationEvent::kRecordSurvey, out->mutable_recorded_by(), out->mutable_record_time());
  }
  if (a.review) {
    const Review& r = *a.review;
    v1::ReviewRecord* out = p.mutable_review();
    *out->mutable_approved_amount() = rpc::ToMoney(r.approved_amount_fen);
    out->set_approved_term_months(r.approved_term_months);
    out->set_rate_bp(r.rate_bp);
    out->set_recommended_bank(Unit(r.recommended_bank_id));
    out->set_comment(r.comment);
    for (const auto& d : r.documents) *out->add_documents() = rpc::ToProto(d);
    StepTrail(a, ApplicationEvent::kApprove, out->mutable_reviewer(), out->mutable_record_time());
    out->set_on_time(r.on_time);
    out->set_policy(rpc::FormatName("countyPolicies", r.policy_id));
  }
  if (a.guarantee) {
    const Guarantee& g = *a.guarantee;
    v1::GuaranteeRecord* out = p.mutable_guarantee();
    out->set_contract_number(g.contract_number);
    out->set_guarantor(Unit(g.guarantor_id));
    *out->mutable_guaranteed_amount() = rpc::ToMoney(g.guaranteed_amount_fen);
    SetDoc(g.contract, out->mutable_contract());
    for (const Collateral& c : g.counter_guarantees) *out->add_counter_guarantees() = CollateralProto(c);
    *out->mutable_service_fee() = rpc::ToMoney(g.service_fee_fen);
    StepTrail(a, ApplicationEvent::kRecordGuarantee, out->mutable_recorded_by(), out->mutable_record_time());
  }
  p.set_guarantee_skipped(!a.guarantee_required);
  if (a.insurance) {
    const Insurance& i = *a.insurance;
    v1::InsuranceRecord* out = p.mutable_insurance();
    out->set_kind(static_cast<v1::InsuranceKind>(i.kind));
    out->set_policy_number(i.policy_number);
    out->set_insurer(Unit(i.insurer_id));
    *out->mutable_insured_amount() = rpc::ToMoney(i.insured_amount_fen);
    *out->mutable_premium() = rpc::ToMoney(i.premium_fen);
    *out->mutable_cover()->mutable_start() = rpc::ToDate(i.cover_from);
    *out->mutable_cover()->mutable_end() = rpc::ToDate(i.cover_to);
    SetDoc(i.policy_document, out->mutable_policy_document());
    StepTrail(a, ApplicationEvent::kRecordInsurance, out->mutable_recorded_by(), out->mutable_record_time());
  }
  if (a.contract) {
    const Contract& c = *a.contract;
    v1::ContractRecord* out = p.mutable_contract();
    out->set_contract_number(c.contract_number);
    out->set_bank(Unit(c.bank_id));
    *out->mutable_signed_date() = rpc::ToDate(c.signed_date);
    *out->mutable_amount() = rpc::ToMoney(c.amount_fen);
    out->set_term_months(c.term_months);
    out->set_rate_bp(c.rate_bp);
    SetDoc(c.contract, out->mutable_contract());
    *out->mutable_maturity_date() = rpc::ToDate(c.maturity_date);
    out->set_entrusted_payment(c.entrusted_payment);
    out->set_eligibility_rechecked(true);
    StepTrail(a, ApplicationEvent::kSignContract, out->mutable_recorded_by(), out->mutable_record_time());
    out->set_policy(rpc::FormatName("countyPolicies", c.policy_id));
  }
  if (a.disbursement) {
    const Disbursement& d = *a.disbursement;
    v1::DisbursementRecord* out = p.mutable_disbursement();
    *out->mutable_amount() = rpc::ToMoney(d.amount_fen);
    *out->mutable_value_date() = rpc::ToDate(d.value_date);
    out->set_bank_reference(d.bank_reference);
    if (d.entrusted_payee) *out->mutable_entrusted_payee() = PayeeProto(*d.entrusted_payee, masked);
    *out->mutable_fees_charged() = rpc::ToMoney(d.fees_charged_fen);
    StepTrail(a, ApplicationEvent::kDisburse, out->mutable_recorded_by(), out->mutable_record_time());
  }
  if (a.rejection) {
    v1::ApplicationRejection* out = p.mutable_rejection();
    out->set_step(StepWaitingIn(a.rejection->at, a.guarantee_required));
    out->set_category(static_cast<v1::RejectionCategory>(a.rejection->category));
    out->set_reason(a.rejection->reason);
    StepTrail(a, ApplicationEvent::kReject, out->mutable_rejected_by(), out->mutable_reject_time());
  }
  if (a.state == ApplicationState::kWithdrawn) {
    v1::Withdrawal* out = p.mutable_withdrawal();
    out->set_reason(a.EndReason());
    StepTrail(a, ApplicationEvent::kWithdraw, out->mutable_recorded_by(), out->mutable_withdraw_time());
  }
  if (a.review_due) {
    // Due "by the end of" a day: the deadline is that day's 24:00, the next
    // day's first instant, so the day is the one just before it.
    *p.mutable_review_due_date() = rpc::ToDate(clock.DayOf(*a.review_due - absl::Nanoseconds(1)));
  }
  p.set_review_overdue(a.state == ApplicationState::kSurveyed && a.review_due && now >= *a.review_due);
  if (!a.credit_line_id.empty()) p.set_credit_line(rpc::FormatName("creditLines", a.credit_line_id));
  if (!a.loan_id.empty()) p.set_loan(rpc::FormatName("loans", a.loan_id));
  p.set_submitted_by(a.submitted_by);
  if (a.submit_time) *p.mutable_submit_time() = rpc::ToTimestamp(*a.submit_time);
  *p.mutable_create_time() = rpc::ToTimestamp(a.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(a.update_time);
  p.set_etag(rpc::Etag(a.version));
  return p;
}

v1::Loan ToProto(const Loan& l, bool masked) {
  v1::Loan p;
  p.set_name(rpc::FormatName("loans", l.id));
  p.set_borrower(rpc::FormatName("borrowers", l.place.borrower_id));
  p.set_borrower_type(static_cast<v1::BorrowerType>(l.borrower_type));
  p.set_product(rpc::FormatName("products", l.place.product_id));
  p.set_product_kind(static_cast<v1::ProductKind>(l.product_kind));
  p.set_application(ApplicationName(l.application_id));
  if (!l.credit_line_id.empty()) p.set_credit_line(rpc::FormatName("creditLines", l.credit_line_id));
  p.set_village(Unit(l.place.unit_id));
  p.set_township(Unit(l.place.township_id));
  p.set_county(Unit(l.place.county_id));
  p.set_bank(Unit(l.place.bank_id));
  *p.mutable_principal() = rpc::ToMoney(l.principal_fen);
  *p.mutable_outstanding_principal() = rpc::ToMoney(l.outstanding_principal_fen);
  *p.mutable_interest_due() = rpc::ToMoney(0);
  *p.mutable_principal_repaid() = rpc::ToMoney(l.principal_fen - l.outstanding_principal_fen);
  *p.mutable_interest_paid() = rpc::ToMoney(0);
  p.set_rate_bp(l.rate_bp);
  p.set_repayment_method(static_cast<v1::RepaymentMethod>(l.repayment_method));
  p.set_day_count(static_cast<v1::DayCount>(l.day_count));
  *p.mutable_disbursement_date() = rpc::ToDate(l.disbursement_date);
  p.set_term_months(l.term_months);
  *p.mutable_original_maturity_date() = rpc::ToDate(OriginalMaturity(l));
  *p.mutable_maturity_date() = rpc::ToDate(l.maturity_date);
  for (const LoanExtension& e : l.extensions) *p.add_extensions() = ExtensionProto(e);
  p.set_purpose(static_cast<v1::Purpose>(l.purpose));
  p.set_bank_reference(l.bank_reference);
  if (l.entrusted_payee) *p.mutable_entrusted_payee() = PayeeProto(*l.entrusted_payee, masked);
  p.set_status(static_cast<v1::LoanStatus>(l.status));
  p.set_classification(static_cast<v1::LoanClassification>(l.loan_class));
  p.set_days_past_due(l.days_past_due);
  *p.mutable_create_time() = rpc::ToTimestamp(l.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(l.update_time);
  p.set_etag(rpc::Etag(l.version));
  return p;
}

v1::CreditLine ToProto(const CreditLineRecord& c) {
  v1::CreditLine p;
  p.set_name(rpc::FormatName("creditLines", c.id));
  p.set_borrower(rpc::FormatName("borrowers", c.place.borrower_id));
  p.set_application(ApplicationName(c.application_id));
  p.set_product(rpc::FormatName("products", c.place.product_id));
  p.set_township(Unit(c.place.township_id));
  *p.mutable_limit() = rpc::ToMoney(c.line.limit_fen);
  *p.mutable_outstanding() = rpc::ToMoney(c.line.outstanding_principal_fen);
  *p.mutable_available() = rpc::ToMoney(AvailableFen(c.line));
  p.set_rate_bp(c.rate_bp);
  *p.mutable_start_date() = rpc::ToDate(c.start_date);
  *p.mutable_expiry_date() = rpc::ToDate(c.line.expiry);
  p.set_state(static_cast<v1::CreditLineState>(c.state));
  p.set_draw_count(c.draw_count);
  *p.mutable_create_time() = rpc::ToTimestamp(c.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(c.update_time);
  p.set_etag(rpc::Etag(c.version));
  return p;
}

}  // namespace huinong::loans
