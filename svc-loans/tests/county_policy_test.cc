// County policy versions: the seeds' defaults are a valid policy; each
// setting out of range is named by its field; the version in force on a day
// is the latest that has started, so a decision made on any past day can be
// matched with the settings it used.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/county_policy.h"

namespace huinong::loans {
namespace {

TEST(CountyPolicy, TheSeedsDefaultsAreValid) {
  const CountyPolicy p;
  EXPECT_TRUE(PolicyViolations(p).empty());
  EXPECT_EQ(p.household_small_loan_ceiling_fen, 5'000'000);   // 50,000 CNY
  EXPECT_EQ(p.leading_enterprise_ceiling_fen, 500'000'000);   // 5,000,000 CNY
  EXPECT_EQ(p.max_term_months, 36);
  EXPECT_EQ(p.industry_rate_max_multiple_bp, 14'500);
  EXPECT_EQ(p.surety_premium_bp, 120);
  EXPECT_EQ(p.guarantee_fee_bp, 100);
  EXPECT_EQ(p.min_driven_share_bp, 3'000);
  EXPECT_EQ(p.small_loan_review_working_days, 2);
  EXPECT_EQ(p.breaker_ratio_bp, 300);
}

TEST(CountyPolicy, EverySettingOutOfRangeIsNamed) {
  CountyPolicy p;
  p.base_rate_bp = 0;
  p.max_term_months = 37;
  p.industry_rate_max_multiple_bp = 9'999;
  p.min_driven_share_bp = 10'001;
  p.planned_industries = {"kiwi-fruit", "", "kiwi-fruit"};
  std::vector<std::string> fields;
  for (const auto& [field, description] : PolicyViolations(p)) fields.push_back(field);
  EXPECT_EQ(fields, (std::vector<std::string>{"planned_industries[1]", "planned_industries[2]", "base_rate_bp",
                                              "max_term_months", "industry_rate_max_multiple_bp",
                                              "min_driven_share_bp"}));
  EXPECT_EQ(PolicyViolations(p)[1].second, "repeats planned_industries[0]");
  EXPECT_EQ(PolicyViolations(p)[3].second, "must be 1–36, not 37");
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
