// See loans_seed_data.h.
#include "svc-loans/tests/loans_seed_data.h"

#include "absl/time/clock.h"

namespace huinong::loans {

Product PovertySmallLoanProduct() {
  Product p;
  p.id = kPovertySmallLoanId;
  p.code = "FPXD";
  p.title = "扶贫小额信贷";
  p.kind = ProductKind::kPovertySmallLoan;
  p.borrower_types = {BorrowerType::kHousehold};
  p.max_amount_fen = 5'000'000;
  p.max_term_months = 36;
  p.revolving = true;
  p.create_time = p.update_time = absl::Now();
  return p;
}

Product IndustryLoanProduct() {
  Product p;
  p.id = kIndustryLoanId;
  p.code = "CYFZ";
  p.title = "产业发展贷款";
  p.kind = ProductKind::kIndustryDevelopment;
  p.borrower_types = {BorrowerType::kHousehold, BorrowerType::kFamilyFarm, BorrowerType::kCooperative,
                      BorrowerType::kLeadingEnterprise, BorrowerType::kShareCooperative};
  p.max_amount_fen = 500'000'000;
  p.max_term_months = 36;
  p.min_rate_multiple_bp = 10'000;
  p.max_rate_multiple_bp = 14'500;
  p.counter_guarantee_threshold_fen = 5'000'000;
  p.create_time = p.update_time = absl::Now();
  return p;
}

CountyPolicy CountyPolicy2026() {
  CountyPolicy p;
  p.id = kCountyPolicy2026Id;
  p.county_id = "county";
  p.effective_from = absl::CivilDay(2026, 1, 1);
  p.partners = {{"rcc", "abc"}, {"guarantor"}, {"picc"}};
  p.create_time = p.update_time = absl::Now();
  return p;
}

}  // namespace huinong::loans
