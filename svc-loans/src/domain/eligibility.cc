// See eligibility.h. Rules are checked in the order a reviewer reads a file:
// the borrower, then the loan asked for, then its security.
#include "svc-loans/src/domain/eligibility.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "svc-loans/src/domain/months.h"

namespace huinong::loans {
namespace {

std::string Fen(int64_t fen) { return absl::StrCat(fen, " fen"); }
std::string Day(absl::CivilDay d) { return absl::FormatCivilTime(d); }

bool IsConsumption(Purpose p) {
  return p == Purpose::kConsumptionHouse || p == Purpose::kConsumptionCar || p == Purpose::kConsumptionOther;
}

// What a household may pledge (000:1519); organisations also buildings,
// construction land, equipment, orders and warehouse receipts (000:1525).
bool MayPledge(BorrowerType type, AssetKind kind) {
  if (type != BorrowerType::kHousehold) return true;
  return kind == AssetKind::kHouse || kind == AssetKind::kLandUseRight || kind == AssetKind::kForestRight;
}

class Failures {
 public:
  explicit Failures(const CountyPolicy& policy) : version_(policy.id) {}
  void Add(std::string rule, std::string field, std::string limit, std::string actual) {
    list_.push_back({std::move(rule), std::move(field), std::move(limit), std::move(actual), version_});
  }
  std::vector<RuleFailure> Take() { return std::move(list_); }

 private:
  std::string version_;
  std::vector<RuleFailure> list_;
};

void CheckPerson(const BorrowerProfile& b, const LoanRequest& r, const CountyPolicy& p, Failures& f) {
  if (!b.birth_date) {
    f.Add("AGE_LIMIT", "borrower.birth_date", absl::StrCat("at most ", p.max_age_years, " years"), "unknown");
    return;
  }
  const absl::CivilDay on = p.age_reference == AgeReference::kMaturityDate
                                ? AddMonths(r.application_date, r.term_months)
                                : r.application_date;
  const int age = AgeOn(*b.birth_date, on);
  if (age > p.max_age_years) {
    f.Add("AGE_LIMIT", "borrower.birth_date", absl::StrCat("at most ", p.max_age_years, " years on ", Day(on)),
          absl::StrCat(age, " years"));
  }
}

void CheckOrganisation(const BorrowerProfile& b, const CountyPolicy& p, Failures& f) {
  if (!b.registered) {
    f.Add("ORGANISATION_REGISTERED", "borrower.registered", "registered, licensed and tax-paying", "no");
  }
  if (!b.sound_accounting) f.Add("SOUND_ACCOUNTING", "borrower.sound_accounting", "sound accounts", "no");
  if (!b.leading_enterprise_qualification && b.poor_households_driven <= 0) {
    f.Add("DRIVES_POOR_HOUSEHOLDS", "borrower.poor_households_driven",
          "a leading-enterprise qualification or poor households driven", "neither");
  }
  // driven / shareholders >= min, in integers: driven × 10000 >= min × shareholders.
  const int64_t driven = b.poor_households_driven, shareholders = b.shareholder_households;
  if (shareholders <= 0 || driven * 10'000 < static_cast<int64_t>(p.min_driven_share_bp) * shareholders) {
    f.Add("DRIVEN_SHARE", "borrower.poor_households_driven",
          absl::StrCat("at least ", p.min_driven_share_bp, " bp of the ", shareholders, " shareholder households"),
          absl::StrCat(driven, " households"));
  }
}

void CheckRate(const LoanRequest& r, const CountyPolicy& p, Failures& f) {
  if (r.product == ProductKind::kPovertySmallLoan) {
    if (r.rate_bp > p.base_rate_bp) {
      f.Add("RATE_LIMIT", "rate_bp", absl::StrCat("the base rate, ", p.base_rate_bp, " bp"),
            absl::StrCat(r.rate_bp, " bp"));
    }
    return;
  }
  // rate <= base × multiple, in integers: rate × 10000 <= base × multiple.
  if (static_cast<int64_t>(r.rate_bp) * 10'000 >
      static_cast<int64_t>(p.base_rate_bp) * p.industry_rate_max_multiple_bp) {
    f.Add("RATE_LIMIT", "rate_bp",
          absl::StrCat("at most ", p.base_rate_bp, " bp × ", p.industry_rate_max_multiple_bp, "/10000"),
          absl::StrCat(r.rate_bp, " bp"));
  }
}

}  // namespace

std::optional<int64_t> CeilingFen(const CountyPolicy& p, BorrowerType type, ProductKind product) {
  switch (type) {
    case BorrowerType::kHousehold:
      return product == ProductKind::kPovertySmallLoan ? std::optional<int64_t>(p.household_small_loan_ceiling_fen)
                                                       : p.household_industry_ceiling_fen;
    case BorrowerType::kFamilyFarm: return p.family_farm_ceiling_fen;
    case BorrowerType::kCooperative: return p.cooperative_ceiling_fen;
    case BorrowerType::kLeadingEnterprise: return p.leading_enterprise_ceiling_fen;
    case BorrowerType::kShareCooperative: return p.share_cooperative_ceiling_fen;
  }
  return std::nullopt;
}

std::vector<RuleFailure> CheckEligibility(const BorrowerProfile& b, const LoanRequest& r, const CountyPolicy& p) {
  Failures f(p);
  if (b.blacklisted) f.Add("BLACKLISTED", "borrower", "not on the blacklist", "blacklisted");
  if (IsOrganisation(b.type)) {
    CheckOrganisation(b, p, f);
  } else {
    CheckPerson(b, r, p, f);
  }
  if (!b.good_credit || b.bad_credit_record) {
    f.Add("CREDIT", "borrower.credit", "good credit and no bad credit record",
          b.bad_credit_record ? "a bad credit record" : "credit not rated good");
  }
  if (b.unresolved_legal_dispute) {
    f.Add("LEGAL_DISPUTE", "borrower.unresolved_legal_dispute", "no unresolved legal dispute", "one unresolved");
  }
  if (!b.settlement_account_at_cooperating_bank) {
    f.Add("SETTLEMENT_ACCOUNT", "borrower.settlement_account", "an account at a cooperating bank", "none");
  }

  if (r.product == ProductKind::kPovertySmallLoan) {
    if (b.type != BorrowerType::kHousehold || !b.PoorOn(r.application_date)) {
      f.Add("POOR_HOUSEHOLD_ONLY", "product",
            absl::StrCat("a household registered as poor on ", Day(r.application_date)),
            b.type != BorrowerType::kHousehold ? std::string(BorrowerTypeName(b.type)) : "not registered");
    }
  }
  if (IsConsumption(r.purpose)) {
    f.Add("PURPOSE_CONSUMPTION", "purpose", "production in the county's plan, never personal consumption",
          "personal consumption");
  } else if (!p.planned_industries.empty() &&
             std::find(p.planned_industries.begin(), p.planned_industries.end(), r.industry) ==
                 p.planned_industries.end()) {
    f.Add("PURPOSE_OUTSIDE_PLAN", "industry", "an industry of the county's plan",
          r.industry.empty() ? "none named" : r.industry);
  }
  if (r.amount_fen <= 0) f.Add("AMOUNT", "amount", "more than 0 fen", Fen(r.amount_fen));
  if (const std::optional<int64_t> ceiling = CeilingFen(p, b.type, r.product);
      ceiling && r.amount_fen > *ceiling) {
    f.Add("CEILING", "amount", absl::StrCat("at most ", Fen(*ceiling)), Fen(r.amount_fen));
  }
  if (r.term_months <= 0 || r.term_months > p.max_term_months) {
    f.Add("TERM_LIMIT", "term_months", absl::StrCat("1 to ", p.max_term_months, " months including extensions"),
          absl::StrCat(r.term_months, " months"));
  }
  CheckRate(r, p, f);

  if (b.type == BorrowerType::kHousehold && r.product == ProductKind::kIndustryDevelopment &&
      r.amount_fen > p.counter_guarantee_above_fen && r.counter_guarantee.empty()) {
    f.Add("COUNTER_GUARANTEE", "counter_guarantee",
          absl::StrCat("a counter-guarantee for the part above ", Fen(p.counter_guarantee_above_fen)), "none");
  }
  for (size_t i = 0; i < r.counter_guarantee.size(); ++i) {
    if (!MayPledge(b.type, r.counter_guarantee[i])) {
      f.Add("PLEDGE_KIND", absl::StrCat("counter_guarantee[", i, "]"),
            "a house, land-use or forest rights for a household", std::string(AssetKindName(r.counter_guarantee[i])));
    }
  }
  return f.Take();
}

}  // namespace huinong::loans
