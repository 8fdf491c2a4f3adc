// Repayment schedules with figures worked out by hand (exact fractions,
// then half up to the fen): the seeds' 50,000 CNY small loan at the 4.35%
// base rate (000:1433, 000:1497) with monthly interest and principal at
// maturity; equal principal with a remainder; equal instalments against the
// closed form; the half-fen boundary; ACT/360 against ACT/365; month-end
// and 29 February.
#include "svc-loans/tests/schedule_testkit.h"

namespace huinong::loans::schedule_test {
namespace {

// ---- The interest formula --------------------------------------------------

TEST(ScheduleInterest, SeedLoanMonthAtTheBaseRate) {
  // 50,000.00 × 4.35% × 31 / 365 = 184.7329… CNY → 18473 fen.
  EXPECT_EQ(InterestFen(kSeedLoanFen, kBaseRateBp, DayCount::kActual365, 31), 18473);
  // × 28 / 365 = 166.8493… → 16685; × 30 / 365 = 178.7671… → 17877.
  EXPECT_EQ(InterestFen(kSeedLoanFen, kBaseRateBp, DayCount::kActual365, 28), 16685);
  EXPECT_EQ(InterestFen(kSeedLoanFen, kBaseRateBp, DayCount::kActual365, 30), 17877);
  EXPECT_EQ(InterestFen(kSeedLoanFen, kBaseRateBp, DayCount::kActual365, 0), 0);
  EXPECT_EQ(InterestFen(0, kBaseRateBp, DayCount::kActual365, 31), 0);
  EXPECT_EQ(InterestFen(kSeedLoanFen, 0, DayCount::kActual365, 31), 0);
}

TEST(ScheduleInterest, AnExactHalfFenRoundsUp) {
  // 18,250.00 CNY × 4.35% × 31 / 365 = 1,825,000 × 435 × 31 / 3,650,000
  // = 435 × 31 / 2 = 6742.5 fen exactly → 6743 (half up; half-even would
  // give 6742). One fen less lent: 6742.4963… → 6742.
  EXPECT_EQ(InterestFen(1'825'000, kBaseRateBp, DayCount::kActual365, 31), 6743);
  EXPECT_EQ(InterestFen(1'824'999, kBaseRateBp, DayCount::kActual365, 31), 6742);
  // ACT/360: 1,800,000 × 435 × 31 / 3,600,000 = 6742.5 → 6743.
  EXPECT_EQ(InterestFen(1'800'000, kBaseRateBp, DayCount::kActual360, 31), 6743);
  // The smallest case: 0.5 fen → 1; 0.4997… → 0.
  EXPECT_EQ(InterestFen(1'825'000, 1, DayCount::kActual365, 1), 1);
  EXPECT_EQ(InterestFen(1'824'999, 1, DayCount::kActual365, 1), 0);
}

TEST(ScheduleInterest, Actual360AgainstActual365) {
  // 50,000.00 × 4.35% × 31 / 360 = 187.2916… CNY → 18729 fen (ACT/365: 18473).
  EXPECT_EQ(InterestFen(kSeedLoanFen, kBaseRateBp, DayCount::kActual360, 31), 18729);
  const std::vector<Instalment> act360 =
      Build(Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 1, RepaymentMethod::kMonthlyInterestBullet,
                  DayCount::kActual360), 1);
  const std::vector<Instalment> act365 = Build(Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 1), 1);
  EXPECT_EQ(act360[0].interest_due_fen, 18729);
  EXPECT_EQ(act365[0].interest_due_fen, 18473);
}

TEST(ScheduleInterest, NoOverflowAtTheLargestValues) {
  // 10^13 fen × 100,000 bp × 600 months of days: far past 64 bits, exact
  // in 128: 10^13 × 10^5 × 18,262 / 3,650,000 = 5.0032876712… × 10^15.
  EXPECT_EQ(InterestFen(kMaxSchedulePrincipalFen, kMaxScheduleRateBp, DayCount::kActual365, 18'262),
            5'003'287'671'232'877);
}

// ---- Monthly interest, principal at maturity (000:1433) --------------------

TEST(ScheduleMonthlyInterest, SeedLoanOverThirtySixMonths) {
  // 50,000 CNY at 4.35% disbursed 15 January 2026 for 36 months: due on the
  // 15th, the last on 15 January 2029, 1,096 days in all (2028 is a leap
  // year). Periods of 31 days → 18473, 30 → 17877, 28 → 16685, and
  // February 2028's 29 → 50,000 × 4.35% × 29 / 365 = 172.8082… → 17281.
  const ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 36);
  const std::vector<Instalment> s = Build(terms, 36);
  ExpectPeriod(s[0], CivilDay(2026, 2, 15), 31, 18473);
  EXPECT_EQ(s[0].principal_due_fen, 0);
  ExpectPeriod(s[1], CivilDay(2026, 3, 15), 28, 16685);
  ExpectPeriod(s[3], CivilDay(2026, 5, 15), 30, 17877);
  ExpectPeriod(s[25], CivilDay(2028, 3, 15), 29, 17281);
  ExpectPeriod(s[35], CivilDay(2029, 1, 15), 31, 18473);
  EXPECT_EQ(s[35].principal_due_fen, kSeedLoanFen);
  // 21 × 18473 + 12 × 17877 + 2 × 16685 + 1 × 17281
  // = 387,933 + 214,524 + 33,370 + 17,281 = 653,108 fen.
  EXPECT_EQ(InterestSum(s), 653'108);
}

// ---- Equal principal -------------------------------------------------------

TEST(ScheduleEqualPrincipal, TwelveMonthsWithARemainderOnTheLast) {
  // 10,000.01 CNY = 1,000,001 fen over 12 months from 10 March 2026:
  // 1,000,001 ÷ 12 = 83,333.41… → 83,333 a month, and the last repays
  // 1,000,001 − 11 × 83,333 = 83,338. Interest on the declining balance:
  // 1: 1,000,001 × 435 × 31 / 3,650,000 = 3694.5243… → 3695
  // 2:   916,668 × 435 × 30 / 3,650,000 = 3277.4020… → 3277
  // 12:   83,338 × 435 × 28 / 3,650,000 =  278.0978… → 278 (February 2027)
  const ScheduleTerms terms = Terms(1'000'001, CivilDay(2026, 3, 10), 12, RepaymentMethod::kEqualPrincipal);
  const std::vector<Instalment> s = Build(terms, 12);
  for (int k = 0; k < 11; ++k) EXPECT_EQ(s[k].principal_due_fen, 83'333) << k;
  EXPECT_EQ(s[11].principal_due_fen, 83'338);
  EXPECT_EQ(s[0].interest_due_fen, 3695);
  EXPECT_EQ(s[1].interest_due_fen, 3277);
  ExpectPeriod(s[11], CivilDay(2027, 3, 10), 28, 278);
  // 3695 + 3277 + 3079 + 2682 + 2463 + 2155 + 1788 + 1539 + 1192 + 924 + 616 + 278.
  EXPECT_EQ(InterestSum(s), 23'688);
}

TEST(ScheduleEqualPrincipal, ATinyLoanNeverGoesNegative) {
  // 7 fen over 12 months: 7 ÷ 12 rounds down to 0, so the last repays all 7
  // (rounding the share half up, to 1, would leave 7 − 11 = −4 for it).
  const ScheduleTerms terms = Terms(7, CivilDay(2026, 3, 10), 12, RepaymentMethod::kEqualPrincipal);
  const std::vector<Instalment> s = Build(terms, 12);
  EXPECT_EQ(s[0].principal_due_fen, 0);
  EXPECT_EQ(s[11].principal_due_fen, 7);
}

// ---- Equal instalments (annuity) -------------------------------------------

TEST(ScheduleEqualInstalments, TwelveMonthsAgainstTheClosedForm) {
  // 50,000 CNY at 4.35% over 12 months from 15 January 2026: r = 0.0435 / 12
  // = 0.003625, (1 + r)^12 = 1.0443778468…, A = 5,000,000 × r × (1+r)^12 ÷
  // ((1+r)^12 − 1) = 426,549.5018… fen → 426,550 each month. Interest by
  // actual days, principal the rest:
  // 1: 5,000,000 × 435 × 31 / 3,650,000 = 18473 → principal 408,077
  // 2: 4,591,923 × 435 × 28 / 3,650,000 = 15323.18… → 15323 → principal 411,227
  // 12: what remains, 424,485, + 1,568 interest = 426,053 (actual days
  // lend a little more than r a month, so the last is 497 fen short of A).
  const ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 12, RepaymentMethod::kEqualInstalments);
  const std::vector<Instalment> s = Build(terms, 12);
  ExpectFixedInstalments(s, 426'550);
  ExpectDue(s[0], 408'077, 18473);
  ExpectDue(s[1], 411'227, 15323);
  ExpectDue(s[11], 424'485, 1'568);
  EXPECT_EQ(PrincipalSum(s), kSeedLoanFen);
  EXPECT_EQ(InterestSum(s), 118'103);
}

TEST(ScheduleEqualInstalments, TwoMonthsExactlyAsTheClosedForm) {
  // n = 2: A = P × u² ÷ (q × (u + q)), u = 120,435, q = 120,000 — small
  // enough to compute here exactly: 5,000,000 × 120,435² ÷ (120,000 ×
  // 240,435) = 2,513,601.94… → 2,513,602, and the first instalment is A.
  const __int128 u = 120'435, q = 120'000;
  const __int128 numerator = 2 * __int128{kSeedLoanFen} * u * u + q * (u + q);
  const int64_t closed_form = static_cast<int64_t>(numerator / (2 * q * (u + q)));
  EXPECT_EQ(closed_form, 2'513'602);
  const ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 2, RepaymentMethod::kEqualInstalments);
  const std::vector<Instalment> s = Build(terms, 2);
  EXPECT_EQ(s[0].principal_due_fen + s[0].interest_due_fen, closed_form);
}

TEST(ScheduleEqualInstalments, ThirtySixMonths) {
  // A = 148,399.6705… → 148,400 a month; the first: 18473 interest +
  // 129,927 principal; the last: the remaining 147,501 + 545 interest.
  const ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 36, RepaymentMethod::kEqualInstalments);
  const std::vector<Instalment> s = Build(terms, 36);
  ExpectFixedInstalments(s, 148'400);
  EXPECT_EQ(s[0].principal_due_fen, 129'927);
  ExpectDue(s[35], 147'501, 545);
  EXPECT_EQ(InterestSum(s), 342'046);
}

TEST(ScheduleEqualInstalments, AtNoInterestRepaysAsEqualPrincipal) {
  ScheduleTerms terms = Terms(1'000'001, CivilDay(2026, 3, 10), 12, RepaymentMethod::kEqualInstalments);
  terms.rate_bp = 0;
  const std::vector<Instalment> s = Build(terms, 12);
  EXPECT_EQ(s[0].principal_due_fen, 83'333);
  EXPECT_EQ(s[11].principal_due_fen, 83'338);
  EXPECT_EQ(InterestSum(s), 0);
}

// ---- Due dates: month ends and 29 February ---------------------------------

TEST(ScheduleDueDates, ThirtyFirstOfJanuaryClampsAndDoesNotDrift) {
  // 10,000 CNY disbursed 31 January 2026: due 28 February (28 days), 31
  // March (31, not the 28th), 30 April (30). Interest 1,000,000 × 435 ×
  // days / 3,650,000: 3336.98… → 3337, 3694.52… → 3695, 3575.34… → 3575.
  const ScheduleTerms terms = Terms(1'000'000, CivilDay(2026, 1, 31), 3);
  const std::vector<Instalment> s = Build(terms, 3);
  ExpectPeriod(s[0], CivilDay(2026, 2, 28), 28, 3337);
  ExpectPeriod(s[1], CivilDay(2026, 3, 31), 31, 3695);
  ExpectPeriod(s[2], CivilDay(2026, 4, 30), 30, 3575);
}

TEST(ScheduleDueDates, ThirtyFirstOfJanuaryInALeapYear) {
  // 2028: due 29 February (29 days: 3456.16… → 3456), then 31 March (31).
  const std::vector<Instalment> s = Build(Terms(1'000'000, CivilDay(2028, 1, 31), 3), 3);
  ExpectPeriod(s[0], CivilDay(2028, 2, 29), 29, 3456);
  ExpectPeriod(s[1], CivilDay(2028, 3, 31), 31, 3695);
}

TEST(ScheduleDueDates, APeriodAcrossTwentyNinthFebruaryCountsItsDay) {
  // 15 February → 15 March: 29 days in 2028 (17280.82… → 17281 fen on
  // 50,000 CNY), 28 in 2027 (16684.93… → 16685).
  const std::vector<Instalment> leap = Build(Terms(kSeedLoanFen, CivilDay(2028, 2, 15), 1), 1);
  const std::vector<Instalment> common = Build(Terms(kSeedLoanFen, CivilDay(2027, 2, 15), 1), 1);
  ExpectPeriod(leap[0], CivilDay(2028, 3, 15), 29, 17281);
  ExpectPeriod(common[0], CivilDay(2027, 3, 15), 28, 16685);
}

TEST(ScheduleDueDates, AYearAcrossTwentyNinthFebruaryHas366Days) {
  // 1 June 2027 → 1 June 2028: 366 days; 7 periods of 31 days (18473), 4 of
  // 30 (17877), February 2028's 29 (17281): 129,311 + 71,508 + 17,281 =
  // 218,100 fen — more than a year's 4.35% (217,500), by the leap day.
  ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2027, 6, 1), 12);
  const std::vector<Instalment> s = Build(terms, 12);
  int days = 0;
  for (const Instalment& i : s) days += i.days;
  EXPECT_EQ(days, 366);
  EXPECT_EQ(s[8].due_date, CivilDay(2028, 3, 1));
  EXPECT_EQ(s[8].days, 29);
  EXPECT_EQ(InterestSum(s), 218'100);
}

TEST(ScheduleDueDates, AMaturityOffTheMonthlyAnchorEndsAShorterLastPeriod) {
  // Disbursed 15 January, maturing 1 April (after an extension, say): due
  // 15 February, 15 March, then 1 April: 17 days, 50,000 × 4.35% × 17 /
  // 365 = 101.3013… CNY → 10130 fen.
  ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 3);
  terms.maturity_date = CivilDay(2026, 4, 1);
  const std::vector<Instalment> s = Build(terms, 3);
  EXPECT_EQ(s[1].due_date, CivilDay(2026, 3, 15));
  ExpectPeriod(s[2], CivilDay(2026, 4, 1), 17, 10130);
}

}  // namespace
}  // namespace huinong::loans::schedule_test
