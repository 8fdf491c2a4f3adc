// See eligibility.h. Rules are checked in the order a reviewer reads a file:
// the borrower, then the loan asked for, then its security.
#include "svc-loans/src/domain/eligibility.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "svc-loans/src/domain/months.h"

namespace huinong::loans {
namespace {

std::string Day(absl::CivilDay d) { return absl::FormatCivilTime(d); }

template <class T>
bool Contains(const std::vector<T>& list, T value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// What a household may pledge (000:1519); organisations also buildings,
// construction land, equipment, orders and warehouse receipts (000:1525).
bool MayPledge(BorrowerType type, AssetKind kind) {
  if (type != BorrowerType::kHousehold) return true;
  return kind == AssetKind::kHouse || kind == AssetKind::kLandUseRight || kind == AssetKind::kForestRight;
}

absl::CivilDay AgeDay(const LoanRequest& r, AgeReference reference) {
  switch (reference) {
    case AgeReference::kMaturityDate: return AddMonths(r.application_date, r.term_months);
    case AgeReference::kContractDate: return r.contract_date.value_or(r.application_date);
    case AgeReference::kApplicationDate: break;
  }
  return r.application_date;
}

void CheckPerson(const BorrowerProfile& b, const LoanRequest& r, const CountyPolicy& p, RuleFailures& f) {
  if (!b.birth_date) {
    f.Add("AGE_LIMIT", "borrower.birth_date", absl::StrCat("at most ", p.max_borrower_age, " years"), "unknown");
    return;
  }
  const absl::CivilDay on = AgeDay(r, p.age_reference);
  if (*b.birth_date > on) {
    f.Add("AGE_LIMIT", "borrower.birth_date", absl::StrCat("born on or before ", Day(on)), "born later");
    return;
  }
  const int age = AgeOn(*b.birth_date, on);
  if (age > p.max_borrower_age) {
    f.Add("AGE_LIMIT", "borrower.birth_date", absl::StrCat("at most ", p.max_borrower_age, " years on ", Day(on)),
          absl::StrCat(age, " years"));
  }
}

void CheckOrganisation(const BorrowerProfile& b, const CountyPolicy& p, RuleFailures& f) {
  if (!b.registered) {
    f.Add("ORGANISATION_REGISTERED", "borrower.registered", "registered, licensed and tax-paying", "no");
  }
  if (!b.sound_accounting) f.Add("SOUND_ACCOUNTING", "borrower.sound_accounting", "sound accounts", "no");
  if (!b.leading_enterprise_qualification && b.poor_households_driven <= 0) {
    f.Add("DRIVES_POOR_HOUSEHOLDS", "borrower.poor_households_driven",
          "a leading-enterprise qualification or poor households driven", "neither");
  }
  // driven / shareholders >= min, in integers: driven × 10000 >= min × shareholders
  // (an organisation without shareholder households owes no share of them).
  const int64_t driven = b.poor_households_driven, shareholders = b.shareholder_households;
  if (driven * 10'000 < static_cast<int64_t>(p.min_driven_households_share_bp) * shareholders) {
    f.Add("DRIVEN_SHARE", "borrower.poor_households_driven",
          absl::StrCat("at least ", p.min_driven_households_share_bp, " bp of the ", shareholders,
                       " shareholder households"),
          absl::StrCat(driven, " households"));
  }
}

// The rate lies in the product's band and under the county's cap for the
// kind, all as multiples of the base: rate × 10000 within base × [min, max].
void CheckRate(const LoanRequest& r, const Product& product, const CountyPolicy& p, RuleFailures& f) {
  const int county_cap = r.product == ProductKind::kPovertySmallLoan ? p.small_loan_rate_multiple_bp
                                                                      : p.max_industry_rate_multiple_bp;
  const int64_t low = static_cast<int64_t>(p.base_rate_bp) * product.min_rate_multiple_bp;
  const int64_t high = static_cast<int64_t>(p.base_rate_bp) * std::min(product.max_rate_multiple_bp, county_cap);
  const int64_t rate = static_cast<int64_t>(r.rate_bp) * 10'000;
  if (rate < low || rate > high) {
    f.Add("RATE_LIMIT", "rate_bp",
          absl::StrCat(p.base_rate_bp, " bp × ", product.min_rate_multiple_bp, "–",
                       std::min(product.max_rate_multiple_bp, county_cap), "/10000"),
          absl::StrCat(r.rate_bp, " bp"));
  }
}

}  // namespace

void CheckPurpose(Purpose purpose, const CountyPolicy& p, RuleFailures& f) {
  if (purpose == Purpose::kPersonalConsumption) {
    f.Add("PURPOSE_CONSUMPTION", "purpose", "production in the county's plan, never personal consumption",
          "personal consumption");
  } else if (!Contains(p.allowed_purposes, purpose)) {
    f.Add("PURPOSE_OUTSIDE_PLAN", "purpose", "a purpose of the county's plan", "outside the plan");
  }
}

std::vector<RuleFailure> CheckEligibility(const BorrowerProfile& b, const LoanRequest& r, const Product& product,
                                          const CountyPolicy& p) {
  RuleFailures f(p.id);
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

  if (product.status != ProductStatus::kActive) f.Add("PRODUCT_RETIRED", "product", "an active product", "retired");
  if (!Contains(product.borrower_types, b.type)) {
    f.Add("PRODUCT_BORROWER_TYPE", "product", "a product open to the borrower's type",
          std::string(BorrowerTypeName(b.type)));
  }
  // Small loans are for registered poor households only, and a household's
  // industry loan too ("也可用于建档立卡贫困户", 000:1499).
  const bool needs_poor = r.product == ProductKind::kPovertySmallLoan || b.type == BorrowerType::kHousehold;
  if (needs_poor && !b.PoorOn(r.application_date)) {
    f.Add("POOR_HOUSEHOLD_ONLY", "product",
          absl::StrCat("a household registered as poor on ", Day(r.application_date)),
          b.type != BorrowerType::kHousehold ? std::string(BorrowerTypeName(b.type)) : "not registered");
  }
  CheckPurpose(r.purpose, p, f);

  if (r.amount_fen <= 0) f.Add("AMOUNT", "amount", "more than 0 fen", FenText(r.amount_fen));
  if (const std::optional<int64_t> county = CeilingFen(p, b.type, r.product); !county) {
    f.Add("NO_CEILING", "amount", absl::StrCat("a county ceiling for ", BorrowerTypeName(b.type)), "none set");
  } else if (const int64_t ceiling = std::min(*county, product.max_amount_fen); r.amount_fen > ceiling) {
    f.Add("CEILING", "amount", absl::StrCat("at most ", FenText(ceiling)), FenText(r.amount_fen));
  }
  const int max_term = std::min(product.max_term_months, p.max_total_term_months);
  if (r.term_months <= 0 || r.term_months > max_term) {
    f.Add("TERM_LIMIT", "term_months", absl::StrCat("1 to ", max_term, " months including extensions"),
          absl::StrCat(r.term_months, " months"));
  }
  CheckRate(r, product, p, f);

  if (b.type == BorrowerType::kHousehold && product.counter_guarantee_threshold_fen > 0 &&
      r.amount_fen > product.counter_guarantee_threshold_fen && r.counter_guarantee.empty()) {
    f.Add("COUNTER_GUARANTEE", "counter_guarantee",
          absl::StrCat("a counter-guarantee for the part above ", FenText(product.counter_guarantee_threshold_fen)),
          "none");
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
