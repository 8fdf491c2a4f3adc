// The content rules of each workflow step (domain/application_steps.h) with
// the seeds' numbers: the survey's team and documents (the benefit-sharing
// agreement for every loan but a poverty small loan, 000:1517), fees on the
// approved amount half up (1.0% guarantee, 1.2% surety premium), the
// contract's maturity and the entrusted-payment threshold at its boundary,
// the disbursement's payee, and the proposed rate.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/application_steps.h"

namespace huinong::loans {
namespace {

Application Approved(ProductKind kind, bool guarantee_required, int64_t approved_fen) {
  Application a;
  a.request.product = kind;
  a.request.amount_fen = approved_fen;
  a.request.term_months = 36;
  a.guarantee_required = guarantee_required;
  Review r;
  r.approved_amount_fen = approved_fen;
  r.approved_term_months = 36;
  r.rate_bp = 435;
  a.review = r;
  return a;
}

Survey FullSurvey() {
  Survey s;
  s.lead = "staff/director";
  s.members = {{"", "信贷员", SurveyRole::kBankCreditOfficer}};
  s.visit_date = absl::CivilDay(2026, 12, 1);
  s.findings = "可行";
  s.report = {"docs://report", "", "调查报告"};
  s.guarantee_application = {"docs://guarantee", "", "担保申请"};
  s.benefit_sharing_agreement = {"docs://benefit", "", "利益分配协议"};
  return s;
}

bool Names(const FieldProblems& problems, const std::string& field) {
  for (const auto& p : problems) {
    if (p.first == field) return true;
  }
  return false;
}

TEST(SurveyProblems, TheBenefitSharingAgreementIsRequiredForEveryLoanButAPovertySmallLoan) {
  Survey s = FullSurvey();
  s.benefit_sharing_agreement = {};
  const absl::CivilDay today(2026, 12, 2);
  EXPECT_TRUE(SurveyProblems(Approved(ProductKind::kPovertySmallLoan, true, 5'000'000), s, today).empty());
  const FieldProblems industry = SurveyProblems(Approved(ProductKind::kIndustryDevelopment, true, 5'000'000), s, today);
  EXPECT_TRUE(Names(industry, "survey.benefit_sharing_agreement"));
  EXPECT_TRUE(MissingBenefitSharingAgreement(industry));
}

TEST(SurveyProblems, TheTeamNeedsTheBanksCreditOfficerAndEveryMissingPieceIsNamed) {
  Survey s;
  s.visit_date = absl::CivilDay(2026, 12, 3);  // tomorrow
  const FieldProblems p = SurveyProblems(Approved(ProductKind::kPovertySmallLoan, true, 5'000'000), s,
                                         absl::CivilDay(2026, 12, 2));
  for (const char* field : {"survey.lead", "survey.members", "survey.visit_date", "survey.findings", "survey.report",
                            "survey.guarantee_application"}) {
    EXPECT_TRUE(Names(p, field)) << field;
  }
  // Without the guarantee step (两免一补) the guarantee application is not asked for.
  EXPECT_FALSE(Names(SurveyProblems(Approved(ProductKind::kPovertySmallLoan, false, 5'000'000), s,
                                    absl::CivilDay(2026, 12, 2)),
                     "survey.guarantee_application"));
}

TEST(Fees, TheGuaranteeFeeAndSuretyPremiumAreOnTheApprovedAmountHalfUp) {
  CountyPolicy policy;  // 100 bp and 120 bp, the seeds' numbers
  EXPECT_EQ(GuaranteeServiceFeeFen(5'000'000, policy), 50'000);  // 1.0% of 50,000 CNY
  EXPECT_EQ(SuretyPremiumFen(5'000'000, policy), 60'000);        // 1.2%
  EXPECT_EQ(GuaranteeServiceFeeFen(50, policy), 1);              // 0.5 fen rounds up
  EXPECT_EQ(GuaranteeServiceFeeFen(49, policy), 0);
  EXPECT_EQ(SuretyPremiumFen(125, policy), 2);                   // 1.5 fen rounds up
}

TEST(Contract, MaturityIsTheTermAfterSigningAndEntrustedPaymentStartsAboveTheThreshold) {
  CountyPolicy policy;  // entrusted payment above 500,000 CNY
  policy.id = "p1";
  Contract c;
  c.signed_date = absl::CivilDay(2026, 1, 31);
  c.term_months = 1;
  c.amount_fen = 50'000'000;
  CompleteContract(c, policy);
  EXPECT_EQ(c.maturity_date, absl::CivilDay(2026, 2, 28));
  EXPECT_FALSE(c.entrusted_payment);  // exactly 500,000 CNY
  EXPECT_EQ(c.policy_id, "p1");
  c.amount_fen = 50'000'001;
  CompleteContract(c, policy);
  EXPECT_TRUE(c.entrusted_payment);
}

TEST(Contract, TheAmountTermAndRateStayWithinTheApprovedOnes) {
  const Application a = Approved(ProductKind::kIndustryDevelopment, true, 10'000'000);
  Contract c;
  c.contract_number = "JK-1";
  c.signed_date = absl::CivilDay(2026, 12, 2);
  c.amount_fen = 10'000'001;
  c.term_months = 37;
  c.rate_bp = 436;
  const FieldProblems p = ContractProblems(a, c, absl::CivilDay(2026, 12, 2));
  for (const char* field : {"contract.amount", "contract.term_months", "contract.rate_bp"}) {
    EXPECT_TRUE(Names(p, field)) << field;
  }
  c.amount_fen = 10'000'000;
  c.term_months = 36;
  c.rate_bp = 435;
  EXPECT_TRUE(ContractProblems(a, c, absl::CivilDay(2026, 12, 2)).empty());
}

TEST(Disbursement, EntrustedPaymentNeedsThePayeeAndTheValueDateFollowsTheSigning) {
  Application a = Approved(ProductKind::kIndustryDevelopment, true, 60'000'000);
  Contract c;
  c.signed_date = absl::CivilDay(2026, 12, 1);
  c.amount_fen = 60'000'000;
  c.entrusted_payment = true;
  a.contract = c;
  Disbursement d;
  d.amount_fen = 60'000'000;
  d.value_date = absl::CivilDay(2026, 11, 30);
  d.bank_reference = "TX1";
  const FieldProblems p = DisbursementProblems(a, d, absl::CivilDay(2026, 12, 2));
  EXPECT_TRUE(Names(p, "disbursement.entrusted_payee"));
  EXPECT_TRUE(Names(p, "disbursement.value_date"));
  d.value_date = absl::CivilDay(2026, 12, 1);
  d.entrusted_payee = EntrustedPayee{"固安县饲料公司", "6222000000000000", "农行", {"docs://order", "", "购销合同"}};
  EXPECT_TRUE(DisbursementProblems(a, d, absl::CivilDay(2026, 12, 2)).empty());
}

TEST(ProposedRate, ASmallLoanAtTheSmallLoanRateAndAnIndustryLoanAtTheProductsLowest) {
  CountyPolicy policy;  // base 435 bp, small loans at the base
  Product small;
  small.kind = ProductKind::kPovertySmallLoan;
  EXPECT_EQ(ProposedRateBp(small, policy), 435);
  Product industry;
  industry.kind = ProductKind::kIndustryDevelopment;
  industry.min_rate_multiple_bp = 11'000;
  EXPECT_EQ(ProposedRateBp(industry, policy), 479);  // 478.5 half up
}

}  // namespace
}  // namespace huinong::loans
