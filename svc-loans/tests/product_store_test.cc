// Loan products in MariaDB (migration 0004): every member reads back as
// written, a code is taken once, an update rewrites the settings, and lists
// page by id with the kind, status and borrower-type filters.
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-loans/src/store/product_store.h"
#include "svc-loans/tests/loans_database.h"
#include "svc-loans/tests/loans_seed_data.h"

namespace huinong::loans {
namespace {

// The seeds' poverty small loan: households, 50,000 CNY, 36 months, the base rate.
Product SmallLoan(const char* id, const char* code) {
  Product p = PovertySmallLoanProduct();
  p.id = id;
  p.code = code;
  p.create_time = p.update_time = absl::FromUnixSeconds(1'790'000'000);
  return p;
}

// An industry loan for organisations, up to base × 1.45, fees yearly.
Product IndustryLoan(const char* id, const char* code) {
  Product p = SmallLoan(id, code);
  p.title = "产业发展贷款";
  p.kind = ProductKind::kIndustryDevelopment;
  p.borrower_types = {BorrowerType::kCooperative, BorrowerType::kLeadingEnterprise};
  p.max_amount_fen = 500'000'000;
  p.max_rate_multiple_bp = 14'500;
  p.revolving = false;
  p.repayment_method = RepaymentMethod::kEqualPrincipal;
  p.day_count = DayCount::kActual360;
  p.fee_schedule = FeeSchedule::kYearly;
  p.counter_guarantee_threshold_fen = 5'000'000;
  return p;
}

std::vector<std::string> Ids(const std::vector<Product>& products) {
  std::vector<std::string> ids;
  for (const Product& p : products) ids.push_back(p.id);
  return ids;
}

using ProductStore = LoansDatabaseTest;

TEST_F(ProductStore, EveryMemberReadsBackAndACodeIsTakenOnce) {
  const Product industry = IndustryLoan("01PRODUCTINDUSTRY000000000", "industry-2026");
  ASSERT_TRUE(store::InsertProduct(conn(), industry).ok());
  auto read = store::GetProduct(conn(), industry.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  const Product& back = **read;
  EXPECT_EQ(back.code, "industry-2026");
  EXPECT_EQ(back.title, "产业发展贷款");
  EXPECT_EQ(back.kind, ProductKind::kIndustryDevelopment);
  EXPECT_EQ(back.borrower_types,
            (std::vector<BorrowerType>{BorrowerType::kCooperative, BorrowerType::kLeadingEnterprise}));
  EXPECT_EQ(back.max_amount_fen, 500'000'000);
  EXPECT_EQ(back.max_term_months, 36);
  EXPECT_EQ(back.min_rate_multiple_bp, 10'000);
  EXPECT_EQ(back.max_rate_multiple_bp, 14'500);
  EXPECT_FALSE(back.revolving);
  EXPECT_EQ(back.repayment_method, RepaymentMethod::kEqualPrincipal);
  EXPECT_EQ(back.day_count, DayCount::kActual360);
  EXPECT_EQ(back.fee_schedule, FeeSchedule::kYearly);
  EXPECT_EQ(back.counter_guarantee_threshold_fen, 5'000'000);
  EXPECT_EQ(back.status, ProductStatus::kActive);
  EXPECT_EQ(back.version, 1);
  EXPECT_EQ(back.create_time, absl::FromUnixSeconds(1'790'000'000));

  const absl::Status twice = store::InsertProduct(conn(), SmallLoan("01PRODUCTOTHER000000000000", "industry-2026"));
  EXPECT_EQ(twice.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(rpc::ReasonOf(twice), "PRODUCT_EXISTS");

  auto missing = store::GetProduct(conn(), "01PRODUCTMISSING0000000000");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(ProductStore, AnUpdateRewritesTheSettingsButNotTheCodeOrKind) {
  Product small = SmallLoan("01PRODUCTSMALL000000000000", "small-2026");
  ASSERT_TRUE(store::InsertProduct(conn(), small).ok());
  small.code = "renamed";
  small.kind = ProductKind::kIndustryDevelopment;
  small.status = ProductStatus::kRetired;
  small.max_term_months = 24;
  small.fee_schedule.reset();
  small.version = 2;
  small.update_time = absl::FromUnixSeconds(1'790'000'100);
  ASSERT_TRUE(store::UpdateProduct(conn(), small).ok());
  auto read = store::GetProduct(conn(), small.id, /*for_update=*/true);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_EQ((*read)->code, "small-2026");
  EXPECT_EQ((*read)->kind, ProductKind::kPovertySmallLoan);
  EXPECT_EQ((*read)->status, ProductStatus::kRetired);
  EXPECT_EQ((*read)->max_term_months, 24);
  EXPECT_EQ((*read)->fee_schedule, std::nullopt);
  EXPECT_EQ((*read)->version, 2);
  EXPECT_EQ((*read)->update_time, absl::FromUnixSeconds(1'790'000'100));
  EXPECT_EQ((*read)->create_time, absl::FromUnixSeconds(1'790'000'000));
}

TEST_F(ProductStore, ListsPageByIdAndFilter) {
  ASSERT_TRUE(store::InsertProduct(conn(), SmallLoan("01PRODUCTA0000000000000000", "a")).ok());
  ASSERT_TRUE(store::InsertProduct(conn(), IndustryLoan("01PRODUCTB0000000000000000", "b")).ok());
  Product retired = SmallLoan("01PRODUCTC0000000000000000", "c");
  retired.status = ProductStatus::kRetired;
  ASSERT_TRUE(store::InsertProduct(conn(), retired).ok());

  store::ProductQuery all;
  all.limit = 2;
  auto page = store::ListProducts(conn(), all);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Ids(*page), (std::vector<std::string>{"01PRODUCTA0000000000000000", "01PRODUCTB0000000000000000"}));
  all.after_id = page->back().id;
  page = store::ListProducts(conn(), all);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Ids(*page), (std::vector<std::string>{"01PRODUCTC0000000000000000"}));

  store::ProductQuery households;
  households.borrower_type = BorrowerType::kHousehold;
  households.status = ProductStatus::kActive;
  page = store::ListProducts(conn(), households);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Ids(*page), (std::vector<std::string>{"01PRODUCTA0000000000000000"}));

  store::ProductQuery enterprises;
  enterprises.borrower_type = BorrowerType::kLeadingEnterprise;
  page = store::ListProducts(conn(), enterprises);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Ids(*page), (std::vector<std::string>{"01PRODUCTB0000000000000000"}));

  store::ProductQuery small_loans;
  small_loans.kind = ProductKind::kPovertySmallLoan;
  page = store::ListProducts(conn(), small_loans);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Ids(*page), (std::vector<std::string>{"01PRODUCTA0000000000000000", "01PRODUCTC0000000000000000"}));
}

}  // namespace
}  // namespace huinong::loans
