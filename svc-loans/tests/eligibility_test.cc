// Eligibility with the seeds' own numbers (000:1483-1509, 000:1519): every
// limit at its boundary — the value passes, one unit beyond fails — and a
// refusal that breaks several rules names them all, each with the field, the
// limit and the policy version.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/eligibility.h"
#include "svc-loans/tests/loans_seed_data.h"

namespace huinong::loans {
namespace {

const absl::CivilDay kApplied(2026, 12, 2);

CountyPolicy Policy() {
  CountyPolicy p;
  p.id = "countyPolicies/guan-2026";
  p.effective_from = absl::CivilDay(2026, 1, 1);
  // A household's industry loan: the seeds give no ceiling; this county sets 200,000 CNY.
  p.ceilings.push_back({BorrowerType::kHousehold, ProductKind::kIndustryDevelopment, 20'000'000});
  return p;
}

std::vector<RuleFailure> Check(const BorrowerProfile& b, const LoanRequest& r, const CountyPolicy& p) {
  return CheckEligibility(b, r, r.product == ProductKind::kPovertySmallLoan ? PovertySmallLoanProduct() : IndustryLoanProduct(),
                          p);
}

// A registered poor household, aged 45, in good standing.
BorrowerProfile Household() {
  BorrowerProfile b;
  b.type = BorrowerType::kHousehold;
  b.birth_date = absl::CivilDay(1981, 5, 20);
  b.poor_registrations = {{absl::CivilDay(2015, 10, 1), std::nullopt}};
  b.good_credit = true;
  b.settlement_account_at_cooperating_bank = true;
  return b;
}

// A cooperative driving 30 of its 100 shareholder households out of poverty.
BorrowerProfile Cooperative() {
  BorrowerProfile b;
  b.type = BorrowerType::kCooperative;
  b.good_credit = true;
  b.settlement_account_at_cooperating_bank = true;
  b.registered = true;
  b.sound_accounting = true;
  b.shareholder_households = 100;
  b.poor_households_driven = 30;
  return b;
}

LoanRequest SmallLoan(int64_t amount_fen) {
  LoanRequest r;
  r.product = ProductKind::kPovertySmallLoan;
  r.amount_fen = amount_fen;
  r.term_months = 36;
  r.rate_bp = 435;
  r.application_date = kApplied;
  return r;
}

LoanRequest IndustryLoan(int64_t amount_fen) {
  LoanRequest r = SmallLoan(amount_fen);
  r.product = ProductKind::kIndustryDevelopment;
  return r;
}

std::vector<std::string> Rules(const std::vector<RuleFailure>& failures) {
  std::vector<std::string> out;
  for (const auto& f : failures) out.push_back(f.rule);
  return out;
}

TEST(Eligibility, AGoodHouseholdsSmallLoanPasses) {
  EXPECT_TRUE(Check(Household(), SmallLoan(5'000'000), Policy()).empty());
}

TEST(Eligibility, TheFourCeilingsAreInclusive) {
  // 000:1503: 50,000 / 1,000,000 / 3,000,000 / 5,000,000 CNY.
  EXPECT_TRUE(Check(Household(), SmallLoan(5'000'000), Policy()).empty());
  const auto over = Check(Household(), SmallLoan(5'000'001), Policy());
  ASSERT_EQ(Rules(over), (std::vector<std::string>{"CEILING"}));
  EXPECT_EQ(over[0].field, "amount");
  EXPECT_EQ(over[0].limit, "at most 5000000 fen");
  EXPECT_EQ(over[0].actual, "5000001 fen");
  EXPECT_EQ(over[0].policy_version, "countyPolicies/guan-2026");
  // 50,001 CNY, in whole yuan as the seeds write amounts, fails too.
  EXPECT_EQ(Rules(Check(Household(), SmallLoan(5'000'100), Policy())),
            (std::vector<std::string>{"CEILING"}));

  struct Case {
    BorrowerType type;
    int64_t ceiling_fen;
  };
  for (const Case& c : {Case{BorrowerType::kFamilyFarm, 100'000'000}, Case{BorrowerType::kCooperative, 300'000'000},
                        Case{BorrowerType::kLeadingEnterprise, 500'000'000}}) {
    BorrowerProfile b = c.type == BorrowerType::kFamilyFarm ? Household() : Cooperative();
    b.type = c.type;
    EXPECT_TRUE(Check(b, IndustryLoan(c.ceiling_fen), Policy()).empty()) << BorrowerTypeName(c.type);
    EXPECT_EQ(Rules(Check(b, IndustryLoan(c.ceiling_fen + 100), Policy())),
              (std::vector<std::string>{"CEILING"}))
        << BorrowerTypeName(c.type);
  }
}

TEST(Eligibility, SixtyPassesAndTheSixtyFirstBirthdayFails) {
  BorrowerProfile b = Household();
  b.birth_date = absl::CivilDay(1965, 12, 3);  // 61 on 2026-12-03
  LoanRequest r = SmallLoan(3'000'000);
  r.application_date = absl::CivilDay(2026, 12, 2);  // the day before: 60
  EXPECT_TRUE(Check(b, r, Policy()).empty());
  r.application_date = absl::CivilDay(2026, 12, 3);  // the birthday: 61
  const auto failures = Check(b, r, Policy());
  ASSERT_EQ(Rules(failures), (std::vector<std::string>{"AGE_LIMIT"}));
  EXPECT_EQ(failures[0].field, "borrower.birth_date");
  EXPECT_EQ(failures[0].limit, "at most 60 years on 2026-12-03");
  EXPECT_EQ(failures[0].actual, "61 years");
}

TEST(Eligibility, AgeJudgedAtMaturityWhenThePolicySaysSo) {
  CountyPolicy p = Policy();
  p.age_reference = AgeReference::kMaturityDate;
  BorrowerProfile b = Household();
  b.birth_date = absl::CivilDay(1968, 1, 1);  // 58 today, 61 on 2029-01-01
  LoanRequest r = SmallLoan(3'000'000);
  r.term_months = 24;  // matures 2028-12-02: 60
  EXPECT_TRUE(Check(b, r, p).empty());
  r.term_months = 36;  // matures 2029-12-02: 61
  EXPECT_EQ(Rules(Check(b, r, p)), (std::vector<std::string>{"AGE_LIMIT"}));
}

TEST(Eligibility, ThirtyPercentOfShareholderHouseholdsDriven) {
  BorrowerProfile b = Cooperative();
  b.poor_households_driven = 30;  // 30 of 100
  EXPECT_TRUE(Check(b, IndustryLoan(100'000'000), Policy()).empty());
  b.poor_households_driven = 29;
  const auto failures = Check(b, IndustryLoan(100'000'000), Policy());
  ASSERT_EQ(Rules(failures), (std::vector<std::string>{"DRIVEN_SHARE"}));
  EXPECT_EQ(failures[0].field, "borrower.poor_households_driven");
  EXPECT_EQ(failures[0].limit, "at least 3000 bp of the 100 shareholder households");
  EXPECT_EQ(failures[0].actual, "29 households");
}

TEST(Eligibility, ThirtySixMonthsIncludingExtensions) {
  LoanRequest r = SmallLoan(3'000'000);
  r.term_months = 36;
  EXPECT_TRUE(Check(Household(), r, Policy()).empty());
  r.term_months = 37;
  EXPECT_EQ(Rules(Check(Household(), r, Policy())), (std::vector<std::string>{"TERM_LIMIT"}));
}

TEST(Eligibility, AnIndustryRateOfBaseTimesOnePointFourFivePassesAndOneBasisPointMoreFails) {
  CountyPolicy p = Policy();
  p.base_rate_bp = 500;  // × 1.45 = 725 bp exactly
  LoanRequest r = IndustryLoan(100'000'000);
  r.rate_bp = 725;
  EXPECT_TRUE(Check(Cooperative(), r, p).empty());
  r.rate_bp = 726;
  EXPECT_EQ(Rules(Check(Cooperative(), r, p)), (std::vector<std::string>{"RATE_LIMIT"}));
  // The demo's 435 bp: × 1.45 = 630.75 bp, so 630 passes and 631 fails.
  p.base_rate_bp = 435;
  r.rate_bp = 630;
  EXPECT_TRUE(Check(Cooperative(), r, p).empty());
  r.rate_bp = 631;
  EXPECT_EQ(Rules(Check(Cooperative(), r, p)), (std::vector<std::string>{"RATE_LIMIT"}));
}

TEST(Eligibility, ConsumptionIsRefused) {
  LoanRequest consumption = SmallLoan(3'000'000);
  consumption.purpose = Purpose::kPersonalConsumption;  // a house, a car (000:1487)
  EXPECT_EQ(Rules(Check(Household(), consumption, Policy())), (std::vector<std::string>{"PURPOSE_CONSUMPTION"}));
  CountyPolicy planned = Policy();
  planned.allowed_purposes = {Purpose::kProduction};
  LoanRequest r = SmallLoan(3'000'000);
  EXPECT_TRUE(Check(Household(), r, planned).empty());
  r.purpose = Purpose::kPairedEnterpriseInvestment;
  const auto outside = Check(Household(), r, planned);
  ASSERT_EQ(Rules(outside), (std::vector<std::string>{"PURPOSE_OUTSIDE_PLAN"}));
  EXPECT_EQ(outside[0].field, "purpose");
}

TEST(Eligibility, ARefusalThatBreaksFourRulesNamesAllFour) {
  BorrowerProfile b = Household();
  b.birth_date = absl::CivilDay(1960, 1, 1);  // 66
  b.unresolved_legal_dispute = true;
  LoanRequest r = SmallLoan(6'000'000);  // 60,000 CNY
  r.purpose = Purpose::kPersonalConsumption;
  const auto failures = Check(b, r, Policy());
  EXPECT_EQ(Rules(failures),
            (std::vector<std::string>{"AGE_LIMIT", "LEGAL_DISPUTE", "PURPOSE_CONSUMPTION", "CEILING"}));
  for (const auto& f : failures) EXPECT_EQ(f.policy_version, "countyPolicies/guan-2026") << f.rule;
}

TEST(Eligibility, ASmallLoanIsForHouseholdsRegisteredAsPoorOnTheDay) {
  BorrowerProfile b = Household();
  b.poor_registrations = {{absl::CivilDay(2015, 10, 1), absl::CivilDay(2026, 12, 2)}};  // lifted today
  EXPECT_EQ(Rules(Check(b, SmallLoan(3'000'000), Policy())),
            (std::vector<std::string>{"POOR_HOUSEHOLD_ONLY"}));
  b.poor_registrations.push_back({absl::CivilDay(2026, 12, 2), std::nullopt});  // registered again
  EXPECT_TRUE(Check(b, SmallLoan(3'000'000), Policy()).empty());
  EXPECT_EQ(Rules(Check(Cooperative(), SmallLoan(3'000'000), Policy())),
            (std::vector<std::string>{"PRODUCT_BORROWER_TYPE", "POOR_HOUSEHOLD_ONLY"}));
}

TEST(Eligibility, AHouseholdsIndustryLoanAboveFiftyThousandNeedsACounterGuarantee) {
  LoanRequest r = IndustryLoan(5'000'000);
  EXPECT_TRUE(Check(Household(), r, Policy()).empty());
  r.amount_fen = 5'000'001;  // one fen above 50,000 CNY
  EXPECT_EQ(Rules(Check(Household(), r, Policy())), (std::vector<std::string>{"COUNTER_GUARANTEE"}));
  r.amount_fen = 8'000'000;
  EXPECT_EQ(Rules(Check(Household(), r, Policy())), (std::vector<std::string>{"COUNTER_GUARANTEE"}));
  r.counter_guarantee = {AssetKind::kForestRight};
  EXPECT_TRUE(Check(Household(), r, Policy()).empty());
  // Equipment and warehouse receipts are for organisations (000:1525).
  r.counter_guarantee = {AssetKind::kHouse, AssetKind::kEquipment};
  const auto failures = Check(Household(), r, Policy());
  ASSERT_EQ(Rules(failures), (std::vector<std::string>{"PLEDGE_KIND"}));
  EXPECT_EQ(failures[0].field, "counter_guarantee[1]");
  LoanRequest organisation = IndustryLoan(100'000'000);
  organisation.counter_guarantee = {AssetKind::kWarehouseReceipt, AssetKind::kEquipment};
  EXPECT_TRUE(Check(Cooperative(), organisation, Policy()).empty());
}

TEST(Eligibility, ABlacklistedBorrowerCannotApply) {
  BorrowerProfile b = Household();
  b.blacklisted = true;
  EXPECT_EQ(Rules(Check(b, SmallLoan(3'000'000), Policy())), (std::vector<std::string>{"BLACKLISTED"}));
}

TEST(Eligibility, AnOrganisationMustBeRegisteredKeepAccountsAndDriveHouseholds) {
  BorrowerProfile b = Cooperative();
  b.registered = false;
  b.sound_accounting = false;
  b.poor_households_driven = 0;
  EXPECT_EQ(Rules(Check(b, IndustryLoan(100'000'000), Policy())),
            (std::vector<std::string>{"ORGANISATION_REGISTERED", "SOUND_ACCOUNTING", "DRIVES_POOR_HOUSEHOLDS",
                                      "DRIVEN_SHARE"}));
}

TEST(Eligibility, TheProductsOwnLimitsApplyWithTheCountys) {
  Product small = PovertySmallLoanProduct();
  small.max_amount_fen = 3'000'000;  // a product of 30,000 under the county's 50,000
  small.max_term_months = 24;
  LoanRequest r = SmallLoan(3'000'001);
  r.term_months = 25;
  EXPECT_EQ(Rules(CheckEligibility(Household(), r, small, Policy())),
            (std::vector<std::string>{"CEILING", "TERM_LIMIT"}));
  small.status = ProductStatus::kRetired;
  r = SmallLoan(1'000'000);
  r.term_months = 12;
  EXPECT_EQ(Rules(CheckEligibility(Household(), r, small, Policy())), (std::vector<std::string>{"PRODUCT_RETIRED"}));
}

TEST(Eligibility, ATypeWithoutACountyCeilingCannotBorrow) {
  BorrowerProfile b = Cooperative();
  b.type = BorrowerType::kShareCooperative;  // the seeds set none (000:1503)
  const auto failures = Check(b, IndustryLoan(1'000'000), Policy());
  ASSERT_EQ(Rules(failures), (std::vector<std::string>{"NO_CEILING"}));
  EXPECT_EQ(failures[0].limit, "a county ceiling for SHARE_COOPERATIVE");
}

TEST(Eligibility, AHouseholdsIndustryLoanIsForARegisteredPoorHouseholdToo) {
  BorrowerProfile b = Household();
  b.poor_registrations.clear();
  EXPECT_EQ(Rules(Check(b, IndustryLoan(3'000'000), Policy())), (std::vector<std::string>{"POOR_HOUSEHOLD_ONLY"}));
}

TEST(Eligibility, AnOrganisationWithoutShareholderHouseholdsOwesNoShare) {
  BorrowerProfile b = Cooperative();
  b.type = BorrowerType::kLeadingEnterprise;
  b.shareholder_households = 0;
  b.poor_households_driven = 0;
  b.leading_enterprise_qualification = true;
  EXPECT_TRUE(Check(b, IndustryLoan(100'000'000), Policy()).empty());
}

TEST(Eligibility, ARateBelowTheProductsBandFails) {
  LoanRequest r = IndustryLoan(100'000'000);
  r.rate_bp = 434;  // under the base rate
  EXPECT_EQ(Rules(Check(Cooperative(), r, Policy())), (std::vector<std::string>{"RATE_LIMIT"}));
  r.rate_bp = 0;
  EXPECT_EQ(Rules(Check(Cooperative(), r, Policy())), (std::vector<std::string>{"RATE_LIMIT"}));
}

TEST(Eligibility, ABirthDateAfterTheReferenceDayFails) {
  BorrowerProfile b = Household();
  b.birth_date = absl::CivilDay(2027, 1, 1);
  const auto failures = Check(b, SmallLoan(3'000'000), Policy());
  ASSERT_EQ(Rules(failures), (std::vector<std::string>{"AGE_LIMIT"}));
  EXPECT_EQ(failures[0].actual, "born later");
}

TEST(AgeOn, ALeapDayBirthdayComesOnTheFirstOfMarch) {
  EXPECT_EQ(AgeOn(absl::CivilDay(1966, 2, 28), absl::CivilDay(2026, 2, 28)), 60);
  EXPECT_EQ(AgeOn(absl::CivilDay(1964, 2, 29), absl::CivilDay(2025, 2, 28)), 60);
  EXPECT_EQ(AgeOn(absl::CivilDay(1964, 2, 29), absl::CivilDay(2025, 3, 1)), 61);
  EXPECT_EQ(AgeOn(absl::CivilDay(1964, 2, 29), absl::CivilDay(2024, 2, 29)), 60);
}

}  // namespace
}  // namespace huinong::loans
