// See county_policy.h.
#include "svc-loans/src/domain/county_policy.h"

#include <algorithm>

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

constexpr PartnerRole kRoles[] = {PartnerRole::kBank, PartnerRole::kGuaranteeCompany, PartnerRole::kInsurer};

}  // namespace

std::vector<std::string>& PartnersIn(CountyPartners& partners, PartnerRole role) {
  switch (role) {
    case PartnerRole::kBank: return partners.bank_ids;
    case PartnerRole::kGuaranteeCompany: return partners.guarantee_company_ids;
    case PartnerRole::kInsurer: return partners.insurer_ids;
  }
  return partners.bank_ids;
}

const std::vector<std::string>& PartnersIn(const CountyPartners& partners, PartnerRole role) {
  return PartnersIn(const_cast<CountyPartners&>(partners), role);  // the same member, read only
}

bool Names(const CountyPartners& partners, PartnerRole role, const std::string& organisation_id) {
  const std::vector<std::string>& ids = PartnersIn(partners, role);
  return !organisation_id.empty() && std::find(ids.begin(), ids.end(), organisation_id) != ids.end();
}

const char* PartnerField(PartnerRole role) {
  switch (role) {
    case PartnerRole::kBank: return "cooperating_banks";
    case PartnerRole::kGuaranteeCompany: return "guarantee_companies";
    case PartnerRole::kInsurer: return "insurers";
  }
  return "";
}

std::optional<int64_t> CeilingFen(const CountyPolicy& p, BorrowerType type, ProductKind product) {
  std::optional<int64_t> any_kind;
  for (const Ceiling& c : p.ceilings) {
    if (c.type != type) continue;
    if (c.product == product) return c.fen;
    if (!c.product) any_kind = c.fen;
  }
  return any_kind;
}

std::vector<std::pair<std::string, std::string>> PolicyViolations(const CountyPolicy& p) {
  Violations v;
  for (PartnerRole role : kRoles) {
    const std::vector<std::string>& ids = PartnersIn(p.partners, role);
    if (ids.empty()) v.Add(PartnerField(role), "at least one organisation (units/{id} of its root unit)");
    for (size_t i = 0; i < ids.size(); ++i) {
      if (std::find(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i), ids[i]) != ids.begin() + i) {
        v.Add(absl::StrCat(PartnerField(role), "[", i, "]"), absl::StrCat("units/", ids[i], " is named twice"));
      }
    }
  }
  v.Positive("base_rate_bp", p.base_rate_bp);
  v.Range("small_loan_rate_multiple_bp", p.small_loan_rate_multiple_bp, 10'000, 100'000);
  v.Range("max_industry_rate_multiple_bp", p.max_industry_rate_multiple_bp, 10'000, 100'000);
  v.Range("surety_premium_bp", p.surety_premium_bp, 0, 10'000);
  v.Range("guarantee_fee_bp", p.guarantee_fee_bp, 0, 10'000);
  for (size_t i = 0; i < p.ceilings.size(); ++i) {
    const Ceiling& c = p.ceilings[i];
    if (c.fen <= 0) v.Add(absl::StrCat("ceilings[", i, "].ceiling"), absl::StrCat("must be more than 0, not ", c.fen));
    if (c.product == ProductKind::kPovertySmallLoan && c.fen > kSmallLoanMaximumFen) {
      v.Add(absl::StrCat("ceilings[", i, "].ceiling"), "a poverty small loan is at most 50,000 CNY (000:1497)");
    }
    for (size_t j = 0; j < i; ++j) {
      if (p.ceilings[j].type == c.type && p.ceilings[j].product == c.product) {
        v.Add(absl::StrCat("ceilings[", i, "]"), absl::StrCat("repeats ceilings[", j, "]"));
      }
    }
  }
  v.Range("max_borrower_age", p.max_borrower_age, 18, 100);
  v.Range("min_driven_households_share_bp", p.min_driven_households_share_bp, 0, 10'000);
  if (p.allowed_purposes.empty()) v.Add("allowed_purposes", "at least one");
  for (size_t i = 0; i < p.allowed_purposes.size(); ++i) {
    if (p.allowed_purposes[i] == Purpose::kPersonalConsumption) {
      v.Add(absl::StrCat("allowed_purposes[", i, "]"), "personal consumption is never allowed (000:1487)");
    }
  }
  v.Range("max_total_term_months", p.max_total_term_months, 1, 36);
  v.Positive("entrusted_payment_threshold", p.entrusted_payment_threshold_fen);
  v.Range("small_loan_review_working_days", p.small_loan_review_working_days, 1, 30);
  v.Range("industry_loan_review_working_days", p.industry_loan_review_working_days, 1, 30);
  v.Range("npl_days_past_due", p.npl_days_past_due, 1, 3650);
  v.Range("breaker_threshold_bp", p.breaker_threshold_bp, 1, 10'000);
  v.Range("maturity_reminder_months", p.maturity_reminder_months, 0, 12);
  v.Range("subsidy_min_on_time_months", p.subsidy_min_on_time_months, 0, 36);
  v.Range("subsidy_notice_days", p.subsidy_notice_days, 1, 90);
  v.Positive("household_subsidy_threshold", p.household_subsidy_threshold_fen);
  v.Range("household_above_threshold_rate_bp", p.household_above_threshold_rate_bp, 0, 10'000);
  for (size_t i = 0; i < p.organisation_subsidy_bands.size(); ++i) {
    const SubsidyBand& b = p.organisation_subsidy_bands[i];
    if (b.min_households_lifted < 0 || (i > 0 && b.min_households_lifted <=
                                                     p.organisation_subsidy_bands[i - 1].min_households_lifted)) {
      v.Add(absl::StrCat("organisation_subsidy_bands[", i, "].min_households_lifted"),
            "0 or more, and above the band before");
    }
  }
  v.Range("compensation_ratio_bp", p.compensation_ratio_bp, 0, 10'000);
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
