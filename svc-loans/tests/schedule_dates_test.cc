// Repayment schedules, continued (schedule_test.cc has the methods): due
// dates moved off rest days (and not off a make-up working Saturday); 1- and
// 36-month terms and bad terms; and what a prepayment leaves.
#include "svc-loans/tests/schedule_testkit.h"

namespace huinong::loans::schedule_test {
namespace {

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

TEST(ScheduleTerm, ThirtySixMonthsAreThirtySixInstalmentsEndingOnMaturity) {
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
}  // namespace huinong::loans::schedule_test
