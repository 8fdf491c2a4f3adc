// County policy versions in MariaDB (migration 0001): every setting reads
// back as written, a county has at most one version per day, and the version
// in force on a day is found in SQL exactly as PolicyInForce finds it.
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-loans/src/store/policy_json.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/tests/loans_database.h"

namespace huinong::loans {
namespace {

CountyPolicy Version(const char* id, absl::CivilDay from, int base_rate_bp) {
  CountyPolicy p;
  p.id = id;
  p.county_id = "01GUANCOUNTY0000000000000A";
  p.effective_from = from;
  p.base_rate_bp = base_rate_bp;
  p.create_time = p.update_time = absl::FromUnixSeconds(1'790'000'000);
  return p;
}

TEST(PolicyJson, EverySettingRoundTripsAndMissingOnesKeepTheirDefaults) {
  CountyPolicy p;
  p.base_rate_bp = 400;
  p.small_loan_model = SmallLoanModel::kNoGuaranteeNoCollateral;
  p.share_cooperative_ceiling_fen = 200'000'000;
  p.fee_schedule = FeeSchedule::kYearly;
  p.age_reference = AgeReference::kMaturityDate;
  p.breaker_by_count = true;
  p.industry_loan_review_working_days = 7;
  p.planned_industries = {"猕猴桃", "食用菌"};
  CountyPolicy back;
  store::DecodeSettings(store::EncodeSettings(p), back);
  EXPECT_EQ(store::EncodeSettings(back), store::EncodeSettings(p));
  EXPECT_EQ(back.small_loan_model, SmallLoanModel::kNoGuaranteeNoCollateral);
  EXPECT_EQ(back.share_cooperative_ceiling_fen, 200'000'000);
  EXPECT_EQ(back.household_industry_ceiling_fen, std::nullopt);
  EXPECT_TRUE(back.breaker_by_count);
  EXPECT_EQ(back.planned_industries, (std::vector<std::string>{"猕猴桃", "食用菌"}));

  CountyPolicy old;
  store::DecodeSettings(R"({"base_rate_bp": 500, "max_term_months": "36"})", old);
  EXPECT_EQ(old.base_rate_bp, 500);
  EXPECT_EQ(old.max_term_months, 36);  // a member of the wrong type reads as the default
  EXPECT_EQ(old.small_loan_review_working_days, 2);
}

using PolicyStore = LoansDatabaseTest;

TEST_F(PolicyStore, VersionsByDayAndTheOneInForce) {
  sql::Connection* conn = &this->conn();
  ASSERT_TRUE(store::InsertPolicy(*conn, Version("01POLICY2026A0000000000000", absl::CivilDay(2026, 1, 1), 435)).ok());
  ASSERT_TRUE(store::InsertPolicy(*conn, Version("01POLICY2026B0000000000000", absl::CivilDay(2026, 7, 1), 400)).ok());
  const absl::Status twice =
      store::InsertPolicy(*conn, Version("01POLICY2026C0000000000000", absl::CivilDay(2026, 7, 1), 390));
  EXPECT_EQ(twice.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(rpc::ReasonOf(twice), "POLICY_EXISTS");

  const std::string county = "01GUANCOUNTY0000000000000A";
  auto before = store::PolicyOn(*conn, county, absl::CivilDay(2025, 12, 31));
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->has_value());
  auto first = store::PolicyOn(*conn, county, absl::CivilDay(2026, 6, 30));
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->id, "01POLICY2026A0000000000000");
  EXPECT_EQ((*first)->base_rate_bp, 435);
  auto second = store::PolicyOn(*conn, county, absl::CivilDay(2026, 7, 1));
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_EQ((*second)->base_rate_bp, 400);
  EXPECT_EQ((*second)->effective_from, absl::CivilDay(2026, 7, 1));
  EXPECT_EQ((*second)->create_time, absl::FromUnixSeconds(1'790'000'000));

  CountyPolicy edited = **second;
  edited.base_rate_bp = 410;
  edited.revision = 2;
  ASSERT_TRUE(store::UpdatePolicy(*conn, edited).ok());
  auto read = store::GetPolicy(*conn, edited.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->base_rate_bp, 410);
  EXPECT_EQ((*read)->revision, 2);

  auto page = store::ListPolicies(*conn, county, "", 1);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].id, "01POLICY2026A0000000000000");
  page = store::ListPolicies(*conn, "", "01POLICY2026A0000000000000", 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].id, "01POLICY2026B0000000000000");
}

}  // namespace
}  // namespace huinong::loans
