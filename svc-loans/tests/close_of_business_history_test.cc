// What the close-of-business job leaves in a loan's history when it
// catches up after the bank booked repayments meanwhile, and the loan list's
// filters over what it wrote (close_of_business_fixture.h).
#include <gtest/gtest.h>

#include "svc-loans/tests/close_of_business_fixture.h"

namespace huinong::loans::close_of_business_test {

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

// A repayment booked while the job was down, on a day it had not closed:
// the county catching up ends with the history a nightly county has.
TEST_F(CloseOfBusiness, ARepaymentBookedDuringTheDowntimeLeavesTheHistoryOfEveryNight) {
  for (const std::string county : {"county", "county2"}) {
    AddLoan(county, 4, absl::CivilDay(2026, 3, 10), 12);  // first interest due 10 April
    ASSERT_NO_FATAL_FAILURE(RunOk(county, absl::CivilDay(2026, 4, 9)));
  }
  ASSERT_NO_FATAL_FAILURE(RunOk("county2", absl::CivilDay(2026, 5, 4)));  // overdue from 11 April
  // On 5 May the bank books April's interest in both counties, valued that day.
  const Instalment first = (*BuildSchedule(TermsOfLoan(NewLoan("county", 4, absl::CivilDay(2026, 3, 10), 12))))[0];
  const absl::Time september = clock_->Now();
  clock_->Set(absl::FromCivil(absl::CivilSecond(2026, 5, 5, 10, 0, 0), absl::FixedTimeZone(8 * 3600)));
  for (const std::string county : {"county", "county2"}) {
    v1::RecordRepaymentRequest req;
    req.set_request_id(NextRequestId());
    req.set_name("loans/" + LoanId(county, 4));
    req.mutable_repayment()->mutable_amount()->set_fen(first.interest_due_fen);
    *req.mutable_repayment()->mutable_value_date() = rpc::ToDate(clock_->Today());
    req.mutable_repayment()->set_bank_reference(absl::StrCat("RCC-", county, "-4"));
    v1::Repayment out;
    const grpc::Status s = servicing_->RecordRepayment(As("rcc-officer").get(), req, &out);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  clock_->Set(september);
  ASSERT_NO_FATAL_FAILURE(RunOk("county2", absl::CivilDay(2026, 8, 31)));
  ASSERT_NO_FATAL_FAILURE(RunOk("county", absl::CivilDay(2026, 8, 31)));
  const LoanState nightly = State(LoanId("county2", 4)), caught_up = State(LoanId("county", 4));
  EXPECT_EQ(caught_up.standings, nightly.standings);
  // Overdue from 11 April, sound again from 5 May, overdue from 11 May (May's interest).
  ASSERT_GE(nightly.standings.size(), 4u);
  EXPECT_EQ(nightly.standings[1], "2026-04-11 2 1 5000000");
  EXPECT_EQ(nightly.standings[2], "2026-05-05 1 0 5000000");
  EXPECT_EQ(nightly.standings[3], "2026-05-11 2 1 5000000");
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

}  // namespace huinong::loans::close_of_business_test
