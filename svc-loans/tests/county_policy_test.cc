// County policy versions: the seeds' defaults are a valid policy; each
// setting out of range is named by its field; the version in force on a day
// is the latest that has started, so a decision made on any past day can be
// matched with the settings it used.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/county_policy.h"

namespace huinong::loans {
namespace {

// The defaults with the partners a county must name (the defaults name none:
// which organisations a county lends with is its own decision).
CountyPolicy WithPartners() {
  CountyPolicy p;
  p.partners = {{"rcc", "abc"}, {"guarantor"}, {"picc"}};
  return p;
}

TEST(CountyPolicy, TheSeedsDefaultsAreValidOnceTheCountyNamesItsPartners) {
  const CountyPolicy p = WithPartners();
  EXPECT_TRUE(PolicyViolations(p).empty());
  EXPECT_EQ(CeilingFen(p, BorrowerType::kHousehold, ProductKind::kPovertySmallLoan), 5'000'000);  // 50,000 CNY
  EXPECT_EQ(CeilingFen(p, BorrowerType::kFamilyFarm, ProductKind::kIndustryDevelopment), 100'000'000);
  EXPECT_EQ(CeilingFen(p, BorrowerType::kCooperative, ProductKind::kIndustryDevelopment), 300'000'000);
  EXPECT_EQ(CeilingFen(p, BorrowerType::kLeadingEnterprise, ProductKind::kIndustryDevelopment), 500'000'000);
  EXPECT_EQ(CeilingFen(p, BorrowerType::kShareCooperative, ProductKind::kIndustryDevelopment), std::nullopt);
  EXPECT_EQ(CeilingFen(p, BorrowerType::kHousehold, ProductKind::kIndustryDevelopment), std::nullopt);
  EXPECT_EQ(p.max_total_term_months, 36);
  EXPECT_EQ(p.max_industry_rate_multiple_bp, 14'500);
  EXPECT_EQ(p.surety_premium_bp, 120);
  EXPECT_EQ(p.guarantee_fee_bp, 100);
  EXPECT_EQ(p.min_driven_households_share_bp, 3'000);
  EXPECT_EQ(p.small_loan_review_working_days, 2);
  EXPECT_EQ(p.breaker_threshold_bp, 300);
  EXPECT_EQ(p.maturity_reminder_months, 2);
}

TEST(CountyPolicy, EachPartnerListNeedsAnOrganisationAndNamesEachOnce) {
  std::vector<std::string> fields;
  for (const auto& [field, description] : PolicyViolations(CountyPolicy())) fields.push_back(field);
  EXPECT_EQ(fields, (std::vector<std::string>{"cooperating_banks", "guarantee_companies", "insurers"}));
  CountyPolicy p = WithPartners();
  p.partners.bank_ids.push_back("rcc");
  const auto violations = PolicyViolations(p);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].first, "cooperating_banks[2]");
  EXPECT_EQ(violations[0].second, "units/rcc is named twice");
  EXPECT_TRUE(Names(p.partners, PartnerRole::kBank, "abc"));
  EXPECT_FALSE(Names(p.partners, PartnerRole::kBank, "guarantor"));
  EXPECT_FALSE(Names(p.partners, PartnerRole::kInsurer, ""));
}

TEST(CountyPolicy, EverySettingOutOfRangeIsNamed) {
  CountyPolicy p = WithPartners();
  p.base_rate_bp = 0;
  p.max_total_term_months = 37;
  p.max_industry_rate_multiple_bp = 9'999;
  p.min_driven_households_share_bp = 10'001;
  p.ceilings.push_back({BorrowerType::kCooperative, std::nullopt, 100});  // a second one for cooperatives
  p.allowed_purposes = {Purpose::kProduction, Purpose::kPersonalConsumption};
  std::vector<std::string> fields;
  for (const auto& [field, description] : PolicyViolations(p)) fields.push_back(field);
  EXPECT_EQ(fields, (std::vector<std::string>{"base_rate_bp", "max_industry_rate_multiple_bp", "ceilings[4]",
                                              "min_driven_households_share_bp", "allowed_purposes[1]",
                                              "max_total_term_months"}));
  EXPECT_EQ(PolicyViolations(p)[2].second, "repeats ceilings[2]");
  EXPECT_EQ(PolicyViolations(p)[5].second, "must be 1–36, not 37");
}

TEST(CountyPolicy, NoCountySetsASmallLoanCeilingAboveFiftyThousand) {
  CountyPolicy p = WithPartners();
  p.ceilings[0].fen = 5'000'001;
  const auto violations = PolicyViolations(p);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].first, "ceilings[0].ceiling");
}

CountyPolicy Version(const char* id, absl::CivilDay from, int base_rate_bp) {
  CountyPolicy p;
  p.id = id;
  p.effective_from = from;
  p.base_rate_bp = base_rate_bp;
  return p;
}

TEST(CountyPolicy, TheVersionInForceIsTheLatestStarted) {
  const std::vector<CountyPolicy> versions = {Version("v2", absl::CivilDay(2026, 7, 1), 400),
                                              Version("v1", absl::CivilDay(2026, 1, 1), 435)};
  EXPECT_EQ(PolicyInForce(versions, absl::CivilDay(2025, 12, 31)), nullptr);
  EXPECT_EQ(PolicyInForce(versions, absl::CivilDay(2026, 1, 1))->id, "v1");
  EXPECT_EQ(PolicyInForce(versions, absl::CivilDay(2026, 6, 30))->id, "v1");
  EXPECT_EQ(PolicyInForce(versions, absl::CivilDay(2026, 7, 1))->id, "v2");
  EXPECT_EQ(PolicyInForce(versions, absl::CivilDay(2027, 1, 1))->base_rate_bp, 400);
}

}  // namespace
}  // namespace huinong::loans
