// Repayment schedules with figures worked out by hand (exact fractions,
// then half up to the fen): the seeds' 50,000 CNY small loan at the 4.35%
// base rate (000:1433, 000:1497) with monthly interest and principal at
// maturity; equal principal with a remainder; equal instalments against the
// closed form; the half-fen boundary; ACT/360 against ACT/365; month-end
// and 29 February; due dates moved off rest days (and not off a make-up
// working Saturday); 1- and 36-month terms; and what a prepayment leaves.
#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

#include "absl/time/civil_time.h"
#include "common/calendar/work_calendar.h"
#include "svc-loans/src/domain/months.h"
#include "svc-loans/src/domain/schedule.h"

namespace huinong::loans {
namespace {

using absl::CivilDay;

constexpr int64_t kSeedLoanFen = 5'000'000;  // 50,000 CNY, the small-loan ceiling (000:1497)
constexpr int kBaseRateBp = 435;             // the base rate, 4.35%

ScheduleTerms Terms(int64_t principal_fen, CivilDay disbursed, int months,
                    RepaymentMethod method = RepaymentMethod::kMonthlyInterestBullet,
                    DayCount day_count = DayCount::kActual365) {
  ScheduleTerms t;
  t.principal_fen = principal_fen;
  t.rate_bp = kBaseRateBp;
  t.disbursement_date = disbursed;
  t.maturity_date = AddMonths(disbursed, months);
  t.method = method;
  t.day_count = day_count;
  return t;
}

int64_t PrincipalSum(const std::vector<Instalment>& s) {
  return std::accumulate(s.begin(), s.end(), int64_t{0},
                         [](int64_t sum, const Instalment& i) { return sum + i.principal_due_fen; });
}
int64_t InterestSum(const std::vector<Instalment>& s) {
  return std::accumulate(s.begin(), s.end(), int64_t{0},
                         [](int64_t sum, const Instalment& i) { return sum + i.interest_due_fen; });
}

// What every schedule promises: consecutive indexes, periods that follow
// each other from `start`, days = due − start, interest by the one formula
// on the principal still outstanding, no negative principal, and principal
// adding up to `principal_fen`.
void ExpectWellFormed(const std::vector<Instalment>& s, const ScheduleTerms& terms, CivilDay start,
                      int64_t principal_fen) {
  ASSERT_FALSE(s.empty());
  int64_t outstanding = principal_fen;
  CivilDay period_start = start;
  for (size_t k = 0; k < s.size(); ++k) {
    SCOPED_TRACE(s[k].index);
    EXPECT_EQ(s[k].index, s[0].index + static_cast<int>(k));
    EXPECT_EQ(s[k].period_start, period_start);
    EXPECT_EQ(s[k].days, s[k].due_date - s[k].period_start);
    EXPECT_EQ(s[k].interest_due_fen, InterestFen(outstanding, terms.rate_bp, terms.day_count, s[k].days));
    EXPECT_GE(s[k].principal_due_fen, 0);
    outstanding -= s[k].principal_due_fen;
    period_start = s[k].due_date;
  }
  EXPECT_EQ(outstanding, 0);
}

// A schedule BuildSchedule or RebuildScheduleFrom made, expected to have
// `count` instalments and to be well formed; padded or cut to `count` when
// it is not (the failure recorded), so a test can index it safely.
std::vector<Instalment> Checked(const absl::StatusOr<std::vector<Instalment>>& made, const ScheduleTerms& terms,
                                CivilDay start, int64_t principal_fen, size_t count) {
  EXPECT_TRUE(made.ok()) << made.status();
  std::vector<Instalment> s = made.ok() ? *made : std::vector<Instalment>{};
  EXPECT_EQ(s.size(), count);
  if (s.size() == count) ExpectWellFormed(s, terms, start, principal_fen);
  s.resize(count);
  return s;
}

std::vector<Instalment> Build(const ScheduleTerms& terms, size_t count) {
  return Checked(BuildSchedule(terms), terms, terms.disbursement_date, terms.principal_fen, count);
}

std::vector<Instalment> Rebuild(const ScheduleTerms& terms, CivilDay from, int64_t outstanding_fen, size_t count) {
  return Checked(RebuildScheduleFrom(terms, from, outstanding_fen), terms, from, outstanding_fen, count);
}

// One instalment's period: its due date, its days and its interest.
void ExpectPeriod(const Instalment& i, CivilDay due, int days, int64_t interest_fen) {
  EXPECT_EQ(i.due_date, due) << "instalment " << i.index;
  EXPECT_EQ(i.days, days) << "instalment " << i.index;
  EXPECT_EQ(i.interest_due_fen, interest_fen) << "instalment " << i.index;
}

// One instalment's amounts: principal and interest due.
void ExpectDue(const Instalment& i, int64_t principal_fen, int64_t interest_fen) {
  EXPECT_EQ(i.principal_due_fen, principal_fen) << "instalment " << i.index;
  EXPECT_EQ(i.interest_due_fen, interest_fen) << "instalment " << i.index;
}

// An annuity: every instalment but the last pays exactly `fixed_fen`.
void ExpectFixedInstalments(const std::vector<Instalment>& s, int64_t fixed_fen) {
  for (size_t k = 0; k + 1 < s.size(); ++k) {
    EXPECT_EQ(s[k].principal_due_fen + s[k].interest_due_fen, fixed_fen) << "instalment " << s[k].index;
  }
}

// Mon–Fri, no holidays and no make-up days.
calendar::WorkCalendarSpec OfficeWeek() {
  calendar::WorkCalendarSpec spec;
  for (absl::Weekday d : {absl::Weekday::monday, absl::Weekday::tuesday, absl::Weekday::wednesday,
                          absl::Weekday::thursday, absl::Weekday::friday}) {
    spec.weekday_hours.push_back({d, {{calendar::WallClock(8, 30), calendar::WallClock(17, 30)}}});
  }
  return spec;
}

calendar::WorkCalendar PlainWeek() { return *calendar::WorkCalendar::Create(OfficeWeek()); }

// The office week with 4–6 April 2026 holidays (清明节) and Saturday 28
// February 2026 a make-up working day (春节调休), as in the 2026 national
// schedule.
calendar::WorkCalendar CountyCalendar() {
  calendar::WorkCalendarSpec spec = OfficeWeek();
  for (int day = 4; day <= 6; ++day) spec.holidays.push_back({CivilDay(2026, 4, day), "清明节"});
  spec.makeup_days = {{CivilDay(2026, 2, 28), {}, "春节调休"}};
  return *calendar::WorkCalendar::Create(spec);
}

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

// ---- Due dates on rest days ------------------------------------------------

ScheduleTerms MovingTerms(const calendar::WorkCalendar* calendar, int months = 3) {
  // 50,000 CNY equal principal from Wednesday 28 January 2026: anchored due
  // dates Saturday 28 February, Saturday 28 March, Tuesday 28 April.
  ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 1, 28), months, RepaymentMethod::kEqualPrincipal);
  terms.calendar = calendar;
  terms.move_due_dates_to_working_day = true;
  return terms;
}

TEST(ScheduleWorkingDays, ASaturdayMovesToMondayAndTheInterestRunsToIt) {
  // Both Saturdays rest: due Monday 2 March (33 days) and Monday 30 March
  // (28 days), then Tuesday 28 April (29 days) — 90 days, as unmoved.
  // 1: 5,000,000 × 435 × 33 / 3,650,000 = 19664.38… → 19664
  // 2: 3,333,334 × 435 × 28 / 3,650,000 = 11123.28… → 11123
  // 3: 1,666,668 × 435 × 29 / 3,650,000 =  5760.15… → 5760
  const calendar::WorkCalendar week = PlainWeek();
  const ScheduleTerms terms = MovingTerms(&week);
  const std::vector<Instalment> s = Build(terms, 3);
  ExpectPeriod(s[0], CivilDay(2026, 3, 2), 33, 19664);
  ExpectPeriod(s[1], CivilDay(2026, 3, 30), 28, 11123);
  ExpectPeriod(s[2], CivilDay(2026, 4, 28), 29, 5760);
  EXPECT_EQ(s[0].principal_due_fen, 1'666'666);
  EXPECT_EQ(s[2].principal_due_fen, 1'666'668);
}

TEST(ScheduleWorkingDays, AMakeUpWorkingSaturdayDoesNotMove) {
  // 28 February 2026 is worked (春节调休): due that Saturday, 31 days
  // (18473); 28 March still rests → Monday 30 March, 30 days:
  // 3,333,334 × 435 × 30 / 3,650,000 = 11917.80… → 11918.
  const calendar::WorkCalendar county = CountyCalendar();
  const ScheduleTerms terms = MovingTerms(&county);
  const std::vector<Instalment> s = Build(terms, 3);
  ExpectPeriod(s[0], CivilDay(2026, 2, 28), 31, 18473);
  ExpectPeriod(s[1], CivilDay(2026, 3, 30), 30, 11918);
}

TEST(ScheduleWorkingDays, WithoutTheProductsSettingNothingMoves) {
  // Anchored: 31, 28, 31 days; interest 18473, 11123 (3,333,334 × 435 × 28
  // / 3,650,000), 6158 (1,666,668 × 435 × 31 / 3,650,000 = 6157.53…).
  const calendar::WorkCalendar week = PlainWeek();
  ScheduleTerms terms = MovingTerms(&week);
  terms.move_due_dates_to_working_day = false;
  const std::vector<Instalment> s = Build(terms, 3);
  ExpectPeriod(s[0], CivilDay(2026, 2, 28), 31, 18473);
  ExpectPeriod(s[1], CivilDay(2026, 3, 28), 28, 11123);
  ExpectPeriod(s[2], CivilDay(2026, 4, 28), 31, 6158);
}

TEST(ScheduleWorkingDays, AMaturityOnARestDayLengthensTheLoan) {
  // Two months: maturity Saturday 28 March → Monday 30 March; the second
  // period runs from Monday 2 March, 28 days on the 2,500,000 fen left:
  // 2,500,000 × 435 × 28 / 3,650,000 = 8342.46… → 8342.
  const calendar::WorkCalendar week = PlainWeek();
  const ScheduleTerms terms = MovingTerms(&week, 2);
  const std::vector<Instalment> s = Build(terms, 2);
  ExpectPeriod(s[1], CivilDay(2026, 3, 30), 28, 8342);
  EXPECT_EQ(s.back().due_date - terms.disbursement_date, 61);  // 59 unmoved
}

TEST(ScheduleWorkingDays, AWeekendBeforeAHolidayMovesPastBoth) {
  // Disbursed 4 March 2026: due Saturday 4 April; 4–6 April 清明节 → Tuesday
  // 7 April, 34 days: 50,000 × 4.35% × 34 / 365 = 202.60… → 20260.
  const calendar::WorkCalendar county = CountyCalendar();
  ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 3, 4), 1);
  terms.calendar = &county;
  terms.move_due_dates_to_working_day = true;
  const std::vector<Instalment> s = Build(terms, 1);
  ExpectPeriod(s[0], CivilDay(2026, 4, 7), 34, 20260);
}

// ---- Terms at the bounds ---------------------------------------------------

TEST(ScheduleTerm, OneMonthIsOneInstalmentInEveryMethod) {
  for (RepaymentMethod method : {RepaymentMethod::kMonthlyInterestBullet, RepaymentMethod::kEqualPrincipal,
                                 RepaymentMethod::kEqualInstalments}) {
    SCOPED_TRACE(static_cast<int>(method));
    const std::vector<Instalment> s = Build(Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 1, method), 1);
    EXPECT_EQ(s[0].index, 1);
    EXPECT_EQ(s[0].period_start, CivilDay(2026, 1, 15));
    EXPECT_EQ(s[0].due_date, CivilDay(2026, 2, 15));
    EXPECT_EQ(s[0].principal_due_fen, kSeedLoanFen);
    EXPECT_EQ(s[0].interest_due_fen, 18473);
  }
}

TEST(ScheduleTerm, ThirtySixMonthsIsTheCapAndEndsOnMaturity) {
  // 000:1509: at most 3 years. Disbursed 31 December 2026 → the last due
  // date 31 December 2029; February 2028 clamps to the 29th.
  for (RepaymentMethod method : {RepaymentMethod::kMonthlyInterestBullet, RepaymentMethod::kEqualPrincipal,
                                 RepaymentMethod::kEqualInstalments}) {
    SCOPED_TRACE(static_cast<int>(method));
    const ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 12, 31), 36, method);
    const std::vector<Instalment> s = Build(terms, 36);
    EXPECT_EQ(s[13].due_date, CivilDay(2028, 2, 29));
    EXPECT_EQ(s[14].due_date, CivilDay(2028, 3, 31));
    EXPECT_EQ(s[35].due_date, CivilDay(2029, 12, 31));
  }
}

TEST(ScheduleTerms, EveryBadTermIsNamed) {
  ScheduleTerms terms = Terms(0, CivilDay(2026, 1, 15), 0);
  terms.rate_bp = -1;
  terms.method = static_cast<RepaymentMethod>(9);
  terms.day_count = static_cast<DayCount>(0);
  terms.move_due_dates_to_working_day = true;
  const absl::Status status = BuildSchedule(terms).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  for (const char* named : {"principal_fen", "rate_bp", "maturity_date", "method", "day_count",
                            "move_due_dates_to_working_day"}) {
    EXPECT_NE(status.message().find(named), absl::string_view::npos) << named << ": " << status.message();
  }
  // 601 months is past kMaxSchedulePeriods.
  EXPECT_EQ(BuildSchedule(Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 601)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(BuildSchedule(Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 600)).ok());
}

TEST(ScheduleTerms, TermsOfALoanAsDisbursed) {
  Loan loan;
  loan.principal_fen = kSeedLoanFen;
  loan.rate_bp = kBaseRateBp;
  loan.disbursement_date = CivilDay(2026, 1, 15);
  loan.maturity_date = CivilDay(2029, 1, 15);
  loan.repayment_method = RepaymentMethod::kEqualPrincipal;
  loan.day_count = DayCount::kActual360;
  const ScheduleTerms t = TermsOfLoan(loan);
  EXPECT_EQ(t.principal_fen, kSeedLoanFen);
  EXPECT_EQ(t.rate_bp, kBaseRateBp);
  EXPECT_EQ(t.maturity_date, CivilDay(2029, 1, 15));
  EXPECT_EQ(t.method, RepaymentMethod::kEqualPrincipal);
  EXPECT_EQ(t.day_count, DayCount::kActual360);
  EXPECT_FALSE(t.move_due_dates_to_working_day);
}

// ---- What remains after a prepayment ---------------------------------------

TEST(ScheduleRebuild, FromTheDisbursementItIsTheSchedule) {
  const calendar::WorkCalendar week = PlainWeek();
  for (RepaymentMethod method : {RepaymentMethod::kMonthlyInterestBullet, RepaymentMethod::kEqualPrincipal,
                                 RepaymentMethod::kEqualInstalments}) {
    SCOPED_TRACE(static_cast<int>(method));
    ScheduleTerms terms = Terms(1'000'001, CivilDay(2026, 1, 31), 36, method);
    terms.calendar = &week;
    terms.move_due_dates_to_working_day = true;
    const std::vector<Instalment> built = Build(terms, 36);
    const std::vector<Instalment> rebuilt = Rebuild(terms, terms.disbursement_date, terms.principal_fen, 36);
    for (size_t k = 0; k < built.size(); ++k) {
      EXPECT_EQ(rebuilt[k].index, built[k].index);
      EXPECT_EQ(rebuilt[k].period_start, built[k].period_start);
      EXPECT_EQ(rebuilt[k].due_date, built[k].due_date);
      EXPECT_EQ(rebuilt[k].principal_due_fen, built[k].principal_due_fen);
      EXPECT_EQ(rebuilt[k].interest_due_fen, built[k].interest_due_fen);
    }
  }
}

TEST(ScheduleRebuild, EqualPrincipalAfterAPartialPrepayment) {
  // 12,000 CNY equal principal from 10 January 2026 (100,000 fen a month).
  // Instalments 1–3 paid: 900,000 outstanding. On 25 April the borrower
  // prepays: first the interest since 10 April, 900,000 × 435 × 15 /
  // 3,650,000 = 1608.90… → 1609 fen, then 300,000 of principal, leaving
  // 600,000 over the 9 instalments left (4–12): 600,000 ÷ 9 = 66,666.67 →
  // 66,666, the last 600,000 − 8 × 66,666 = 66,672. Instalment 4 runs from
  // 25 April to 10 May: 600,000 × 435 × 15 / 3,650,000 = 1072.60… → 1073;
  // instalment 5 (31 days) on 533,334: 1970.41… → 1970.
  const ScheduleTerms terms = Terms(1'200'000, CivilDay(2026, 1, 10), 12, RepaymentMethod::kEqualPrincipal);
  EXPECT_EQ(InterestFen(900'000, kBaseRateBp, DayCount::kActual365, CivilDay(2026, 4, 25) - CivilDay(2026, 4, 10)),
            1609);
  const std::vector<Instalment> s = Rebuild(terms, CivilDay(2026, 4, 25), 600'000, 9);
  EXPECT_EQ(s[0].index, 4);
  ExpectPeriod(s[0], CivilDay(2026, 5, 10), 15, 1073);
  EXPECT_EQ(s[0].principal_due_fen, 66'666);
  EXPECT_EQ(s[1].interest_due_fen, 1970);
  EXPECT_EQ(s[8].index, 12);
  EXPECT_EQ(s[8].due_date, CivilDay(2027, 1, 10));
  EXPECT_EQ(s[8].principal_due_fen, 66'672);
}

TEST(ScheduleRebuild, AnnuityRecomputedForWhatRemains) {
  // The 12-month annuity above; after instalments 1–3 (408,077 + 411,227 +
  // 411,104 of principal) 3,769,592 remain; 1,000,000 prepaid on 1 May 2026
  // leaves 2,769,592 over instalments 4–12: A = 2,769,592 × r × (1+r)^9 ÷
  // ((1+r)^9 − 1) = 313,337.0044… → 313,337. Instalment 4 (1 → 15 May,
  // 14 days): 2,769,592 × 435 × 14 / 3,650,000 = 4621.04… → 4621, principal
  // 308,716; the last repays the remaining 306,925 + 1,134 interest.
  const ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 12, RepaymentMethod::kEqualInstalments);
  const std::vector<Instalment> s = Rebuild(terms, CivilDay(2026, 5, 1), 2'769'592, 9);
  EXPECT_EQ(s[0].index, 4);
  ExpectPeriod(s[0], CivilDay(2026, 5, 15), 14, 4621);
  EXPECT_EQ(s[0].principal_due_fen, 308'716);
  ExpectFixedInstalments(s, 313'337);
  ExpectDue(s[8], 306'925, 1'134);
}

TEST(ScheduleRebuild, MonthlyInterestKeepsThePrincipalAtMaturity) {
  // The seed loan, 2,000,000 prepaid on 20 June 2026: 3,000,000 left.
  // Instalment 6 runs 20 June → 15 July (25 days): 3,000,000 × 435 × 25 /
  // 3,650,000 = 8938.36… → 8938; 31-day months then 11083.56… → 11084.
  const ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 36);
  const std::vector<Instalment> s = Rebuild(terms, CivilDay(2026, 6, 20), 3'000'000, 31);
  EXPECT_EQ(s[0].index, 6);
  ExpectPeriod(s[0], CivilDay(2026, 7, 15), 25, 8938);
  ExpectPeriod(s[1], CivilDay(2026, 8, 15), 31, 11084);
  EXPECT_EQ(s[30].index, 36);
  EXPECT_EQ(s[30].principal_due_fen, 3'000'000);
}

TEST(ScheduleRebuild, OnADueDateTheNextInstalmentIsFirst) {
  // On 15 March (instalment 2's due date, paid that day) the rest starts
  // with instalment 3, 15 March → 15 April: 4,000,000 × 435 × 31 /
  // 3,650,000 = 14778.08… → 14778.
  const ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 12, RepaymentMethod::kEqualPrincipal);
  const std::vector<Instalment> s = Rebuild(terms, CivilDay(2026, 3, 15), 4'000'000, 10);
  EXPECT_EQ(s[0].index, 3);
  EXPECT_EQ(s[0].period_start, CivilDay(2026, 3, 15));
  ExpectPeriod(s[0], CivilDay(2026, 4, 15), 31, 14778);
  EXPECT_EQ(s[0].principal_due_fen, 400'000);
}

TEST(ScheduleRebuild, AFullPrepaymentLeavesNothing) {
  const ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 12, RepaymentMethod::kEqualInstalments);
  absl::StatusOr<std::vector<Instalment>> s = RebuildScheduleFrom(terms, CivilDay(2026, 5, 1), 0);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(s->empty());
}

TEST(ScheduleRebuild, RefusesWhatCannotBeScheduled) {
  const ScheduleTerms terms = Terms(kSeedLoanFen, CivilDay(2026, 1, 15), 12);
  // More outstanding than was lent; before the disbursement; on or after
  // the last due date (15 January 2027) with principal still owed.
  EXPECT_EQ(RebuildScheduleFrom(terms, CivilDay(2026, 5, 1), kSeedLoanFen + 1).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RebuildScheduleFrom(terms, CivilDay(2026, 1, 14), 1).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RebuildScheduleFrom(terms, CivilDay(2027, 1, 15), 1).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RebuildScheduleFrom(terms, CivilDay(2027, 1, 14), 1).value().size(), 1u);
}

}  // namespace
}  // namespace huinong::loans
