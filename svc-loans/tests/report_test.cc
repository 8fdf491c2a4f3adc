// The lending report's aggregation (domain/report.h): townships' rows add up
// to the county's figures except distinct borrowers, which the county row
// counts once across townships; the NPL ratio by the breaker's rule; and
// the states "as they stood" of applications (replayed from their steps)
// and of townships' breakers (from their history). Figures are the seeds'
// (000:1423-1437): 591 households and 28,105,000 CNY cumulative.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/report.h"

namespace huinong::loans {
namespace {

const ReportPeriod kOctober{PeriodKind::kMonth, "2026-10", absl::CivilDay(2026, 10, 1), absl::CivilDay(2026, 10, 31)};

IssuedRow Issued(const std::string& township, int64_t count, int64_t fen, int64_t borrowers) {
  IssuedRow r;
  r.township_id = township;
  r.count = count;
  r.amount_fen = fen;
  r.borrowers = borrowers;
  return r;
}

StandingRow Standing(const std::string& township, LoanClass c, int64_t count, int64_t fen) {
  StandingRow r;
  r.township_id = township;
  r.loan_class = c;
  r.count = count;
  r.balance_fen = fen;
  return r;
}

absl::Time At(int month, int day, int hour = 12) {
  return absl::FromCivil(absl::CivilSecond(2026, month, day, hour, 0, 0), absl::FixedTimeZone(8 * 3600));
}

TEST(LendingReport, TownshipsAddUpButABorrowerCountsOnceInTheCounty) {
  ReportRows rows;
  // 591 households, 28,105,000 CNY: 300 in t1 (one with loans in both), 292 in t2.
  rows.cumulative = {Issued("t1", 301, 1'405'250'000, 300), Issued("t2", 292, 1'405'250'000, 292),
                     Issued("", 593, 2'810'500'000, 591)};
  rows.issued = {Issued("t1", 2, 10'000'000, 1), Issued("", 2, 10'000'000, 1)};
  const LendingReportFigures r = AggregateReport(kOctober, NplMeasure::kByBalance, rows);
  ASSERT_EQ(r.townships.size(), 2u);
  EXPECT_EQ(r.townships[0].township_id, "t1");
  EXPECT_EQ(r.townships[0].figures.cumulative_borrowers, 300);
  EXPECT_EQ(r.townships[1].figures.cumulative_borrowers, 292);
  EXPECT_EQ(r.totals.cumulative_count, 593);
  EXPECT_EQ(r.totals.cumulative_fen, 2'810'500'000);  // 28,105,000 CNY
  EXPECT_EQ(r.totals.cumulative_borrowers, 591);      // not 592
  EXPECT_EQ(r.totals.issued_count, 2);
  EXPECT_EQ(r.totals.issued_borrowers, 1);  // one household, two loans
  EXPECT_EQ(r.townships[1].figures.issued_count, 0);
}

TEST(LendingReport, OverdueIncludesNonPerformingAndTheRatioIsTheBreakers) {
  ReportRows rows;
  rows.standings = {Standing("t1", LoanClass::kNormal, 97, 9'700'000), Standing("t1", LoanClass::kOverdue, 1, 100'000),
                    Standing("t1", LoanClass::kNonPerforming, 2, 300'000),
                    Standing("t2", LoanClass::kNonPerforming, 1, 299'999),
                    Standing("t2", LoanClass::kNormal, 9, 9'700'001)};
  const LendingReportFigures by_balance = AggregateReport(kOctober, NplMeasure::kByBalance, rows);
  const LendingFigures& t1 = by_balance.townships[0].figures;
  EXPECT_EQ(t1.outstanding_count, 100);
  EXPECT_EQ(t1.outstanding_fen, 10'100'000);
  EXPECT_EQ(t1.overdue_count, 3);
  EXPECT_EQ(t1.overdue_fen, 400'000);
  EXPECT_EQ(t1.npl_count, 2);
  EXPECT_EQ(t1.npl_fen, 300'000);
  EXPECT_EQ(t1.npl_ratio_bp, 297);  // 300,000 / 10,100,000 = 2.97%
  // 299,999 of 10,000,000 is 2.99999%: 299 bp, rounded down as the breaker compares.
  EXPECT_EQ(by_balance.townships[1].figures.npl_ratio_bp, 299);
  // The county: 599,999 of 20,100,000.
  EXPECT_EQ(by_balance.totals.npl_fen, 599'999);
  EXPECT_EQ(by_balance.totals.outstanding_fen, 20'100'000);
  EXPECT_EQ(by_balance.totals.npl_ratio_bp, 298);
  // By count: 2 of 100 and 1 of 10.
  const LendingReportFigures by_count = AggregateReport(kOctober, NplMeasure::kByCount, rows);
  EXPECT_EQ(by_count.townships[0].figures.npl_ratio_bp, 200);
  EXPECT_EQ(by_count.townships[1].figures.npl_ratio_bp, 1000);
  EXPECT_EQ(by_count.totals.npl_ratio_bp, 272);  // 3 of 110
  EXPECT_EQ(AggregateReport(kOctober, NplMeasure::kByBalance, {}).totals.npl_ratio_bp, 0);  // nothing lent
}

TEST(LendingReport, SuspendedTownshipsAreThoseNotLendingAtTheEnd) {
  ReportRows rows;
  rows.breakers = {{"t1", BreakerState::kSuspended}, {"t2", BreakerState::kRectifying}, {"t3", BreakerState::kOpen}};
  rows.applications = {{"t3", ApplicationState::kSubmitted, 2}, {"t1", ApplicationState::kSubmitted, 1},
                       {"t1", ApplicationState::kDisbursed, 4}};
  const LendingReportFigures r = AggregateReport(kOctober, NplMeasure::kByBalance, rows);
  EXPECT_EQ(r.suspended_townships, 2);
  ASSERT_EQ(r.townships.size(), 3u);
  EXPECT_EQ(r.townships[2].state, BreakerState::kOpen);
  EXPECT_EQ(r.totals.applications.at(ApplicationState::kSubmitted), 3);
  EXPECT_EQ(r.totals.applications.at(ApplicationState::kDisbursed), 4);
  EXPECT_EQ(r.townships[0].figures.applications.at(ApplicationState::kDisbursed), 4);
}

TEST(LendingReport, TheLendingTallyCountsABorrowerOncePerTownshipAndOnceInTheCounty) {
  LendingTally tally;
  // In borrower order: b1 twice in t1 and once in t2, b2 once in t2.
  tally.Add("b1", "t1", 100);
  tally.Add("b1", "t1", 200);
  tally.Add("b1", "t2", 300);
  tally.Add("b2", "t2", 400);
  const std::vector<IssuedRow> rows = tally.Rows();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].township_id, "t1");
  EXPECT_EQ(rows[0].count, 2);
  EXPECT_EQ(rows[0].amount_fen, 300);
  EXPECT_EQ(rows[0].borrowers, 1);
  EXPECT_EQ(rows[1].township_id, "t2");
  EXPECT_EQ(rows[1].borrowers, 2);
  EXPECT_EQ(rows[2].township_id, "");  // the county
  EXPECT_EQ(rows[2].count, 4);
  EXPECT_EQ(rows[2].amount_fen, 1'000);
  EXPECT_EQ(rows[2].borrowers, 2);
  EXPECT_EQ(LendingTally().Rows().size(), 1u);  // nothing lent: the county's row of zeros
}

TEST(LendingReport, TheStandingTallyKeepsEachLoansLastRow) {
  StandingTally tally;
  // l1: normal, then non-performing; l2: active, then settled; l3: one row.
  tally.Add("l1", "t1", true, LoanClass::kNormal, 5'000);
  tally.Add("l1", "t1", true, LoanClass::kNonPerforming, 5'000);
  tally.Add("l2", "t1", true, LoanClass::kOverdue, 3'000);
  tally.Add("l2", "t1", false, LoanClass::kNormal, 0);
  tally.Add("l3", "t2", true, LoanClass::kNormal, 2'000);
  const std::vector<StandingRow> rows = tally.Rows();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].township_id, "t1");
  EXPECT_EQ(rows[0].loan_class, LoanClass::kNonPerforming);
  EXPECT_EQ(rows[0].count, 1);
  EXPECT_EQ(rows[0].balance_fen, 5'000);
  EXPECT_EQ(rows[1].township_id, "t2");
  EXPECT_EQ(rows[1].loan_class, LoanClass::kNormal);
  EXPECT_EQ(rows[1].balance_fen, 2'000);
}

Application WithSteps(std::vector<std::pair<ApplicationEvent, absl::Time>> steps) {
  Application a;
  a.guarantee_required = false;
  a.create_time = At(9, 20);
  for (const auto& [event, at] : steps) {
    StepRecord s;
    s.event = event;
    s.at = at;
    a.steps.push_back(s);
  }
  return a;
}

TEST(LendingReport, AnApplicationsStateAtAnInstantIsReplayedFromItsSteps) {
  using E = ApplicationEvent;
  const Application a = WithSteps({{E::kSubmit, At(9, 25)},
                                   {E::kRecordSurvey, At(10, 8)},
                                   {E::kApprove, At(10, 20)},
                                   {E::kRecordInsurance, At(11, 2)},
                                   {E::kSignContract, At(11, 3)},
                                   {E::kDisburse, At(11, 5)}});
  EXPECT_EQ(ApplicationStateAt(a, At(9, 20, 0)), std::nullopt);  // not yet created
  EXPECT_EQ(ApplicationStateAt(a, At(9, 21)), ApplicationState::kDraft);
  EXPECT_EQ(ApplicationStateAt(a, At(10, 1, 0)), ApplicationState::kSubmitted);
  EXPECT_EQ(ApplicationStateAt(a, At(11, 1, 0)), ApplicationState::kApproved);  // end of October
  EXPECT_EQ(ApplicationStateAt(a, At(12, 1, 0)), ApplicationState::kDisbursed);

  const absl::Time october_start = At(10, 1, 0), october_end = At(11, 1, 0);
  const absl::Time november_end = At(12, 1, 0);
  EXPECT_EQ(ReportedApplicationState(a, october_start, october_end), ApplicationState::kApproved);
  // Disbursed in November: counted in November, not in December.
  EXPECT_EQ(ReportedApplicationState(a, october_end, november_end), ApplicationState::kDisbursed);
  EXPECT_EQ(ReportedApplicationState(a, november_end, At(12, 31, 23)), std::nullopt);
}

TEST(LendingReport, ABreakersStateAtAnInstantComesFromItsHistory) {
  TownshipBreakerRecord r;
  r.history = {{BreakerState::kOpen, At(9, 1)},
               {BreakerState::kSuspended, At(10, 10)},
               {BreakerState::kRectifying, At(10, 20)},
               {BreakerState::kOpen, At(11, 15)}};
  EXPECT_EQ(BreakerStateAt(r, At(10, 1, 0)), BreakerState::kOpen);
  EXPECT_EQ(BreakerStateAt(r, At(11, 1, 0)), BreakerState::kRectifying);
  EXPECT_EQ(BreakerStateAt(r, At(12, 1, 0)), BreakerState::kOpen);

  // A record without history: its last suspension, plan and lift.
  TownshipBreakerRecord old;
  old.suspend_time = At(10, 10);
  old.plan = RectificationPlan{};
  old.plan->file_time = At(10, 20);
  old.lift_time = At(11, 15);
  EXPECT_EQ(BreakerStateAt(old, At(10, 1, 0)), BreakerState::kOpen);
  EXPECT_EQ(BreakerStateAt(old, At(10, 15)), BreakerState::kSuspended);
  EXPECT_EQ(BreakerStateAt(old, At(11, 1, 0)), BreakerState::kRectifying);
  EXPECT_EQ(BreakerStateAt(old, At(12, 1, 0)), BreakerState::kOpen);
}

}  // namespace
}  // namespace huinong::loans
