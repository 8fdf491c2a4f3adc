// The interest subsidy's class table, cap and trigger (000:1529-1531,
// 000:1433) with the source documents' numbers: a household's industry
// loan of 80,000 CNY for a year at the 4.35% base rate is subsidised
// 50,000 × 4.35% + 30,000 × 1% = 2,175 + 300 = 2,475 CNY, capped at the
// interest paid; a cooperative's 3,000,000 CNY lifting 19 / 20 / 30 poor
// households at 2% / 2.5% / 3%.
#include <gtest/gtest.h>

#include <vector>

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/domain/months.h"
#include "svc-loans/src/domain/subsidy.h"
#include "svc-loans/tests/loans_seed_data.h"

namespace huinong::loans {
namespace {

using absl::CivilDay;

const CivilDay kDisbursed(2026, 1, 15);
const CivilDay kMaturity(2027, 1, 15);  // 365 days later

SubsidisedLoan Lent(BorrowerType type, ProductKind kind, int64_t fen, int lifted = 0) {
  SubsidisedLoan l;
  l.borrower_type = type;
  l.product_kind = kind;
  l.poor_households_lifted = lifted;
  l.principal = {{kDisbursed, fen}, {kMaturity, 0}};
  return l;
}

ClaimPeriod Year() { return {kDisbursed, kMaturity}; }

// The loan of `fen` at 435 bp for 12 months, monthly interest and the
// principal at maturity, every instalment paid on its due date.
LoanReplay PaidOnTime(int64_t fen, int months_paid) {
  ScheduleTerms t;
  t.principal_fen = fen;
  t.rate_bp = 435;
  t.disbursement_date = kDisbursed;
  t.maturity_date = AddMonths(kDisbursed, 12);
  absl::StatusOr<std::vector<Instalment>> schedule = BuildSchedule(t);
  EXPECT_TRUE(schedule.ok());
  std::vector<Repayment> paid;
  for (int i = 0; i < months_paid && i < static_cast<int>(schedule->size()); ++i) {
    const Instalment& due = (*schedule)[i];
    paid.push_back({absl::StrCat("r", i), due.due_date, due.due_date, due.principal_due_fen + due.interest_due_fen});
  }
  absl::StatusOr<LoanReplay> r = ReplayLoan(t, paid, kMaturity, 90);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : LoanReplay{};
}

TEST(SubsidyClasses, AHouseholdIndustryLoanOf80000IsSubsidised2475Yuan) {
  const SubsidyComputation c = ComputeSubsidy(
      CountyPolicy2026(), Lent(BorrowerType::kHousehold, ProductKind::kIndustryDevelopment, 8'000'000), Year(),
      /*cap_fen=*/348'000);
  ASSERT_EQ(c.lines.size(), 2u);
  EXPECT_EQ(c.lines[0].subsidy_class, SubsidyClass::kHouseholdBaseRate);
  EXPECT_EQ(c.lines[0].principal_fen, 5'000'000);
  EXPECT_EQ(c.lines[0].days, 365);
  EXPECT_EQ(c.lines[0].rate_bp, 435);
  EXPECT_EQ(c.lines[0].amount_fen, 217'500);  // 50,000 × 4.35% = 2,175
  EXPECT_EQ(c.lines[1].subsidy_class, SubsidyClass::kHouseholdAboveThreshold);
  EXPECT_EQ(c.lines[1].principal_fen, 3'000'000);
  EXPECT_EQ(c.lines[1].rate_bp, 100);
  EXPECT_EQ(c.lines[1].amount_fen, 30'000);  // 30,000 × 1% = 300
  EXPECT_EQ(c.computed_fen, 247'500);
  EXPECT_EQ(c.amount_fen, 247'500);
}

TEST(SubsidyClasses, NeverMoreThanTheInterestPaid) {
  const SubsidisedLoan loan = Lent(BorrowerType::kHousehold, ProductKind::kIndustryDevelopment, 8'000'000);
  EXPECT_EQ(ComputeSubsidy(CountyPolicy2026(), loan, Year(), 200'000).amount_fen, 200'000);
  EXPECT_EQ(ComputeSubsidy(CountyPolicy2026(), loan, Year(), 247'499).amount_fen, 247'499);
  EXPECT_EQ(ComputeSubsidy(CountyPolicy2026(), loan, Year(), 247'500).amount_fen, 247'500);
  EXPECT_EQ(ComputeSubsidy(CountyPolicy2026(), loan, Year(), 0).amount_fen, 0);
}

TEST(SubsidyClasses, TheWholeYearFromTheLoansOwnRepaymentsCappedAtTheInterestTheyPaid) {
  // 80,000 CNY at 4.35% for 365 days is 3,480 CNY of interest, more than
  // the 2,475 of subsidy: the subsidy stands. The same loan with only six
  // months' interest paid is capped at what those six paid.
  const LoanReplay year = PaidOnTime(8'000'000, 12);
  SubsidisedLoan loan = Lent(BorrowerType::kHousehold, ProductKind::kIndustryDevelopment, 8'000'000);
  loan.principal = PrincipalSteps(8'000'000, kDisbursed, year.allocations);
  ASSERT_EQ(loan.principal.size(), 2u);
  EXPECT_EQ(loan.principal[1].from, kMaturity);
  EXPECT_EQ(loan.principal[1].outstanding_fen, 0);
  const int64_t paid = InterestPaidIn(year.allocations, Year());
  EXPECT_EQ(paid, 348'000);
  EXPECT_EQ(ComputeSubsidy(CountyPolicy2026(), loan, Year(), paid).amount_fen, 247'500);

  const LoanReplay half = PaidOnTime(8'000'000, 6);
  const int64_t half_paid = InterestPaidIn(half.allocations, Year());
  EXPECT_LT(half_paid, 247'500);
  EXPECT_EQ(ComputeSubsidy(CountyPolicy2026(), loan, Year(), half_paid).amount_fen, half_paid);
}

TEST(SubsidyClasses, APrepaymentLowersThePrincipalFromItsValueDate) {
  // 80,000 until 15 July (181 days), 40,000 after (184 days): the base
  // class holds 50,000 then 40,000; the part above 50,000 only the first 181 days.
  SubsidisedLoan loan = Lent(BorrowerType::kHousehold, ProductKind::kIndustryDevelopment, 8'000'000);
  loan.principal = {{kDisbursed, 8'000'000}, {CivilDay(2026, 7, 15), 4'000'000}, {kMaturity, 0}};
  const SubsidyComputation c = ComputeSubsidy(CountyPolicy2026(), loan, Year(), 1'000'000);
  ASSERT_EQ(c.lines.size(), 2u);
  EXPECT_EQ(c.lines[0].days, 365);
  // (5,000,000 × 181 + 4,000,000 × 184) × 435 ÷ 3,650,000 = 195,571.23… → 195,571
  EXPECT_EQ(c.lines[0].amount_fen, 195'571);
  EXPECT_EQ(c.lines[1].days, 181);
  EXPECT_EQ(c.lines[1].principal_fen, 3'000'000);
  // 3,000,000 × 181 × 100 ÷ 3,650,000 = 14,876.71… → 14,877
  EXPECT_EQ(c.lines[1].amount_fen, 14'877);
}

TEST(SubsidyClasses, AHouseholdSmallLoanIsAllAtTheBaseRate) {
  const SubsidyComputation c = ComputeSubsidy(
      CountyPolicy2026(), Lent(BorrowerType::kHousehold, ProductKind::kPovertySmallLoan, 5'000'000), Year(), 1'000'000);
  ASSERT_EQ(c.lines.size(), 1u);
  EXPECT_EQ(c.lines[0].subsidy_class, SubsidyClass::kHouseholdBaseRate);
  EXPECT_EQ(c.amount_fen, 217'500);
}

TEST(SubsidyClasses, ACooperativeOf3000000Lifting19Or20Or30HouseholdsGets2Or2Point5Or3Percent) {
  const CountyPolicy policy = CountyPolicy2026();
  struct Case {
    int lifted;
    int rate_bp;
    int64_t amount_fen;
  };
  for (const Case& k : {Case{0, 200, 6'000'000}, Case{19, 200, 6'000'000}, Case{20, 250, 7'500'000},
                        Case{29, 250, 7'500'000}, Case{30, 300, 9'000'000}, Case{120, 300, 9'000'000}}) {
    const SubsidyComputation c = ComputeSubsidy(
        policy, Lent(BorrowerType::kCooperative, ProductKind::kIndustryDevelopment, 300'000'000, k.lifted), Year(),
        100'000'000);
    ASSERT_EQ(c.lines.size(), 1u) << k.lifted;
    EXPECT_EQ(c.lines[0].subsidy_class, SubsidyClass::kOrganisation);
    EXPECT_EQ(c.lines[0].rate_bp, k.rate_bp) << k.lifted;
    EXPECT_EQ(c.amount_fen, k.amount_fen) << k.lifted;  // 3,000,000 × 2% = 60,000 CNY …
  }
  EXPECT_EQ(OrganisationSubsidyRateBp(policy, 19), 200);
  EXPECT_EQ(OrganisationSubsidyRateBp(policy, 20), 250);
  EXPECT_EQ(OrganisationSubsidyRateBp(policy, 30), 300);
}

TEST(SubsidyClasses, APartPeriodCountsBothEndsAndAct360DividesBy360) {
  SubsidisedLoan loan = Lent(BorrowerType::kCooperative, ProductKind::kIndustryDevelopment, 300'000'000, 30);
  const ClaimPeriod january{CivilDay(2026, 2, 1), CivilDay(2026, 2, 28)};  // 28 days
  // 300,000,000 × 300 × 28 ÷ 3,650,000 = 690,410.96… → 690,411
  EXPECT_EQ(ComputeSubsidy(CountyPolicy2026(), loan, january, 10'000'000).amount_fen, 690'411);
  loan.day_count = DayCount::kActual360;
  // ÷ 3,600,000 = 700,000
  EXPECT_EQ(ComputeSubsidy(CountyPolicy2026(), loan, january, 10'000'000).amount_fen, 700'000);
}

TEST(SubsidyTrigger, AfterFullRepaymentOnlyOnceSettled) {
  const CountyPolicy policy = CountyPolicy2026();  // AFTER_FULL_REPAYMENT by default
  EXPECT_TRUE(CheckSubsidyDue(policy, PaidOnTime(8'000'000, 12).position, Year(), kMaturity).ok());
  const absl::Status s = CheckSubsidyDue(policy, PaidOnTime(8'000'000, 11).position, Year(), kMaturity);
  EXPECT_EQ(rpc::ReasonOf(s), "SUBSIDY_NOT_DUE") << s;
}

TEST(SubsidyTrigger, HalfYearlyAfterAYearOfOnTimeMonthlyInterest) {
  CountyPolicy policy = CountyPolicy2026();
  policy.subsidy_trigger = SubsidyTrigger::kHalfYearly;
  const ClaimPeriod first_half{kDisbursed, CivilDay(2026, 7, 14)};
  const ClaimPeriod second_half{CivilDay(2026, 7, 15), CivilDay(2027, 1, 14)};
  // Twelve months paid on time, claimed on the twelfth due date: either half-year.
  const LoanPosition year = PaidOnTime(8'000'000, 12).position;
  EXPECT_TRUE(CheckSubsidyDue(policy, year, first_half, kMaturity).ok());
  EXPECT_TRUE(CheckSubsidyDue(policy, year, second_half, kMaturity).ok());
  // A claim before the year is up: eleven months behind it.
  EXPECT_EQ(rpc::ReasonOf(CheckSubsidyDue(policy, year, first_half, CivilDay(2027, 1, 14))), "SUBSIDY_NOT_DUE");
  // Longer than six months.
  EXPECT_EQ(rpc::ReasonOf(CheckSubsidyDue(policy, year, Year(), kMaturity)), "SUBSIDY_NOT_DUE");
  // The twelfth month unpaid on its due date.
  EXPECT_EQ(rpc::ReasonOf(CheckSubsidyDue(policy, PaidOnTime(8'000'000, 11).position, first_half, kMaturity)),
            "SUBSIDY_NOT_DUE");
}

}  // namespace
}  // namespace huinong::loans
