// ServicingService's monthly report and quarterly bulletin through the real
// server against a real MariaDB (loans_fixture.h), on a business clock
// standing at 3 December 2026. The county's lending is written through
// svc-loans's store as disbursement and servicing write it (InsertLoan
// records each loan's first standing; UpdateLoanServicing a change of class
// on its posting day), with the seeds' figures (000:1423-1437): 591
// households and 28,105,000 CNY lent since the programme began, of which 28
// households and 1,000,000 CNY new in the year.
#include <gtest/gtest.h>

#include "svc-loans/tests/reports_fixture.h"

namespace huinong::loans::reports_api_test {

TEST_F(Reports, TheSeedsFiguresAreReproduced) {
  SeedCounty();
  // Before the year: 563 households, 27,105,000 CNY.
  const v1::LendingReport december = Month("2025-12");
  EXPECT_EQ(december.period(), "2025-12");
  EXPECT_EQ(december.totals().cumulative_borrowers(), 563);
  EXPECT_EQ(december.totals().cumulative_amount().fen(), 27'105'000 * kYuan);
  EXPECT_EQ(december.totals().issued_count(), 0);

  // The year's three bulletins: 28 households, 1,000,000 CNY new.
  int64_t households = 0, amount = 0, loans = 0;
  for (const char* q : {"2026Q1", "2026Q2", "2026Q3"}) {
    const v1::LendingReport bulletin = Quarter(q);
    households += bulletin.totals().issued_borrowers();
    amount += bulletin.totals().issued_amount().fen();
    loans += bulletin.totals().issued_count();
  }
  EXPECT_EQ(households, 28);
  EXPECT_EQ(amount, 1'000'000 * kYuan);
  EXPECT_EQ(loans, 29);  // one household borrowed twice

  // Cumulative at the year's third quarter: 591 households, 28,105,000 CNY.
  const v1::LendingReport q3 = Quarter("2026Q3");
  EXPECT_EQ(q3.period(), "2026Q3");
  EXPECT_EQ(Day(q3.first_day()), absl::CivilDay(2026, 7, 1));
  EXPECT_EQ(Day(q3.last_day()), absl::CivilDay(2026, 9, 30));
  EXPECT_EQ(q3.totals().cumulative_borrowers(), 591);
  EXPECT_EQ(q3.totals().cumulative_count(), 592);
  EXPECT_EQ(q3.totals().cumulative_amount().fen(), 28'105'000 * kYuan);
  // Nothing repaid: all of it outstanding, all of it sound.
  EXPECT_EQ(q3.totals().outstanding_balance().fen(), 28'105'000 * kYuan);
  EXPECT_EQ(q3.totals().outstanding_count(), 592);
  EXPECT_EQ(q3.totals().npl_ratio_bp(), 0);
  // The townships add up to the county.
  ASSERT_EQ(q3.townships_size(), 2);
  EXPECT_EQ(q3.townships(0).figures().cumulative_amount().fen() + q3.townships(1).figures().cumulative_amount().fen(),
            28'105'000 * kYuan);
  EXPECT_EQ(q3.townships(0).figures().cumulative_borrowers() + q3.townships(1).figures().cumulative_borrowers(), 591);
  EXPECT_EQ(q3.townships(0).display_name(), "town1");
  EXPECT_EQ(q3.county_display_name(), "county");
  // No subsidy claims in the quarter: reported as none.
  ASSERT_TRUE(q3.has_subsidies());
  EXPECT_EQ(q3.subsidies().applied_count(), 0);
  EXPECT_EQ(q3.subsidies().paid_count(), 0);
}

// The seeds' subsidy figure (000:1423-1437): 110 households paid 204,500
// CNY. Claims count in the month they were filed and in the month the
// finance bureau paid them, whatever became of them since.
TEST_F(Reports, SubsidiesCountInTheMonthsTheyWereFiledAndPaid) {
  auto claim = [&](int i, int64_t fen, const std::string& state) {
    const std::unique_ptr<sql::PreparedStatement> q(conn_->prepareStatement(
        "INSERT INTO subsidy_claims (id, loan_id, borrower_id, unit_id, township_id, county_id, state, period_start,"
        " period_end, amount_fen, policy_id, body_json, version, create_time, update_time)"
        " VALUES (?, 'L', 'B', 'v11', 'town1', 'county', ?, '2025-09-01', '2026-08-31', ?, 'P', ?, 1,"
        " '2026-09-15 02:00:00', '2026-10-10 02:00:00')"));
    q->setString(1, absl::StrFormat("01CLAIM%019d", i));
    q->setInt(2, state == "PAID" ? 4 : 5);  // SubsidyClaimState PAID, CLAWED_BACK
    q->setInt64(3, fen);
    q->setString(4, absl::StrFormat(R"({"payment":{"amount_fen":%d,"paid_date":"2026-10-10"}})", fen));
    q->executeUpdate();
  };
  for (int i = 0; i < 109; ++i) claim(i, 1'850 * kYuan, "PAID");
  claim(109, 2'850 * kYuan, "CLAWED_BACK");  // paid in October, clawed back since

  const v1::LendingReport september = Month("2026-09");
  ASSERT_TRUE(september.has_subsidies());
  EXPECT_EQ(september.subsidies().applied_count(), 110);
  EXPECT_EQ(september.subsidies().applied_amount().fen(), 204'500 * kYuan);
  EXPECT_EQ(september.subsidies().paid_count(), 0);

  const v1::LendingReport october = Month("2026-10");
  EXPECT_EQ(october.subsidies().applied_count(), 0);
  EXPECT_EQ(october.subsidies().paid_count(), 110);
  EXPECT_EQ(october.subsidies().paid_amount().fen(), 204'500 * kYuan);
}

// The seeds' 7,000,000 CNY fund (000:1423-1437): October's report shows it
// whole with a claim still under review; November's, the claim paid and
// the balance after the payout.
TEST_F(Reports, TheFundStandsInEachMonthAsItWasThen) {
  SeedFund();

  const v1::LendingReport october = Month("2026-10");
  ASSERT_TRUE(october.has_fund());
  EXPECT_EQ(october.fund().balance().fen(), 7'000'000 * kYuan);
  ASSERT_EQ(october.fund().claims_size(), 1);
  EXPECT_EQ(october.fund().claims(0).state(), v1::COMPENSATION_CLAIM_STATE_SUBMITTED);
  EXPECT_EQ(october.fund().claims(0).amount().fen(), 25'000 * kYuan);

  const v1::LendingReport november = Month("2026-11");
  EXPECT_EQ(november.fund().balance().fen(), 6'975'000 * kYuan);
  ASSERT_EQ(november.fund().claims_size(), 1);
  EXPECT_EQ(november.fund().claims(0).state(), v1::COMPENSATION_CLAIM_STATE_PAID);
  // Before the fund existed: none.
  EXPECT_FALSE(Month("2026-02").has_fund());
}

TEST_F(Reports, ALoanThatTurnsBadInNovemberLeavesOctoberAsItWas) {
  const Loan sound = Disburse("01HOUSEHOLDA00000000000001", "town1", absl::CivilDay(2026, 3, 2), 50'000 * kYuan);
  Disburse("01HOUSEHOLDA00000000000002", "town1", absl::CivilDay(2026, 4, 2), 50'000 * kYuan);
  // Overdue from 5 October, non-performing from 10 November (posting days).
  const Loan overdue = Service(sound, LoanClass::kOverdue, 50'000 * kYuan, absl::CivilDay(2026, 10, 5));
  const v1::LendingReport october = Month("2026-10");
  EXPECT_EQ(october.totals().overdue_count(), 1);
  EXPECT_EQ(october.totals().overdue_balance().fen(), 50'000 * kYuan);
  EXPECT_EQ(october.totals().npl_count(), 0);
  EXPECT_EQ(october.totals().npl_ratio_bp(), 0);

  Service(overdue, LoanClass::kNonPerforming, 50'000 * kYuan, absl::CivilDay(2026, 11, 10));
  // Today's loans columns say non-performing; October still reads what stood then.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM loans WHERE classification = 3"), 1);
  EXPECT_EQ(Figures(Month("2026-10")), Figures(october));

  const v1::LendingReport november = Month("2026-11");
  EXPECT_EQ(november.totals().npl_count(), 1);
  EXPECT_EQ(november.totals().npl_balance().fen(), 50'000 * kYuan);
  EXPECT_EQ(november.totals().overdue_count(), 1);  // non-performing is past due too
  EXPECT_EQ(november.totals().npl_ratio_bp(), 5'000);  // 50,000 of 100,000
  EXPECT_EQ(Township(november, "town1")->figures().npl_ratio_bp(), 5'000);
}

TEST_F(Reports, AHouseholdWithTwoLoansCountsOnce) {
  const std::string household = "01HOUSEHOLDB00000000000001";
  Disburse(household, "town1", absl::CivilDay(2026, 10, 8), 20'000 * kYuan);
  Disburse(household, "town1", absl::CivilDay(2026, 10, 20), 30'000 * kYuan);
  // The same household again in November, in the other township (it moved).
  Disburse(household, "town2", absl::CivilDay(2026, 11, 3), 10'000 * kYuan);
  Disburse("01HOUSEHOLDB00000000000002", "town2", absl::CivilDay(2026, 11, 4), 10'000 * kYuan);

  const v1::LendingReport october = Month("2026-10");
  EXPECT_EQ(october.totals().issued_count(), 2);
  EXPECT_EQ(october.totals().issued_amount().fen(), 50'000 * kYuan);
  EXPECT_EQ(october.totals().issued_borrowers(), 1);
  EXPECT_EQ(Township(october, "town1")->figures().issued_borrowers(), 1);

  const v1::LendingReport november = Month("2026-11");
  EXPECT_EQ(november.totals().issued_borrowers(), 2);
  EXPECT_EQ(november.totals().cumulative_count(), 4);
  // One household in each township, and the county counts it once.
  EXPECT_EQ(Township(november, "town1")->figures().cumulative_borrowers(), 1);
  EXPECT_EQ(Township(november, "town2")->figures().cumulative_borrowers(), 2);
  EXPECT_EQ(november.totals().cumulative_borrowers(), 2);
}

TEST_F(Reports, AQuarterSumsItsMonthsIssuesAndStandsAsItsLastDay) {
  const Loan july = Disburse("01HOUSEHOLDC00000000000001", "town1", absl::CivilDay(2026, 7, 6), 40'000 * kYuan);
  Disburse("01HOUSEHOLDC00000000000002", "town2", absl::CivilDay(2026, 8, 6), 30'000 * kYuan);
  Disburse("01HOUSEHOLDC00000000000003", "town2", absl::CivilDay(2026, 9, 6), 20'000 * kYuan);
  Disburse("01HOUSEHOLDC00000000000004", "town1", absl::CivilDay(2026, 10, 6), 10'000 * kYuan);
  // Half repaid in August, overdue in September, settled in October.
  const Loan half = Service(july, LoanClass::kNormal, 20'000 * kYuan, absl::CivilDay(2026, 8, 20));
  const Loan late = Service(half, LoanClass::kOverdue, 20'000 * kYuan, absl::CivilDay(2026, 9, 15));
  Service(late, LoanClass::kNormal, 0, absl::CivilDay(2026, 10, 2), LoanStatus::kSettled);

  const v1::LendingReport q3 = Quarter("2026Q3");
  int64_t count = 0, amount = 0, borrowers = 0;
  for (const char* m : {"2026-07", "2026-08", "2026-09"}) {
    const v1::LendingReport month = Month(m);
    count += month.totals().issued_count();
    amount += month.totals().issued_amount().fen();
    borrowers += month.totals().issued_borrowers();
  }
  EXPECT_EQ(q3.totals().issued_count(), count);
  EXPECT_EQ(q3.totals().issued_amount().fen(), amount);
  EXPECT_EQ(q3.totals().issued_amount().fen(), 90'000 * kYuan);
  EXPECT_EQ(q3.totals().issued_borrowers(), borrowers);  // three different households

  // Standings are the quarter's last day's, not a sum: September's.
  const v1::LendingReport september = Month("2026-09");
  EXPECT_EQ(q3.totals().outstanding_balance().fen(), september.totals().outstanding_balance().fen());
  EXPECT_EQ(q3.totals().outstanding_balance().fen(), (20'000 + 30'000 + 20'000) * kYuan);
  EXPECT_EQ(q3.totals().overdue_balance().fen(), 20'000 * kYuan);
  EXPECT_EQ(q3.totals().cumulative_amount().fen(), september.totals().cumulative_amount().fen());
  EXPECT_EQ(Month("2026-07").totals().outstanding_balance().fen(), 40'000 * kYuan);
  // Settled in October: out of October's outstanding, still in its cumulative.
  const v1::LendingReport october = Month("2026-10");
  EXPECT_EQ(october.totals().outstanding_count(), 3);
  EXPECT_EQ(october.totals().outstanding_balance().fen(), (30'000 + 20'000 + 10'000) * kYuan);
  EXPECT_EQ(october.totals().cumulative_amount().fen(), 100'000 * kYuan);
}

// An application written as the workflow writes it: each step's record
// with its time, the row's state and update time those of its last step.
Application Written(const std::string& id, const std::string& township,
                    const std::vector<std::pair<ApplicationEvent, absl::CivilDay>>& steps,
                    absl::CivilDay created) {
  Application a;
  a.id = id;
  a.borrower_id = "01HOUSEHOLDD00000000000001";
  a.unit_id = township == "town1" ? "v11" : "v21";
  a.township_id = township;
  a.county_id = "county";
  a.product_id = kPovertySmallLoanId;
  a.request.amount_fen = 50'000 * kYuan;
  a.guarantee_required = false;
  a.create_time = a.update_time = At(created);
  for (const auto& [event, day] : steps) {
    StepRecord s;
    s.event = event;
    s.by = "staff/someone";
    s.at = At(day);
    if (event == ApplicationEvent::kReject) s.note = "收入来源不稳定";
    EXPECT_TRUE(Take(a, s).ok());
    a.update_time = s.at;
  }
  return a;
}

TEST_F(Reports, ApplicationsAreCountedInTheStateTheyWereInAtTheMonthsEnd) {
  using E = ApplicationEvent;
  const absl::CivilDay sep(2026, 9, 10), oct(2026, 10, 12), nov(2026, 11, 12);
  const std::vector<Application> written = {
      // Submitted in October, surveyed in November: SUBMITTED at October's end.
      Written("01APPD0000000000000000001", "town1", {{E::kSubmit, oct}, {E::kRecordSurvey, nov}}, oct),
      // Disbursed in October: counted in October only.
      Written("01APPD0000000000000000002", "town1",
              {{E::kSubmit, sep}, {E::kRecordSurvey, sep}, {E::kApprove, sep}, {E::kRecordInsurance, sep},
               {E::kSignContract, oct}, {E::kDisburse, oct}},
              sep),
      // Rejected in September: not in October's report.
      Written("01APPD0000000000000000003", "town2", {{E::kSubmit, sep}, {E::kReject, sep}}, sep),
      // A draft since September, still one.
      Written("01APPD0000000000000000004", "town2", {}, sep),
      // Created in November: not in October's.
      Written("01APPD0000000000000000005", "town2", {{E::kSubmit, nov}}, nov),
  };
  for (const Application& a : written) ASSERT_TRUE(store::InsertApplication(*conn_, a).ok());

  auto states = [](const v1::LendingFigures& f) {
    std::map<v1::ApplicationState, int64_t> out;
    for (const v1::ApplicationStateCount& c : f.applications()) out[c.state()] = c.count();
    return out;
  };
  using M = std::map<v1::ApplicationState, int64_t>;
  EXPECT_EQ(states(Month("2026-10").totals()),
            (M{{v1::APPLICATION_STATE_SUBMITTED, 1}, {v1::APPLICATION_STATE_DISBURSED, 1},
               {v1::APPLICATION_STATE_DRAFT, 1}}));
  EXPECT_EQ(states(Month("2026-09").totals()),
            (M{{v1::APPLICATION_STATE_INSURED, 1}, {v1::APPLICATION_STATE_REJECTED, 1},
               {v1::APPLICATION_STATE_DRAFT, 1}}));
  EXPECT_EQ(states(Month("2026-11").totals()),
            (M{{v1::APPLICATION_STATE_SURVEYED, 1}, {v1::APPLICATION_STATE_SUBMITTED, 1},
               {v1::APPLICATION_STATE_DRAFT, 1}}));
  EXPECT_EQ(states(Township(Month("2026-10"), "town1")->figures()),
            (M{{v1::APPLICATION_STATE_SUBMITTED, 1}, {v1::APPLICATION_STATE_DISBURSED, 1}}));
}

TEST_F(Reports, ATownshipSuspendedAtTheMonthsEndIsReportedSoAfterItsLift) {
  TownshipBreakerRecord r;
  r.township_id = "town2";
  r.county_id = "county";
  r.breaker.state = BreakerState::kOpen;  // lifted in November
  r.history = {{BreakerState::kOpen, At(absl::CivilDay(2026, 9, 1))},
               {BreakerState::kSuspended, At(absl::CivilDay(2026, 10, 14))},
               {BreakerState::kRectifying, At(absl::CivilDay(2026, 10, 25))},
               {BreakerState::kOpen, At(absl::CivilDay(2026, 11, 6))}};
  r.update_time = At(absl::CivilDay(2026, 11, 6));
  ASSERT_TRUE(store::SaveTownshipBreaker(*conn_, r).ok());

  const v1::LendingReport september = Month("2026-09");
  EXPECT_EQ(september.suspended_townships(), 0);
  const v1::LendingReport october = Month("2026-10");
  EXPECT_EQ(october.suspended_townships(), 1);
  ASSERT_NE(Township(october, "town2"), nullptr);
  EXPECT_TRUE(Township(october, "town2")->suspended());
  EXPECT_EQ(Township(october, "town2")->lending_state(), v1::TOWNSHIP_LENDING_STATE_RECTIFYING);
  EXPECT_EQ(Month("2026-11").suspended_townships(), 0);
}

TEST_F(Reports, OnlyAPeriodThatHasEndedAndACountyAreReported) {
  v1::LendingReport r;
  grpc::Status s = Monthly("2026-12", &r);  // today is 3 December
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"month"}));

  v1::GetMonthlyReportRequest bad;
  bad.set_county("county");
  bad.set_month("2026/10");
  s = servicing_->GetMonthlyReport(Admin().get(), bad, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"county", "month"}));

  v1::GetQuarterlyBulletinRequest quarter;
  quarter.set_county("units/county");
  quarter.set_quarter("2026Q4");
  s = servicing_->GetQuarterlyBulletin(Admin().get(), quarter, &r);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"quarter"}));

  bad.set_county("units/town1");
  bad.set_month("2026-10");
  s = servicing_->GetMonthlyReport(Admin().get(), bad, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "LEVEL_MISMATCH");
}

TEST_F(Reports, TheCountyReviewReadsItAndAVillageClerkDoesNot) {
  v1::LendingReport r;
  EXPECT_TRUE(Monthly("2026-10", &r, "reviewer").ok());
  EXPECT_EQ(Monthly("2026-10", &r, "clerk11").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Monthly("2026-10", &r, "director1").error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

}  // namespace huinong::loans::reports_api_test
