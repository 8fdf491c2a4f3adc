// The close-of-business job (jobs/close_of_business_job.h) against a real
// MariaDB and the real server (loans_fixture.h), on a business clock
// standing at 2026-09-01 (Beijing): household small loans of 50,000 CNY at
// 435 bp, monthly interest with the principal at maturity (the seeds'
// pattern), written straight into the store with their schedules, then
// closed date by date — by the RPC (the kit's job) and by job objects of
// their own, each standing for a replica.
#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/api/close_of_business_mapping.h"
#include "svc-loans/src/app/repayments.h"
#include "svc-loans/src/domain/months.h"
#include "svc-loans/src/store/close_of_business_store.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/tests/applications_fixture.h"

namespace huinong::loans::close_of_business_test {

using applications_api_test::Applications;
using applications_api_test::kHousehold;
using applications_api_test::kSmall;
using applications_api_test::Policy;

constexpr int64_t kPrincipal = 5'000'000;

std::string LoanId(const std::string& county, int n) {
  return absl::StrFormat("01COB%sLOAN%012d", county == "county" ? "AAAA" : "BBBB", n);
}

// A loan's figures as the job leaves them, and its history.
struct LoanState {
  int status = 0;
  int classification = 0;
  int days_past_due = 0;
  int64_t outstanding = 0;
  int64_t version = 0;
  std::vector<std::string> standings;  // "YYYY-MM-DD class dpd outstanding"
  std::vector<std::string> reminders;  // "remind_on business_date"
};

class CloseOfBusiness : public Applications {
 protected:
  void SetUp() override {
    clock_ = BusinessClock::Settable(absl::FromCivil(absl::CivilSecond(2026, 9, 1, 10, 0, 0),
                                                     absl::FixedTimeZone(8 * 3600)),
                                     kDefaultCountyTimeZone);
    Applications::SetUp();
    // A second county with the same policy: what it catches up in one run
    // is compared with what the first closes date by date.
    org_->AddUnit("county2", type::v1::LEVEL_COUNTY);
    org_->AddUnit("town3", type::v1::LEVEL_TOWNSHIP, "county2");
    org_->AddUnit("v31", type::v1::LEVEL_VILLAGE, "town3");
    org_->Grant("operator", "loans.cob.run", "county");
    CountyPolicy second = Policy(SmallLoanModel::kGuaranteed);
    second.id = "01COUNTYPOLICY2SECOND00001";
    second.county_id = "county2";
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(store::InsertPolicy(**conn, second).ok());
  }

  Loan NewLoan(const std::string& county, int n, absl::CivilDay disbursed, int months) {
    Loan l;
    l.id = LoanId(county, n);
    l.application_id = l.id;
    const bool first = county == "county";
    l.place = LendingPlace{kHousehold, kSmall, first ? "v11" : "v31", first ? "town1" : "town3", county, "rcc"};
    l.bank_reference = "RCC-" + l.id;
    l.principal_fen = l.outstanding_principal_fen = kPrincipal;
    l.rate_bp = 435;
    l.disbursement_date = disbursed;
    l.term_months = months;
    l.maturity_date = AddMonths(disbursed, months);
    l.create_time = l.update_time = clock_->Now();
    return l;
  }

  Loan AddLoan(const std::string& county, int n, absl::CivilDay disbursed, int months) {
    const Loan l = NewLoan(county, n, disbursed, months);
    const absl::Status s = pool_->Transact([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(store::InsertLoan(conn, l));
      return StoreSchedule(conn, l);
    });
    EXPECT_TRUE(s.ok()) << s;
    return l;
  }

  absl::CivilDay FirstDue(const Loan& l) { return (*BuildSchedule(TermsOfLoan(l)))[0].due_date; }

  // A replica of its own: `holder` names it in the lease.
  std::unique_ptr<CloseOfBusinessJob> Replica(const std::string& holder, int batch = 2,
                                              absl::Duration ttl = absl::Seconds(30)) {
    return std::make_unique<CloseOfBusinessJob>(*pool_, clock_, CobSettings{batch, ttl, holder},
                                                CobAuditRecorders(), nullptr);
  }

  grpc::Status Run(const std::string& county, absl::CivilDay through, v1::CloseOfBusinessStatus* out,
                   std::unique_ptr<grpc::ClientContext> who = nullptr) {
    v1::RunCloseOfBusinessRequest req;
    req.set_request_id(NextRequestId());
    req.set_county("units/" + county);
    *req.mutable_through() = rpc::ToDate(through);
    return cob_->RunCloseOfBusiness(who ? who.get() : Admin().get(), req, out);
  }

  void RunOk(const std::string& county, absl::CivilDay through) {
    v1::CloseOfBusinessStatus out;
    const grpc::Status s = Run(county, through, &out);
    ASSERT_TRUE(s.ok()) << s.error_message();
    const type::v1::Date& d = out.last_closed_date();
    EXPECT_EQ(absl::CivilDay(d.year(), d.month(), d.day()), through);
  }

  std::vector<std::string> Strings(const std::string& sql) {
    std::vector<std::string> out;
    auto conn = pool_->Connect();
    EXPECT_TRUE(conn.ok());
    std::unique_ptr<sql::PreparedStatement> q((*conn)->prepareStatement(sql));
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) out.push_back(rs->getString(1));
    return out;
  }

  LoanState State(const std::string& id) {
    LoanState s;
    auto conn = pool_->Connect();
    EXPECT_TRUE(conn.ok());
    const absl::StatusOr<std::optional<Loan>> l = store::GetLoan(**conn, id);
    EXPECT_TRUE(l.ok() && l->has_value());
    if (!l.ok() || !l->has_value()) return s;
    s.status = static_cast<int>((*l)->status);
    s.classification = static_cast<int>((*l)->loan_class);
    s.days_past_due = (*l)->days_past_due;
    s.outstanding = (*l)->outstanding_principal_fen;
    s.version = (*l)->version;
    s.standings = Strings(absl::StrCat("SELECT CONCAT(as_of, ' ', classification, ' ', days_past_due, ' ',"
                                       " outstanding_principal_fen) FROM loan_standings WHERE loan_id = '", id,
                                       "' ORDER BY as_of"));
    s.reminders = Strings(absl::StrCat("SELECT CONCAT(remind_on, ' ', business_date) FROM maturity_reminders"
                                       " WHERE loan_id = '", id, "' ORDER BY maturity_date"));
    return s;
  }

  int64_t Events(const std::string& type) {
    const std::vector<audit::v1::Event> events = OutboxEvents();
    return std::count_if(events.begin(), events.end(),
                         [&](const audit::v1::Event& e) { return e.resource_type() == type; });
  }

  std::optional<store::CobProgress> Progress(const std::string& county) {
    auto conn = pool_->Connect();
    EXPECT_TRUE(conn.ok());
    return *store::LoadProgress(**conn, county, false);
  }
};

bool SameFigures(const LoanState& a, const LoanState& b) {
  return a.status == b.status && a.classification == b.classification && a.days_past_due == b.days_past_due &&
         a.outstanding == b.outstanding && a.version == b.version;
}

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

TEST_F(CloseOfBusiness, CatchingUpTakesWhatTheBankBookedMeanwhileOnItsValueDates) {
  // In each county, from 2026-03-10: loan 1 is paid off today (2026-09-01),
  // loan 2 repays 10,000 CNY today and stays open — both non-performing
  // since 2026-07-09, 90 days after their first missed due day — and loan 3's
  // first interest, due 2026-04-10, is booked today valued on its due day.
  // The first county's job was down from 2026-04-10 and catches up after the
  // bank booked all three; the second's ran every night.
  for (const std::string county : {"county", "county2"}) {
    for (int n = 1; n <= 3; ++n) AddLoan(county, n, absl::CivilDay(2026, 3, 10), 12);
    ASSERT_NO_FATAL_FAILURE(RunOk(county, absl::CivilDay(2026, 4, 9)));
  }
  const Loan third = NewLoan("county", 3, absl::CivilDay(2026, 3, 10), 12);
  const Instalment first = (*BuildSchedule(TermsOfLoan(third)))[0];
  ASSERT_EQ(first.due_date, absl::CivilDay(2026, 4, 10));
  const auto repay = [&](const std::string& county) {
    v1::GetPayoffQuoteRequest ask;
    ask.set_name("loans/" + LoanId(county, 1));
    v1::PayoffQuote quote;
    ASSERT_TRUE(servicing_->GetPayoffQuote(As("rcc-officer").get(), ask, &quote).ok());
    const std::pair<int64_t, absl::CivilDay> paid[] = {
        {quote.total().fen(), clock_->Today()}, {1'000'000, clock_->Today()}, {first.interest_due_fen, first.due_date}};
    for (int n = 1; n <= 3; ++n) {
      v1::RecordRepaymentRequest req;
      req.set_request_id(NextRequestId());
      req.set_name("loans/" + LoanId(county, n));
      req.mutable_repayment()->mutable_amount()->set_fen(paid[n - 1].first);
      *req.mutable_repayment()->mutable_value_date() = rpc::ToDate(paid[n - 1].second);
      req.mutable_repayment()->set_bank_reference(absl::StrCat("RCC-", county, "-", n));
      v1::Repayment out;
      const grpc::Status s = servicing_->RecordRepayment(As("rcc-officer").get(), req, &out);
      ASSERT_TRUE(s.ok()) << s.error_message();
    }
  };
  ASSERT_NO_FATAL_FAILURE(RunOk("county2", absl::CivilDay(2026, 8, 31)));
  ASSERT_NO_FATAL_FAILURE(repay("county2"));
  ASSERT_NO_FATAL_FAILURE(repay("county"));
  ASSERT_NO_FATAL_FAILURE(RunOk("county", absl::CivilDay(2026, 8, 31)));

  // Valued today, the repayments leave the same history either way.
  for (int n = 1; n <= 2; ++n) {
    const LoanState nightly = State(LoanId("county2", n)), caught_up = State(LoanId("county", n));
    EXPECT_EQ(caught_up.standings, nightly.standings) << n;
    EXPECT_EQ(caught_up.status, nightly.status) << n;
    EXPECT_EQ(caught_up.classification, nightly.classification) << n;
    EXPECT_EQ(caught_up.outstanding, nightly.outstanding) << n;
    EXPECT_TRUE(caught_up.reminders.empty()) << n;  // matures 2027-03-10: nothing owed yet
  }
  // Sound, overdue from 11 April, non-performing from 9 July, then today's
  // repayment — though the job closed those days only after it was booked.
  const LoanState paid = State(LoanId("county", 1));
  EXPECT_EQ(paid.standings, (std::vector<std::string>{"2026-03-10 1 0 5000000", "2026-04-11 2 1 5000000",
                                                      "2026-07-09 3 90 5000000", "2026-09-01 1 0 0"}));
  EXPECT_EQ(paid.status, static_cast<int>(LoanStatus::kSettled));
  const LoanState open = State(LoanId("county", 2));
  ASSERT_EQ(open.standings.size(), 4u);
  EXPECT_EQ(open.standings[2], "2026-07-09 3 90 5000000");
  EXPECT_EQ(open.status, static_cast<int>(LoanStatus::kActive));
  // Loan 3's first interest, valued on its due day: the nightly county had
  // closed April before it was booked and keeps April overdue; the county
  // catching up closes April with it, and the loan is first past due on 11
  // May (its second instalment).
  EXPECT_EQ(State(LoanId("county2", 3)).standings[1], "2026-04-11 2 1 5000000");
  EXPECT_EQ(State(LoanId("county", 3)).standings[1], "2026-05-11 2 1 5000000");

  // Worked again from 10 April: nothing more is written.
  const LoanState third_state = State(LoanId("county", 3));
  auto conn = pool_->Connect();
  ASSERT_TRUE(conn.ok());
  std::unique_ptr<sql::PreparedStatement>((*conn)->prepareStatement(
      "UPDATE close_of_business SET last_closed_date = '2026-04-09' WHERE county_id = 'county'"))->executeUpdate();
  const absl::StatusOr<CobRun> again = Replica("again")->RunThrough("county", absl::CivilDay(2026, 8, 31));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(State(LoanId("county", 1)).standings, paid.standings);
  EXPECT_EQ(State(LoanId("county", 2)).standings, open.standings);
  EXPECT_EQ(State(LoanId("county", 3)).standings, third_state.standings);
}

// ListLoans's filters over what the job wrote: class, days past due,
// borrower type, accountability — and refuses bad ones, naming each.
TEST_F(CloseOfBusiness, LoansAreListedByClassDaysPastDueBorrowerTypeAndAccountability) {
  AddLoan("county", 1, absl::CivilDay(2026, 3, 10), 12);  // first due 10 April: 143 days past due
  AddLoan("county", 2, absl::CivilDay(2026, 6, 11), 12);  // first due 11 July: 51 days past due
  AddLoan("county", 3, absl::CivilDay(2026, 8, 20), 12);  // nothing due yet
  ASSERT_NO_FATAL_FAILURE(RunOk("county", absl::CivilDay(2026, 8, 31)));
  Exec(absl::StrCat("UPDATE loans SET body_json = JSON_SET(body_json, '$.borrower_type', 3) WHERE id = '",
                    LoanId("county", 3), "'"));
  Exec(absl::StrCat("INSERT INTO loan_accountability (loan_id, idx, staff_id, kind, finding, documents_json,"
                    " recorded_by, record_time) VALUES ('", LoanId("county", 2), "', 0, 'staff/x', 1, '未尽调查',"
                    " '[]', 'staff/y', NOW(6))"));
  const auto listed = [&](const std::function<void(v1::ListLoansRequest&)>& filter) {
    v1::ListLoansRequest req;
    filter(req);
    v1::ListLoansResponse resp;
    const grpc::Status s = servicing_->ListLoans(Admin().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    std::vector<std::string> names;
    for (const v1::Loan& l : resp.loans()) names.push_back(l.name());
    return names;
  };
  const auto loan = [](int n) { return std::vector<std::string>{"loans/" + LoanId("county", n)}; };
  EXPECT_EQ(listed([](auto& r) { r.set_classification(v1::LOAN_CLASSIFICATION_NON_PERFORMING); }), loan(1));
  EXPECT_EQ(listed([](auto& r) { r.set_classification(v1::LOAN_CLASSIFICATION_OVERDUE); }), loan(2));
  EXPECT_EQ(listed([](auto& r) { r.set_min_days_past_due(52); }), loan(1));
  EXPECT_EQ(listed([](auto& r) { r.set_min_days_past_due(51); }).size(), 2u);
  EXPECT_EQ(listed([](auto& r) { r.set_borrower_type(v1::BORROWER_TYPE_COOPERATIVE); }), loan(3));
  EXPECT_EQ(listed([](auto& r) { r.set_with_accountability(true); }), loan(2));
  EXPECT_EQ(listed([](auto&) {}).size(), 3u);

  v1::ListLoansRequest bad;
  bad.set_classification(static_cast<v1::LoanClassification>(9));
  bad.set_borrower_type(static_cast<v1::BorrowerType>(42));
  bad.set_min_days_past_due(-1);
  v1::ListLoansResponse resp;
  const grpc::Status s = servicing_->ListLoans(Admin().get(), bad, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  std::set<std::string> fields;
  for (const rpc::FieldViolation& f : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) fields.insert(f.field);
  EXPECT_EQ(fields, (std::set<std::string>{"classification", "borrower_type", "min_days_past_due"}));
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
