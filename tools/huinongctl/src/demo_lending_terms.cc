// The demo county's lending terms as API messages; see demo_lending_terms.h.
#include "tools/huinongctl/src/demo_lending_terms.h"

#include <utility>

namespace huinong::ctl {

namespace v1 = ::huinong::loans::v1;

type::v1::Money Yuan(int64_t yuan) {
  type::v1::Money money;
  money.set_fen(yuan * 100);
  return money;
}

type::v1::DocumentRef DemoDocument(const std::string& kind, const std::string& number, const std::string& path) {
  type::v1::DocumentRef document;
  document.set_kind(kind);
  document.set_number(number);
  document.set_uri("https://docs.example.cn/guan/" + path);
  return document;
}

type::v1::Date DateOf(absl::CivilDay day) {
  type::v1::Date date;
  date.set_year(static_cast<int>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

// The 固安 county policy from `from`: the domain's defaults, which are the
// seeds' numbers (base rate 435 bp as the demo's, 政银企户保), lending with
// the rural credit union and the Agricultural Bank (000:1567), the county's
// guarantee company and PICC (000:1519), given by their units.
v1::CountyPolicy DemoCountyPolicy(const std::string& county, absl::CivilDay from, const std::vector<std::string>& banks,
                                  const std::string& guarantee_company, const std::string& insurer) {
  v1::CountyPolicy p;
  p.set_county(county);
  *p.mutable_effective_from() = DateOf(from);
  for (const std::string& bank : banks) p.add_cooperating_banks(bank);
  p.add_guarantee_companies(guarantee_company);
  p.add_insurers(insurer);
  p.set_base_rate_bp(kDemoBaseRateBp);
  p.set_small_loan_model(v1::SMALL_LOAN_MODEL_GUARANTEED);
  p.set_small_loan_rate_multiple_bp(10000);
  p.set_max_industry_rate_multiple_bp(14500);
  p.set_surety_premium_bp(120);
  p.set_guarantee_fee_bp(100);
  p.set_fee_schedule(v1::FEE_SCHEDULE_ONCE);
  const auto ceiling = [&](v1::BorrowerType type, int64_t yuan, v1::ProductKind kind) {
    v1::BorrowerCeiling& c = *p.add_ceilings();
    c.set_type(type);
    *c.mutable_ceiling() = Yuan(yuan);
    c.set_product_kind(kind);
  };
  ceiling(v1::BORROWER_TYPE_HOUSEHOLD, 50'000, v1::PRODUCT_KIND_POVERTY_SMALL_LOAN);
  ceiling(v1::BORROWER_TYPE_FAMILY_FARM, 1'000'000, v1::PRODUCT_KIND_UNSPECIFIED);
  ceiling(v1::BORROWER_TYPE_COOPERATIVE, 3'000'000, v1::PRODUCT_KIND_UNSPECIFIED);
  ceiling(v1::BORROWER_TYPE_LEADING_ENTERPRISE, 5'000'000, v1::PRODUCT_KIND_UNSPECIFIED);
  p.set_max_borrower_age(60);
  p.set_age_reference(v1::AGE_REFERENCE_APPLICATION_DATE);
  p.set_min_driven_households_share_bp(3000);
  for (const v1::Purpose purpose : {v1::PURPOSE_PRODUCTION, v1::PURPOSE_SHARE_COOPERATIVE_INVESTMENT,
                                    v1::PURPOSE_PAIRED_ENTERPRISE_INVESTMENT, v1::PURPOSE_BUSINESS_OPERATION}) {
    p.add_allowed_purposes(purpose);
  }
  p.set_max_total_term_months(36);
  p.mutable_entrusted_payment_threshold()->set_fen(kEntrustedThresholdFen);
  p.set_small_loan_review_working_days(2);
  p.set_industry_loan_review_working_days(5);
  p.set_npl_days_past_due(90);
  p.set_breaker_threshold_bp(300);
  p.set_npl_measure(v1::NPL_MEASURE_BY_BALANCE);
  p.set_maturity_reminder_months(2);
  p.set_subsidy_trigger(v1::SUBSIDY_TRIGGER_AFTER_FULL_REPAYMENT);
  p.set_subsidy_min_on_time_months(12);
  p.set_subsidy_notice_days(7);
  *p.mutable_household_subsidy_threshold() = Yuan(50'000);
  p.set_household_above_threshold_rate_bp(100);
  for (const auto& [lifted, rate] : {std::pair{0, 200}, {20, 250}, {30, 300}}) {
    v1::OrganisationSubsidyBand& band = *p.add_organisation_subsidy_bands();
    band.set_min_households_lifted(lifted);
    band.set_rate_bp(rate);
  }
  p.set_compensation_ratio_bp(10000);
  p.set_note("固安县金融精准扶贫工作方案：政银企户保，基准利率按435个基点（演示数据）");
  return p;
}

v1::Product SmallLoanProduct() {
  v1::Product p;
  p.set_code("poverty-small-loan");
  p.set_title("扶贫小额信贷");
  p.set_kind(v1::PRODUCT_KIND_POVERTY_SMALL_LOAN);
  p.add_borrower_types(v1::BORROWER_TYPE_HOUSEHOLD);
  *p.mutable_max_amount() = Yuan(50'000);
  p.set_max_term_months(36);
  p.set_min_rate_multiple_bp(10000);
  p.set_max_rate_multiple_bp(10000);
  p.set_revolving(true);
  p.set_repayment_method(v1::REPAYMENT_METHOD_MONTHLY_INTEREST_BULLET);
  return p;
}

v1::Product IndustryProduct() {
  v1::Product p;
  p.set_code("industry-development");
  p.set_title("产业发展贷款");
  p.set_kind(v1::PRODUCT_KIND_INDUSTRY_DEVELOPMENT);
  for (const v1::BorrowerType type :
       {v1::BORROWER_TYPE_HOUSEHOLD, v1::BORROWER_TYPE_FAMILY_FARM, v1::BORROWER_TYPE_COOPERATIVE,
        v1::BORROWER_TYPE_LEADING_ENTERPRISE, v1::BORROWER_TYPE_SHARE_COOPERATIVE}) {
    p.add_borrower_types(type);
  }
  *p.mutable_max_amount() = Yuan(5'000'000);
  p.set_max_term_months(36);
  p.set_min_rate_multiple_bp(10000);
  p.set_max_rate_multiple_bp(14500);
  p.set_repayment_method(v1::REPAYMENT_METHOD_MONTHLY_INTEREST_BULLET);
  *p.mutable_counter_guarantee_threshold() = Yuan(50'000);
  return p;
}

}  // namespace huinong::ctl
