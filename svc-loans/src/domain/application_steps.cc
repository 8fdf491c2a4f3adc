// See application_steps.h.
#include "svc-loans/src/domain/application_steps.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/core/money.h"
#include "svc-loans/src/domain/months.h"

namespace huinong::loans {
namespace {

constexpr size_t kMaxFindings = 4000;
constexpr size_t kMaxNumber = 64;

void Text(FieldProblems& out, const std::string& field, const std::string& text, size_t max) {
  if (text.empty()) {
    out.emplace_back(field, "required");
  } else if (text.size() > max) {
    out.emplace_back(field, absl::StrCat("at most ", max, " bytes"));
  }
}

void Document(FieldProblems& out, const std::string& field, const domain::DocumentRef& doc) {
  if (!doc.locatable()) out.emplace_back(field, "required: where the document is (uri) or its sha256");
}

int64_t BpOf(int64_t fen, int bp) {
  // Amounts here are capped by the county's ceilings, far from overflow.
  absl::StatusOr<Money> v = MulDivHalfUp(Money::Fen(fen), bp, 10'000);
  return v.ok() ? v->fen() : 0;
}

}  // namespace

int ProposedRateBp(const Product& product, const CountyPolicy& policy) {
  const int64_t exact = static_cast<int64_t>(policy.base_rate_bp) * product.min_rate_multiple_bp;
  return static_cast<int>((exact + 9'999) / 10'000);
}

FieldProblems SurveyProblems(const Application& a, const Survey& s, absl::CivilDay today) {
  FieldProblems out;
  if (s.lead.empty()) out.emplace_back("survey.lead", "required: the township director leading the survey");
  if (std::none_of(s.members.begin(), s.members.end(),
                   [](const SurveyMember& m) { return m.role == SurveyRole::kBankCreditOfficer; })) {
    out.emplace_back("survey.members", "the team must include the bank's credit officer (BANK_CREDIT_OFFICER)");
  }
  for (size_t i = 0; i < s.members.size(); ++i) {
    if (s.members[i].display_name.empty()) out.emplace_back(absl::StrCat("survey.members[", i, "].display_name"), "required");
  }
  if (s.visit_date > today) out.emplace_back("survey.visit_date", "not in the future");
  Text(out, "survey.findings", s.findings, kMaxFindings);
  if (s.recommended_amount_fen < 0 || s.recommended_amount_fen > a.request.amount_fen) {
    out.emplace_back("survey.recommended_amount", absl::StrCat("0 to the amount applied for, ", a.request.amount_fen, " fen"));
  }
  Document(out, "survey.report", s.report);
  if (a.guarantee_required) Document(out, "survey.guarantee_application", s.guarantee_application);
  if (a.request.product != ProductKind::kPovertySmallLoan && !s.benefit_sharing_agreement.locatable()) {
    out.emplace_back("survey.benefit_sharing_agreement",
                     "required for every loan but a poverty small loan (000:1517): the agreement with poor households");
  }
  return out;
}

bool MissingBenefitSharingAgreement(const FieldProblems& problems) {
  return std::any_of(problems.begin(), problems.end(),
                     [](const auto& p) { return p.first == "survey.benefit_sharing_agreement"; });
}

FieldProblems ReviewProblems(const Review& r) {
  FieldProblems out;
  if (r.approved_amount_fen <= 0) out.emplace_back("review.approved_amount", "required: more than 0");
  if (r.approved_term_months <= 0) out.emplace_back("review.approved_term_months", "required: at least 1");
  if (r.rate_bp <= 0) out.emplace_back("review.rate_bp", "required: more than 0");
  if (r.recommended_bank_id.empty()) out.emplace_back("review.recommended_bank", "required: \"units/{id}\" of a cooperating bank");
  if (r.comment.size() > kMaxFindings) out.emplace_back("review.comment", "at most 4000 bytes");
  return out;
}

LoanRequest ApprovedRequest(const Application& a, const Review& r) {
  LoanRequest out = a.request;
  out.amount_fen = r.approved_amount_fen;
  out.term_months = r.approved_term_months;
  out.rate_bp = r.rate_bp;
  return out;
}

std::vector<RuleFailure> CheckReviewWithinRequest(const Application& a, const Review& r,
                                                  const std::string& policy_id) {
  RuleFailures f(policy_id);
  if (r.approved_amount_fen > a.request.amount_fen) {
    f.Add("APPROVED_ABOVE_REQUEST", "review.approved_amount",
          absl::StrCat("at most the amount applied for, ", FenText(a.request.amount_fen)),
          FenText(r.approved_amount_fen));
  }
  if (r.approved_term_months > a.request.term_months) {
    f.Add("APPROVED_ABOVE_REQUEST", "review.approved_term_months",
          absl::StrCat("at most the term applied for, ", a.request.term_months, " months"),
          absl::StrCat(r.approved_term_months, " months"));
  }
  return f.Take();
}

FieldProblems GuaranteeProblems(const Application& a, const Guarantee& g) {
  FieldProblems out;
  Text(out, "guarantee.contract_number", g.contract_number, kMaxNumber);
  Document(out, "guarantee.contract", g.contract);
  const int64_t approved = a.review ? a.review->approved_amount_fen : 0;
  if (g.guaranteed_amount_fen <= 0 || g.guaranteed_amount_fen > approved) {
    out.emplace_back("guarantee.guaranteed_amount", absl::StrCat("more than 0 and at most the approved ", approved, " fen"));
  }
  return out;
}

int64_t GuaranteeServiceFeeFen(int64_t approved_fen, const CountyPolicy& policy) {
  return BpOf(approved_fen, policy.guarantee_fee_bp);
}

FieldProblems InsuranceProblems(const Application& a, const Insurance& i) {
  FieldProblems out;
  const InsuranceKind expected = a.guarantee_required ? InsuranceKind::kSurety : InsuranceKind::kPersonalAccident;
  if (i.kind != expected) {
    out.emplace_back("insurance.kind", expected == InsuranceKind::kSurety
                                           ? "SURETY: the loan is guaranteed (政银企户保)"
                                           : "PERSONAL_ACCIDENT: a small loan under 两免一补 (000:1433)");
  }
  Text(out, "insurance.policy_number", i.policy_number, kMaxNumber);
  if (i.insured_amount_fen <= 0) out.emplace_back("insurance.insured_amount", "required: more than 0");
  if (i.kind == InsuranceKind::kPersonalAccident && i.premium_fen <= 0) {
    out.emplace_back("insurance.premium", "required for accident insurance: more than 0");
  }
  if (i.cover_to < i.cover_from) out.emplace_back("insurance.cover", "the cover ends on or after it starts");
  return out;
}

int64_t SuretyPremiumFen(int64_t approved_fen, const CountyPolicy& policy) {
  return BpOf(approved_fen, policy.surety_premium_bp);
}

FieldProblems ContractProblems(const Application& a, const Contract& c, absl::CivilDay today) {
  FieldProblems out;
  Text(out, "contract.contract_number", c.contract_number, kMaxNumber);
  if (c.signed_date > today || c.signed_date < a.request.application_date) {
    out.emplace_back("contract.signed_date",
                     absl::StrCat("from the submission, ", absl::FormatCivilTime(a.request.application_date),
                                  ", to today"));
  }
  const Review& r = *a.review;
  if (c.amount_fen <= 0 || c.amount_fen > r.approved_amount_fen) {
    out.emplace_back("contract.amount", absl::StrCat("more than 0 and at most the approved ", r.approved_amount_fen, " fen"));
  }
  if (c.term_months <= 0 || c.term_months > r.approved_term_months) {
    out.emplace_back("contract.term_months", absl::StrCat("1 to the approved ", r.approved_term_months, " months"));
  }
  if (c.rate_bp != r.rate_bp) out.emplace_back("contract.rate_bp", absl::StrCat("the approved rate, ", r.rate_bp, " bp"));
  return out;
}

void CompleteContract(Contract& c, const CountyPolicy& policy) {
  c.maturity_date = AddMonths(c.signed_date, c.term_months);
  c.entrusted_payment = c.amount_fen > policy.entrusted_payment_threshold_fen;
  c.policy_id = policy.id;
}

LoanRequest ContractedRequest(const Application& a, const Contract& c) {
  LoanRequest out = a.request;
  out.amount_fen = c.amount_fen;
  out.term_months = c.term_months;
  out.rate_bp = c.rate_bp;
  out.contract_date = c.signed_date;
  return out;
}

FieldProblems DisbursementProblems(const Application& a, const Disbursement& d, absl::CivilDay today) {
  FieldProblems out;
  const Contract& c = *a.contract;
  if (d.amount_fen <= 0 || d.amount_fen > c.amount_fen) {
    out.emplace_back("disbursement.amount", absl::StrCat("more than 0 and at most the contract's ", c.amount_fen, " fen"));
  }
  if (d.value_date < c.signed_date || d.value_date > today) {
    out.emplace_back("disbursement.value_date",
                     absl::StrCat("from the contract's signing, ", absl::FormatCivilTime(c.signed_date), ", to today"));
  }
  Text(out, "disbursement.bank_reference", d.bank_reference, kMaxNumber);
  if (c.entrusted_payment) {
    if (!d.entrusted_payee) {
      out.emplace_back("disbursement.entrusted_payee", "required: the contract uses entrusted payment (受托支付)");
    } else {
      for (auto& p : PayeeProblems(*d.entrusted_payee, "disbursement.entrusted_payee")) out.push_back(std::move(p));
    }
  }
  return out;
}

FieldProblems PayeeProblems(const EntrustedPayee& payee, const std::string& field) {
  FieldProblems out;
  Text(out, field + ".payee_name", payee.payee_name, 200);
  Text(out, field + ".account_number", payee.account_number, kMaxNumber);
  Text(out, field + ".bank", payee.bank, 200);
  Document(out, field + ".basis", payee.basis);
  return out;
}

int64_t FeesAtDisbursementFen(const Application& a) {
  int64_t fees = 0;
  if (a.guarantee) fees += a.guarantee->service_fee_fen;
  if (a.insurance && a.insurance->kind == InsuranceKind::kSurety) fees += a.insurance->premium_fen;
  return fees;
}

}  // namespace huinong::loans
