// A report waits for the close of business to close its period's last
// day, and once closed is computed once and read back (reports_fixture.h).
#include <gtest/gtest.h>

#include "svc-loans/tests/reports_fixture.h"

namespace huinong::loans::reports_api_test {

// Once a period's last day is closed its figures cannot change: the job
// stores them then, and later requests read them back — the same figures.
TEST_F(Reports, AReportStoredWhenItsLastDayClosesReadsAsComputed) {
  SeedCounty();
  SeedFund();
  const Loan bad = Disburse("01HOUSEHOLDC00000000000001", "town2", absl::CivilDay(2026, 3, 2), 50'000 * kYuan);
  Service(bad, LoanClass::kNonPerforming, 50'000 * kYuan, absl::CivilDay(2026, 9, 15));
  const v1::LendingReport september = Month("2026-09"), q3 = Quarter("2026Q3"), october = Month("2026-10");
  ASSERT_GT(september.totals().npl_ratio_bp(), 0);
  ASSERT_EQ(october.fund().claims_size(), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM report_snapshots"), 0);  // computed, not stored

  for (const absl::CivilDay closed : {absl::CivilDay(2026, 9, 30), absl::CivilDay(2026, 10, 30),
                                      absl::CivilDay(2026, 10, 31)}) {
    const absl::Status s = StorePeriodReports(*conn_, "county", closed, clock_->zone(), clock_->Now());
    ASSERT_TRUE(s.ok()) << s;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM report_snapshots WHERE format = 1"), 3);  // 2026-09, 2026Q3, 2026-10
  EXPECT_EQ(Figures(Month("2026-09")), Figures(september));
  EXPECT_EQ(Figures(Quarter("2026Q3")), Figures(q3));
  EXPECT_EQ(Figures(Month("2026-10")), Figures(october));

  // What is answered is what is stored...
  Exec("UPDATE report_snapshots SET body_json = REPLACE(body_json, '\"suspended_townships\":0',"
       " '\"suspended_townships\":7') WHERE period = '2026-09'");
  EXPECT_EQ(Month("2026-09").suspended_townships(), 7);
  // ...unless it was stored in another format: then computed afresh.
  Exec("UPDATE report_snapshots SET format = 0 WHERE period = '2026-09'");
  EXPECT_EQ(Figures(Month("2026-09")), Figures(september));

  // A disbursement booked today valued back to 30 October changes October's
  // report: its stored figures are forgotten, September's and Q3's kept.
  Disburse("01HOUSEHOLDC00000000000002", "town1", absl::CivilDay(2026, 10, 30), 40'000 * kYuan);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM report_snapshots WHERE period = '2026-10'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM report_snapshots WHERE period IN ('2026-09', '2026Q3')"), 2);
  const v1::LendingReport late = Month("2026-10");
  EXPECT_EQ(late.totals().issued_count(), october.totals().issued_count() + 1);
  EXPECT_EQ(late.totals().cumulative_amount().fen(), october.totals().cumulative_amount().fen() + 40'000 * kYuan);
}

// A month whose last day the close-of-business job has not closed yet is
// still being written: refused, naming how far the county is closed.
TEST_F(Reports, AMonthTheJobHasNotClosedIsRefused) {
  ClosedThrough("2026-11-29");
  v1::LendingReport r;
  const grpc::Status s = Monthly("2026-11", &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "PERIOD_NOT_CLOSED");
  EXPECT_NE(s.error_message().find("through 2026-11-29"), std::string::npos) << s.error_message();
  EXPECT_TRUE(Monthly("2026-10", &r).ok());
  ClosedThrough("2026-11-30");
  EXPECT_TRUE(Monthly("2026-11", &r).ok());
}

}  // namespace huinong::loans::reports_api_test
