// A product's own rules and the county policy's caps on it (product.h),
// with the seeds' numbers: a poverty small loan of at most 50,000 CNY for
// households (000:1497), 36 months (000:1509), industry loans at most
// base × 1.45 (000:1505).
#include <gtest/gtest.h>

#include "svc-loans/src/domain/product.h"

namespace huinong::loans {
namespace {

using Named = std::vector<std::pair<std::string, std::string>>;

std::vector<std::string> FieldsOf(const Named& violations) {
  std::vector<std::string> fields;
  for (const auto& [field, description] : violations) fields.push_back(field);
  return fields;
}

Product Industry() {
  Product p;
  p.kind = ProductKind::kIndustryDevelopment;
  p.borrower_types = {BorrowerType::kFamilyFarm, BorrowerType::kCooperative};
  p.max_amount_fen = 300'000'000;  // 3,000,000 CNY, the cooperatives' ceiling
  p.max_term_months = 36;
  p.min_rate_multiple_bp = 10'000;
  p.max_rate_multiple_bp = 14'500;
  return p;
}

TEST(ProductRules, TheSeedsLimitsPassAndOneStepBeyondFails) {
  Product small;
  small.borrower_types = {BorrowerType::kHousehold};
  small.max_amount_fen = 5'000'000;
  small.max_term_months = 36;
  small.revolving = true;
  EXPECT_TRUE(ProductViolations(small).empty());
  small.max_amount_fen = 5'000'001;
  small.max_term_months = 37;
  small.borrower_types.push_back(BorrowerType::kFamilyFarm);
  small.min_rate_multiple_bp = 10'001;
  EXPECT_EQ(FieldsOf(ProductViolations(small)),
            (std::vector<std::string>{"max_amount", "max_term_months", "max_rate_multiple_bp", "borrower_types[1]"}));

  Product industry = Industry();
  industry.revolving = true;
  EXPECT_EQ(FieldsOf(ProductViolations(industry)), std::vector<std::string>{"revolving"});
}

TEST(ProductRules, TheCountysCapsOnTermRateAndAmount) {
  const CountyPolicy policy;  // the seeds' defaults
  Product industry = Industry();
  EXPECT_TRUE(PolicyCapViolations(industry, policy).empty());
  industry.max_rate_multiple_bp = 14'501;
  industry.max_amount_fen = 300'000'001;
  EXPECT_EQ(FieldsOf(PolicyCapViolations(industry, policy)),
            (std::vector<std::string>{"max_rate_multiple_bp", "max_amount"}));

  CountyPolicy shorter;
  shorter.max_total_term_months = 24;
  EXPECT_EQ(FieldsOf(PolicyCapViolations(Industry(), shorter)), std::vector<std::string>{"max_term_months"});

  Product small;
  small.borrower_types = {BorrowerType::kHousehold};
  small.max_amount_fen = 5'000'000;
  small.max_term_months = 36;
  small.max_rate_multiple_bp = 10'001;  // a small loan lends at the base rate
  EXPECT_EQ(FieldsOf(PolicyCapViolations(small, policy)), std::vector<std::string>{"max_rate_multiple_bp"});
}

}  // namespace
}  // namespace huinong::loans
