// See county_policy.h.
#include "svc-loans/src/domain/county_policy.h"

#include "absl/strings/str_cat.h"

namespace huinong::loans {
namespace {

class Violations {
 public:
  void Add(std::string field, std::string description) { list_.emplace_back(std::move(field), std::move(description)); }
  void Positive(const char* field, int64_t value) {
    if (value <= 0) list_.emplace_back(field, absl::StrCat("must be more than 0, not ", value));
  }
  void Range(const char* field, int64_t value, int64_t low, int64_t high) {
    if (value < low || value > high) {
      list_.emplace_back(field, absl::StrCat("must be ", low, "–", high, ", not ", value));
    }
  }
  std::vector<std::pair<std::string, std::string>> Take() { return std::move(list_); }

 private:
  std::vector<std::pair<std::string, std::string>> list_;
};

}  // namespace

std::vector<std::pair<std::string, std::string>> PolicyViolations(const CountyPolicy& p) {
  Violations v;
  for (size_t i = 0; i < p.planned_industries.size(); ++i) {
    const std::string& industry = p.planned_industries[i];
    const std::string field = absl::StrCat("planned_industries[", i, "]");
    if (industry.empty() || industry.size() > 64) v.Add(field, "1–64 bytes");
    for (size_t j = 0; j < i; ++j) {
      if (p.planned_industries[j] == industry) v.Add(field, absl::StrCat("repeats planned_industries[", j, "]"));
    }
  }
  v.Positive("base_rate_bp", p.base_rate_bp);
  v.Positive("household_small_loan_ceiling_fen", p.household_small_loan_ceiling_fen);
  v.Positive("family_farm_ceiling_fen", p.family_farm_ceiling_fen);
  v.Positive("cooperative_ceiling_fen", p.cooperative_ceiling_fen);
  v.Positive("leading_enterprise_ceiling_fen", p.leading_enterprise_ceiling_fen);
  if (p.share_cooperative_ceiling_fen) v.Positive("share_cooperative_ceiling_fen", *p.share_cooperative_ceiling_fen);
  if (p.household_industry_ceiling_fen) v.Positive("household_industry_ceiling_fen", *p.household_industry_ceiling_fen);
  v.Range("max_term_months", p.max_term_months, 1, 36);
  v.Range("industry_rate_max_multiple_bp", p.industry_rate_max_multiple_bp, 10'000, 100'000);
  v.Range("surety_premium_bp", p.surety_premium_bp, 0, 10'000);
  v.Range("guarantee_fee_bp", p.guarantee_fee_bp, 0, 10'000);
  v.Range("max_age_years", p.max_age_years, 18, 100);
  v.Range("min_driven_share_bp", p.min_driven_share_bp, 0, 10'000);
  v.Positive("counter_guarantee_above_fen", p.counter_guarantee_above_fen);
  v.Positive("entrusted_payment_above_fen", p.entrusted_payment_above_fen);
  v.Range("small_loan_review_working_days", p.small_loan_review_working_days, 1, 30);
  v.Range("industry_loan_review_working_days", p.industry_loan_review_working_days, 1, 30);
  v.Range("npl_days_past_due", p.npl_days_past_due, 1, 3650);
  v.Range("breaker_ratio_bp", p.breaker_ratio_bp, 1, 10'000);
  v.Range("compensation_ratio_bp", p.compensation_ratio_bp, 0, 10'000);
  v.Range("subsidy_notice_days", p.subsidy_notice_days, 1, 90);
  return v.Take();
}

const CountyPolicy* PolicyInForce(const std::vector<CountyPolicy>& versions, absl::CivilDay day) {
  const CountyPolicy* best = nullptr;
  for (const CountyPolicy& p : versions) {
    if (p.effective_from <= day && (!best || p.effective_from > best->effective_from)) best = &p;
  }
  return best;
}

}  // namespace huinong::loans
