// The close-of-business job (jobs/close_of_business_job.h) against a real
// MariaDB and the real server (loans_fixture.h), on a business clock
// standing at 2026-09-01 (Beijing): household small loans of 50,000 CNY at
// 435 bp, monthly interest with the principal at maturity (the seeds'
// pattern), written straight into the store with their schedules, then
// closed date by date — by the RPC (the kit's job) and by job objects of
// their own, each standing for a replica.
#include <gtest/gtest.h>

#include "svc-loans/tests/close_of_business_fixture.h"

namespace huinong::loans::close_of_business_test {

TEST_F(CloseOfBusiness, ALoanGoesOverdueThenNonPerformingAtNinetyDaysWithAStandingPerChange) {
  const Loan loan = AddLoan("county", 1, absl::CivilDay(2026, 3, 10), 12);
  const absl::CivilDay due = FirstDue(loan);
  ASSERT_EQ(due, absl::CivilDay(2026, 4, 10));

  ASSERT_NO_FATAL_FAILURE(RunOk("county", due));
  LoanState s = State(loan.id);
  EXPECT_EQ(s.classification, 1);  // due today, not yet past due
  EXPECT_EQ(s.days_past_due, 0);
  EXPECT_EQ(s.standings.size(), 1u);  // the disbursement's

  ASSERT_NO_FATAL_FAILURE(RunOk("county", due + 1));
  s = State(loan.id);
  EXPECT_EQ(s.classification, 2);
  EXPECT_EQ(s.days_past_due, 1);
  ASSERT_EQ(s.standings.size(), 2u);
  EXPECT_EQ(s.standings[1], "2026-04-11 2 1 5000000");

  ASSERT_NO_FATAL_FAILURE(RunOk("county", due + 89));  // catches up 88 dates
  s = State(loan.id);
  EXPECT_EQ(s.classification, 2);
  EXPECT_EQ(s.days_past_due, 89);
  EXPECT_EQ(s.standings.size(), 2u);  // the days moved, the class did not
  // Each month and quarter the run closed has its report stored.
  EXPECT_EQ(Strings("SELECT period FROM report_snapshots ORDER BY period"),
            (std::vector<std::string>{"2026-04", "2026-05", "2026-06", "2026Q2"}));

  ASSERT_NO_FATAL_FAILURE(RunOk("county", due + 90));
  s = State(loan.id);
  EXPECT_EQ(s.classification, 3);
  EXPECT_EQ(s.days_past_due, 90);
  ASSERT_EQ(s.standings.size(), 3u);
  EXPECT_EQ(s.standings[2], "2026-07-09 3 90 5000000");

  // The township was measured with the loan non-performing: 100% ≥ 3%, tripped.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM township_lending WHERE township_id = 'town1' AND state = 2"
                  " AND npl_numerator = 5000000 AND npl_denominator = 5000000"),
            1);
  EXPECT_EQ(Events("township_breaker"), 1);

  // Status: closed through due + 90, lag to yesterday (2026-08-31).
  v1::GetCloseOfBusinessStatusRequest req;
  req.set_county("units/county");
  v1::CloseOfBusinessStatus status;
  ASSERT_TRUE(cob_->GetCloseOfBusinessStatus(As("reviewer").get(), req, &status).ok());
  EXPECT_EQ(status.last_closed_date().day(), 9);
  EXPECT_EQ(status.lag_days(), absl::CivilDay(2026, 8, 31) - (due + 90));
  EXPECT_FALSE(status.running());
  EXPECT_EQ(Events("close_of_business"), 4);  // one per run
}

TEST_F(CloseOfBusiness, AReminderTwoMonthsBeforeMaturityOnceAndListed) {
  // Matures 2026-10-20: reminded on 2026-08-20 (000:1445).
  const Loan loan = AddLoan("county", 1, absl::CivilDay(2026, 2, 20), 8);
  ASSERT_NO_FATAL_FAILURE(RunOk("county", absl::CivilDay(2026, 8, 19)));
  EXPECT_TRUE(State(loan.id).reminders.empty());
  ASSERT_NO_FATAL_FAILURE(RunOk("county", absl::CivilDay(2026, 8, 20)));
  EXPECT_EQ(State(loan.id).reminders, std::vector<std::string>{"2026-08-20 2026-08-20"});
  ASSERT_NO_FATAL_FAILURE(RunOk("county", absl::CivilDay(2026, 8, 31)));
  EXPECT_EQ(State(loan.id).reminders.size(), 1u);
  EXPECT_EQ(Events("maturity_reminder"), 1);

  v1::ListMaturityRemindersRequest req;
  req.set_county("units/county");
  v1::ListMaturityRemindersResponse page;
  ASSERT_TRUE(cob_->ListMaturityReminders(Auditor().get(), req, &page).ok());
  ASSERT_EQ(page.reminders_size(), 1);
  EXPECT_EQ(page.reminders(0).name(), absl::StrCat("loans/", loan.id, "/maturityReminders/2026-10-20"));
  EXPECT_EQ(page.reminders(0).remind_on().day(), 20);
  EXPECT_EQ(page.reminders(0).outstanding_principal().fen(), kPrincipal);
  // A village clerk is not the county's reviewer.
  EXPECT_EQ(cob_->ListMaturityReminders(As("clerk11").get(), req, &page).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(CloseOfBusiness, ASecondRunOfADateChangesNothing) {
  const Loan a = AddLoan("county", 1, absl::CivilDay(2026, 3, 10), 12);
  const Loan b = AddLoan("county", 2, absl::CivilDay(2026, 6, 11), 4);  // reminded 2026-08-11
  const absl::CivilDay day(2026, 8, 20);
  ASSERT_NO_FATAL_FAILURE(RunOk("county", day));
  const LoanState first_a = State(a.id), first_b = State(b.id);
  const size_t events = OutboxEvents().size();
  ASSERT_EQ(first_b.reminders.size(), 1u);

  // The same date asked again: already closed, nothing to do.
  v1::CloseOfBusinessStatus out;
  ASSERT_TRUE(Run("county", day, &out).ok());
  EXPECT_EQ(out.dates_closed(), 0);
  // And the date worked again from scratch (its progress set back): the
  // same figures, no version moved, no standing, reminder or event more
  // than the run's own.
  ASSERT_EQ(Count("SELECT COUNT(*) FROM close_of_business"), 1);
  auto conn = pool_->Connect();
  ASSERT_TRUE(conn.ok());
  std::unique_ptr<sql::PreparedStatement>((*conn)->prepareStatement(
      "UPDATE close_of_business SET last_closed_date = '2026-08-19'"))->executeUpdate();
  ASSERT_TRUE(Replica("again")->RunThrough("county", day).ok());
  EXPECT_TRUE(SameFigures(State(a.id), first_a));
  EXPECT_EQ(State(a.id).standings, first_a.standings);
  EXPECT_TRUE(SameFigures(State(b.id), first_b));
  EXPECT_EQ(State(b.id).reminders, first_b.reminders);
  std::vector<audit::v1::Event> after = OutboxEvents();
  EXPECT_EQ(after.size(), events + 1);  // the second RPC's run event only
}

TEST_F(CloseOfBusiness, CatchingUpThreeMissedDatesEqualsThreeSingleRuns) {
  // In each county: loan 1 falls due on D1 and is past due from D2; loan 2
  // is reminded on D2 and falls due then; loan 3 is sound.
  const absl::CivilDay d1(2026, 4, 10), d2 = d1 + 1, d3 = d1 + 2;
  for (const std::string county : {"county", "county2"}) {
    AddLoan(county, 1, absl::CivilDay(2026, 3, 10), 12);
    AddLoan(county, 2, absl::CivilDay(2026, 3, 11), 3);   // matures 2026-06-11, reminded 2026-04-11
    AddLoan(county, 3, absl::CivilDay(2026, 3, 31), 12);  // first due 2026-04-30
    ASSERT_NO_FATAL_FAILURE(RunOk(county, d1 - 1));
  }
  ASSERT_NO_FATAL_FAILURE(RunOk("county", d1));
  ASSERT_NO_FATAL_FAILURE(RunOk("county", d2));
  ASSERT_NO_FATAL_FAILURE(RunOk("county", d3));
  v1::CloseOfBusinessStatus out;
  ASSERT_TRUE(Run("county2", d3, &out).ok());
  EXPECT_EQ(out.dates_closed(), 3);
  EXPECT_EQ(out.loans_processed(), 9);

  for (int n = 1; n <= 3; ++n) {
    const LoanState single = State(LoanId("county", n)), caught_up = State(LoanId("county2", n));
    EXPECT_TRUE(SameFigures(single, caught_up)) << n;
    EXPECT_EQ(single.standings, caught_up.standings) << n;
    EXPECT_EQ(single.reminders, caught_up.reminders) << n;
  }
  EXPECT_EQ(State(LoanId("county", 1)).days_past_due, 2);
  EXPECT_EQ(State(LoanId("county", 2)).reminders, std::vector<std::string>{"2026-04-11 2026-04-11"});
  EXPECT_EQ(State(LoanId("county", 2)).days_past_due, 1);
  EXPECT_EQ(State(LoanId("county", 3)).classification, 1);
  // Both townships measured alike (two of three loans overdue, none bad).
  EXPECT_EQ(Strings("SELECT CONCAT(state, ' ', npl_numerator, ' ', npl_denominator) FROM township_lending"
                    " ORDER BY township_id"),
            (std::vector<std::string>{"1 0 15000000", "1 0 15000000"}));
}

TEST_F(CloseOfBusiness, ThroughMayNotBeAfterYesterdayAndOnlyOperatorsRun) {
  v1::CloseOfBusinessStatus out;
  grpc::Status s = Run("county", absl::CivilDay(2026, 9, 1), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  const std::vector<rpc::FieldViolation> fields = rpc::FieldViolationsOf(rpc::FromGrpcStatus(s));
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields[0].field, "through");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM close_of_business"), 0);

  s = Run("town1", absl::CivilDay(2026, 8, 31), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);  // not a county
  s = Run("county", absl::CivilDay(2026, 8, 31), &out, As("reviewer"));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  s = Run("county", absl::CivilDay(2026, 8, 31), &out, AsStaff("operator", "county"));
  EXPECT_TRUE(s.ok()) << s.error_message();
}

TEST_F(CloseOfBusiness, AJobKilledHalfwayResumesAfterItsLastBatch) {
  for (int n = 1; n <= 5; ++n) AddLoan("county", n, absl::CivilDay(2026, 3, 10), 12);
  const absl::CivilDay day(2026, 4, 20);  // 10 days past due
  ASSERT_NO_FATAL_FAILURE(RunOk("county", day - 1));

  // Replica A dies in its second batch (two loans a batch): the first
  // batch stays, the second rolls back.
  std::unique_ptr<CloseOfBusinessJob> a = Replica("replica-a");
  a->SetBatchHookForTest([](const std::string&, absl::CivilDay, int batch) {
    return batch == 2 ? absl::UnavailableError("connection lost") : absl::OkStatus();
  });
  EXPECT_FALSE(a->RunThrough("county", day).ok());
  std::optional<store::CobProgress> p = Progress("county");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->last_closed_date, day - 1);
  EXPECT_EQ(p->working_date, day);
  EXPECT_EQ(p->last_loan_id, LoanId("county", 2));
  EXPECT_EQ(p->loans_done, 2);
  EXPECT_EQ(State(LoanId("county", 2)).days_past_due, 10);
  EXPECT_EQ(State(LoanId("county", 3)).days_past_due, 9);

  // Replica B resumes after loan 2: three loans, then the date is closed.
  std::unique_ptr<CloseOfBusinessJob> b = Replica("replica-b");
  const absl::StatusOr<CobRun> run = b->RunThrough("county", day);
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->loans_processed, 3);
  for (int n = 1; n <= 5; ++n) EXPECT_EQ(State(LoanId("county", n)).days_past_due, 10) << n;
  p = Progress("county");
  EXPECT_EQ(p->last_closed_date, day);
  EXPECT_FALSE(p->working_date.has_value());
}

TEST_F(CloseOfBusiness, ADeadLeaseHolderLeavesNoStuckLock) {
  AddLoan("county", 1, absl::CivilDay(2026, 3, 10), 12);
  // A replica takes the lease for one second, begins a batch (the row
  // locked) and dies: its connection closes mid-transaction.
  {
    auto dead = pool_->Connect();
    ASSERT_TRUE(dead.ok());
    ASSERT_TRUE(*store::TakeLease(**dead, "county", "replica-dead", absl::Seconds(1), clock_->Now()));
    (*dead)->setAutoCommit(false);
    ASSERT_TRUE(store::LoadProgress(**dead, "county", /*lock=*/true).ok());
    (*dead)->close();
  }
  std::unique_ptr<CloseOfBusinessJob> b = Replica("replica-b");
  // Its lease still runs: B is told so at once (no lock wait).
  const absl::Time asked = absl::Now();
  absl::StatusOr<CobRun> run = b->RunThrough("county", absl::CivilDay(2026, 8, 31));
  EXPECT_EQ(rpc::ReasonOf(run.status()), "COB_RUNNING");
  EXPECT_LT(absl::Now() - asked, absl::Seconds(1));
  // Once it lapses, B takes it over.
  absl::SleepFor(absl::Milliseconds(1100));
  run = b->RunThrough("county", absl::CivilDay(2026, 8, 31));
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->dates_closed, 1);
  EXPECT_FALSE(Progress("county")->lease_live);
}

TEST_F(CloseOfBusiness, RepaymentsDuringTheJobAreNeitherLostNorCountedTwice) {
  constexpr int kLoans = 12;
  for (int n = 1; n <= kLoans; ++n) AddLoan("county", n, absl::CivilDay(2026, 3, 10), 12);
  std::unique_ptr<CloseOfBusinessJob> job = Replica("replica-a", 2);
  job->SetBatchHookForTest([](const std::string&, absl::CivilDay, int) {
    absl::SleepFor(absl::Milliseconds(20));  // hold each batch's locks a while
    return absl::OkStatus();
  });
  absl::StatusOr<CobRun> run;
  std::thread closing([&] { run = job->RunThrough("county", absl::CivilDay(2026, 8, 31)); });
  // Meanwhile the bank repays 10,000 CNY of principal-and-interest on every loan.
  for (int n = kLoans; n >= 1; --n) {
    v1::RecordRepaymentRequest req;
    req.set_request_id(NextRequestId());
    req.set_name("loans/" + LoanId("county", n));
    req.mutable_repayment()->mutable_amount()->set_fen(1'000'000);
    *req.mutable_repayment()->mutable_value_date() = rpc::ToDate(absl::CivilDay(2026, 9, 1));
    req.mutable_repayment()->set_bank_reference(absl::StrCat("RCC-REPAY-", n));
    v1::Repayment out;
    const grpc::Status s = servicing_->RecordRepayment(As("rcc-officer").get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();  // no ASSERT: the job's thread is joined below
  }
  closing.join();
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM repayments"), kLoans);
  // Each loan's outstanding is its replay with its one repayment: the
  // job wrote none of its rows back from a stale read.
  auto conn = pool_->Connect();
  ASSERT_TRUE(conn.ok());
  for (int n = 1; n <= kLoans; ++n) {
    const std::optional<Loan> found = *store::GetLoan(**conn, LoanId("county", n));
    ASSERT_TRUE(found.has_value());
    const Loan& loan = *found;
    const absl::StatusOr<LoanStanding> standing = StandingOn(**conn, loan, clock_->Today());
    ASSERT_TRUE(standing.ok());
    ASSERT_EQ(standing->repayments.size(), 1u) << n;
    EXPECT_EQ(loan.outstanding_principal_fen, standing->replay.position.outstanding_principal_fen) << n;
    EXPECT_LT(loan.outstanding_principal_fen, kPrincipal) << n;
  }
  EXPECT_EQ(Progress("county")->last_closed_date, absl::CivilDay(2026, 8, 31));
}

}  // namespace huinong::loans::close_of_business_test
