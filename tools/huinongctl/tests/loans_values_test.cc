// The loans commands' values: yuan to fen and back (never floating point),
// enum words both ways, documents, collateral and survey members; and a
// refusal printed with every broken rule.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "common/rpc/status_details.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using ::testing::HasSubstr;

TEST(LoansValuesTest, YuanAreFenUnderneath) {
  EXPECT_EQ(ParseYuan("50000")->fen(), 5000000);
  EXPECT_EQ(ParseYuan("50,000.01")->fen(), 5000001);
  EXPECT_EQ(ParseYuan("1,000,000")->fen(), 100000000);
  EXPECT_EQ(ParseYuan("0.5")->fen(), 50);
  EXPECT_FALSE(ParseYuan("1.234").ok());
  EXPECT_FALSE(ParseYuan("-5").ok());
  EXPECT_FALSE(ParseYuan("5万").ok());
  EXPECT_FALSE(ParseYuan("").ok());
  type::v1::Money money;
  money.set_fen(500000001);
  EXPECT_EQ(YuanText(money), "5,000,000.01");
  money.set_fen(5);
  EXPECT_EQ(YuanText(money), "0.05");
  EXPECT_EQ(RateText(435), "435 bp (4.35%)");
  EXPECT_EQ(MultipleText(14500), "×1.45");
  EXPECT_EQ(MultipleText(10000), "×1.00");
}

TEST(LoansValuesTest, EnumWordsBothWays) {
  EXPECT_EQ(EnumWord(v1::BORROWER_TYPE_FAMILY_FARM), "family-farm");
  EXPECT_EQ(EnumWord(v1::APPLICATION_STATE_SURVEYED), "surveyed");
  EXPECT_EQ(EnumWord(v1::APPLICATION_STEP_UNSPECIFIED), "-");
  EXPECT_EQ(*ParseEnumWord<v1::BorrowerType>("leading_enterprise"), v1::BORROWER_TYPE_LEADING_ENTERPRISE);
  EXPECT_EQ(*ParseEnumWord<v1::BorrowerType>("BORROWER_TYPE_HOUSEHOLD"), v1::BORROWER_TYPE_HOUSEHOLD);
  EXPECT_EQ(*ParseEnumWord<v1::InsuranceKind>("Personal-Accident"), v1::INSURANCE_KIND_PERSONAL_ACCIDENT);
  const absl::StatusOr<v1::BorrowerType> bad = ParseEnumWord<v1::BorrowerType>("unspecified");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("household family-farm cooperative leading-enterprise share-cooperative"));
}

TEST(LoansValuesTest, DocumentsCollateralAndMembers) {
  const std::string hash(64, 'a');
  const auto document = ParseDocument("https://docs.example.cn/report.pdf#" + hash);
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document->uri(), "https://docs.example.cn/report.pdf");
  EXPECT_EQ(document->sha256(), hash);
  EXPECT_FALSE(ParseDocument("https://x/y#abc").ok());
  const auto contract = ParseDocument("loan_contract|固农信借字〔2026〕第0187号|docs://c.pdf#" + hash);
  ASSERT_TRUE(contract.ok());
  EXPECT_EQ(contract->kind(), "loan_contract");
  EXPECT_EQ(contract->number(), "固农信借字〔2026〕第0187号");
  EXPECT_EQ(contract->uri(), "docs://c.pdf");
  EXPECT_EQ(DocumentText(*contract), "loan_contract  固农信借字〔2026〕第0187号  docs://c.pdf  sha256:aaaaaaaaaaaa…");
  const auto kinded = ParseDocument("survey_report|docs://r.pdf");
  ASSERT_TRUE(kinded.ok());
  EXPECT_EQ(kinded->kind(), "survey_report");
  EXPECT_EQ(kinded->number(), "");
  const auto piped = ParseDocument("https://docs.example.cn/q?a=1|2");  // no kind: all of it is the URI
  ASSERT_TRUE(piped.ok());
  EXPECT_EQ(piped->kind(), "");
  EXPECT_EQ(piped->uri(), "https://docs.example.cn/q?a=1|2");
  const auto numbered = ParseDocument("|郏政办〔2016〕12号|docs://d.pdf");  // a number without a kind
  ASSERT_TRUE(numbered.ok());
  EXPECT_EQ(numbered->number(), "郏政办〔2016〕12号");
  EXPECT_EQ(numbered->uri(), "docs://d.pdf");
  const auto kinded_pipe = ParseDocument("survey_report|https://x/q?a|b");
  ASSERT_TRUE(kinded_pipe.ok());
  EXPECT_EQ(kinded_pipe->number(), "");
  EXPECT_EQ(kinded_pipe->uri(), "https://x/q?a|b");
  EXPECT_FALSE(ParseDocument("loan_contract|").ok());
  const auto collateral = ParseCollateral("equipment:两台烘干机:120000");
  ASSERT_TRUE(collateral.ok());
  EXPECT_EQ(collateral->kind(), v1::COLLATERAL_KIND_EQUIPMENT);
  EXPECT_EQ(collateral->description(), "两台烘干机");
  EXPECT_EQ(collateral->estimated_value().fen(), 12000000);
  EXPECT_FALSE(ParseCollateral("equipment").ok());
  const auto member = ParseSurveyMember("bank-credit-officer:石海涛:S7");
  ASSERT_TRUE(member.ok());
  EXPECT_EQ(member->role(), v1::SURVEY_ROLE_BANK_CREDIT_OFFICER);
  EXPECT_EQ(member->staff(), "staff/S7");
  EXPECT_FALSE(ParseSurveyMember("lead:张三").ok());
}

TEST(LoansValuesTest, ARefusalPrintsEveryBrokenRule) {
  const absl::Status refusal = rpc::FailedPreconditions(
      "BORROWER_INELIGIBLE", "the borrower may not borrow this",
      {{"AGE_LIMIT", "person.birth_date", "at most 60 years, 61 on 2026-12-02 (countyPolicies/P1)"},
       {"CEILING", "amount", "at most 50,000.00, asked 50,000.01"},
       {"TERM_LIMIT", "term_months", "at most 36, asked 37"},
       {"PURPOSE_CONSUMPTION", "purpose", "consumption is never lent for"}});
  const std::string text = FormatError(refusal);
  EXPECT_THAT(text, HasSubstr("error: FAILED_PRECONDITION: the borrower may not borrow this"));
  EXPECT_THAT(text, HasSubstr("  broken rules (4):\n"
                              "    AGE_LIMIT (person.birth_date): at most 60 years, 61 on 2026-12-02 (countyPolicies/P1)\n"
                              "    CEILING (amount): at most 50,000.00, asked 50,000.01\n"
                              "    TERM_LIMIT (term_months): at most 36, asked 37\n"
                              "    PURPOSE_CONSUMPTION (purpose): consumption is never lent for\n"));
  EXPECT_THAT(text, HasSubstr("  reason: BORROWER_INELIGIBLE\n"));
}

}  // namespace
}  // namespace huinong::ctl
