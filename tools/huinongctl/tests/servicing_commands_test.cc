// The servicing commands against canned svc-loans answers: `loan get|list|
// schedule|repay|quote|extend|visit|visits`, `loans cob run|status`, `loans reminders
// list` and `loans report`. For each, what goes on the wire (yuan as fen,
// dates, the request id, the etag fetched when not given), what the user sees,
// bad input refused before anything is sent, and the server's refusal shown
// with its reason. Figures of docs/schedules.md (50,000 CNY at 4.35%) and the
// seeds' report (591 households, 28,105,000 CNY cumulative).
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "common/rpc/status_details.h"
#include "google/protobuf/util/message_differencer.h"
#include "huinong/loans/v1/close_of_business_service.pb.h"
#include "huinong/loans/v1/servicing_service.pb.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/tests/command_test.h"

namespace huinong::ctl::testing {
namespace {

namespace v1 = ::huinong::loans::v1;

class ServicingCommandsTest : public CommandTest {};

bool Same(const google::protobuf::Message& a, const google::protobuf::Message& b) {
  return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

v1::Loan LoanL1() {
  v1::Loan loan;
  loan.set_name("loans/L1");
  loan.mutable_principal()->set_fen(5'000'000);
  loan.mutable_outstanding_principal()->set_fen(5'000'000);
  loan.set_rate_bp(435);
  loan.set_term_months(24);
  *loan.mutable_disbursement_date() = Day(2026, 12, 2);
  *loan.mutable_maturity_date() = Day(2028, 12, 2);
  loan.set_etag("4");
  return loan;
}

TEST_F(ServicingCommandsTest, ARepaymentGoesInFenWithItsDatesAndRequestId) {
  v1::Repayment answer;
  answer.set_name("loans/L1/repayments/R1");
  *answer.mutable_amount() = Fen(5'005'959);
  *answer.mutable_value_date() = Day(2026, 1, 25);
  *answer.mutable_posting_date() = Day(2026, 1, 26);
  answer.set_bank_reference("RCC-1");
  *answer.mutable_interest_paid() = Fen(5'959);
  *answer.mutable_principal_paid() = Fen(5'000'000);
  answer.set_settled(true);
  suite_.canned().Answer<v1::RecordRepaymentRequest>(answer);

  ASSERT_TRUE(Run({"loan", "repay", "L1", "--amount", "50,059.59", "--value-date", "2026-01-25", "--bank-reference",
                   "RCC-1", "--etag", "4", "--request-id", "rp-1"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::RecordRepaymentRequest>();
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->name(), "loans/L1");
  EXPECT_EQ(sent->request_id(), "rp-1");
  EXPECT_EQ(sent->etag(), "4");
  EXPECT_EQ(sent->repayment().amount().fen(), 5'005'959);
  EXPECT_TRUE(Same(sent->repayment().value_date(), Day(2026, 1, 25)));
  EXPECT_EQ(sent->repayment().bank_reference(), "RCC-1");
  EXPECT_THAT(out_, StartsWith("repaid loans/L1\n"));
  EXPECT_EQ(Row("interest paid"), "59.59");
  EXPECT_EQ(Row("outstanding"), "0.00 (settled)");
  EXPECT_EQ(Row("request_id"), "rp-1");

  // Without --request-id a fresh one is sent all the same.
  ASSERT_TRUE(Run({"loan", "repay", "L1", "--amount", "100", "--value-date", "2026-02-15", "--bank-reference", "RCC-2"})
                  .ok()) << out_;
  EXPECT_FALSE(suite_.canned().Last<v1::RecordRepaymentRequest>()->request_id().empty());
  EXPECT_EQ(suite_.canned().Last<v1::RecordRepaymentRequest>()->repayment().amount().fen(), 10'000);
}

TEST_F(ServicingCommandsTest, ARepaymentsBadInputIsRefusedBeforeItIsSent) {
  ExpectRefusedUnsent({"loan", "repay", "L1", "--amount", "50,059.599", "--value-date", "2026-01-25",
                       "--bank-reference", "RCC-1"}, "--amount");
  ExpectRefusedUnsent({"loan", "repay", "L1", "--amount", "5万", "--value-date", "2026-01-25", "--bank-reference",
                       "RCC-1"}, "--amount");
  ExpectRefusedUnsent({"loan", "repay", "L1", "--amount", "100", "--bank-reference", "RCC-1"}, "--value-date");
  ExpectRefusedUnsent({"loan", "repay", "L1", "--amount", "100", "--value-date", "2026-02-30", "--bank-reference",
                       "RCC-1"}, "--value-date");
  ExpectRefusedUnsent({"loan", "repay", "L1", "--amount", "100", "--value-date", "2026-02-15"}, "--bank-reference");
  ExpectRefusedUnsent({"loan", "repay", "--amount", "100", "--value-date", "2026-02-15", "--bank-reference", "R"},
                      "loan");
}

TEST_F(ServicingCommandsTest, TheServersRefusalIsShownWithItsReasonAndTheRequestIdToRetryWith) {
  suite_.canned().Refuse<v1::RecordRepaymentRequest>(
      rpc::FailedPrecondition("LOAN_WRITTEN_OFF", "the loan is written off: record a recovery"));
  const std::string text = ExpectServerRefusal({"loan", "repay", "L1", "--amount", "100", "--value-date",
                                                 "2026-02-15", "--bank-reference", "RCC-2", "--request-id", "rp-2"},
                                                absl::StatusCode::kFailedPrecondition, "LOAN_WRITTEN_OFF");
  EXPECT_THAT(text, HasSubstr("error: FAILED_PRECONDITION: the loan is written off: record a recovery"));
  EXPECT_THAT(text, HasSubstr("retry with --request-id=rp-2"));
  EXPECT_EQ(out_, "");
}

TEST_F(ServicingCommandsTest, AQuoteAsOfADayOrToday) {
  v1::PayoffQuote quote;
  quote.set_loan("loans/L1");
  *quote.mutable_as_of() = Day(2026, 1, 25);
  *quote.mutable_principal() = Fen(5'000'000);
  *quote.mutable_interest() = Fen(5'959);
  *quote.mutable_total() = Fen(5'005'959);
  suite_.canned().Answer<v1::GetPayoffQuoteRequest>(quote);

  ASSERT_TRUE(Run({"loan", "quote", "loans/L1", "--as-of", "2026-01-25"}).ok()) << out_;
  auto sent = suite_.canned().Last<v1::GetPayoffQuoteRequest>();
  EXPECT_EQ(sent->name(), "loans/L1");
  EXPECT_TRUE(Same(sent->as_of(), Day(2026, 1, 25)));
  EXPECT_EQ(Row("total"), "50,059.59");
  EXPECT_EQ(Row("interest"), "59.59");

  ASSERT_TRUE(Run({"loan", "quote", "L1"}).ok()) << out_;
  EXPECT_FALSE(suite_.canned().Last<v1::GetPayoffQuoteRequest>()->has_as_of());  // the server's today

  const absl::Status bad = Run({"loan", "quote", "L1", "--as-of", "25.01.2026"});
  EXPECT_TRUE(IsUsageError(bad));
  EXPECT_THAT(std::string(bad.message()), HasSubstr("--as-of"));
  EXPECT_EQ(suite_.canned().Calls().size(), 2u);  // the two above, not this one
}

TEST_F(ServicingCommandsTest, AScheduleIsAskedForByItsLoan) {
  v1::RepaymentSchedule schedule;
  schedule.set_loan("loans/L1");
  schedule.set_rate_bp(435);
  v1::Instalment* first = schedule.add_instalments();
  first->set_index(1);
  *first->mutable_due_date() = Day(2027, 1, 2);
  first->set_days(31);
  *first->mutable_interest_due() = Fen(18'473);
  *schedule.mutable_total_principal() = Fen(5'000'000);
  *schedule.mutable_total_interest() = Fen(435'000);
  suite_.canned().Answer<v1::GetRepaymentScheduleRequest>(schedule);
  ASSERT_TRUE(Run({"loan", "schedule", "L1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetRepaymentScheduleRequest>()->name(), "loans/L1");
  EXPECT_THAT(out_, HasSubstr("2027-01-02"));
  EXPECT_THAT(out_, HasSubstr("184.73"));
  EXPECT_THAT(out_, HasSubstr("total principal 50,000.00, interest 4,350.00\n"));
  ExpectRefusedUnsent({"loan", "schedule"}, "loan");
}

TEST_F(ServicingCommandsTest, ALoanByItsName) {
  suite_.canned().Answer<v1::GetLoanRequest>(LoanL1());
  ASSERT_TRUE(Run({"loan", "get", "L1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetLoanRequest>()->name(), "loans/L1");
  EXPECT_EQ(Row("principal"), "50,000.00");
  EXPECT_EQ(Row("rate"), "435 bp (4.35%)");
  EXPECT_EQ(Row("term"), "24 months from 2026-12-02, matures 2028-12-02");
  EXPECT_EQ(Row("etag"), "4");
  ExpectRefusedUnsent({"loan", "get"}, "loan");
}

TEST_F(ServicingCommandsTest, AnExtensionFetchesTheEtagWhenNotGiven) {
  v1::Loan extended = LoanL1();
  v1::Extension* e = extended.add_extensions();
  e->set_months(12);
  *e->mutable_effective_date() = Day(2027, 6, 2);
  *e->mutable_previous_maturity_date() = Day(2028, 12, 2);
  *e->mutable_new_maturity_date() = Day(2029, 12, 2);
  e->set_policy("countyPolicies/P1");
  e->set_recorded_by("staff/B1");
  extended.set_etag("5");
  suite_.canned().Answer<v1::GetLoanRequest>(LoanL1());
  suite_.canned().Answer<v1::ExtendLoanRequest>(extended);

  ASSERT_TRUE(Run({"loan", "extend", "L1", "--months", "12", "--reason", "受灾减产", "--agreement",
                   "extension_agreement|固农信展字〔2027〕第0012号|https://docs.example.cn/ext-12.pdf", "--request-id",
                   "ext-1"}).ok()) << out_;
  EXPECT_THAT(suite_.canned().Calls(), ElementsAre("ServicingService/GetLoan", "ServicingService/ExtendLoan"));
  const auto sent = suite_.canned().Last<v1::ExtendLoanRequest>();
  EXPECT_EQ(sent->name(), "loans/L1");
  EXPECT_EQ(sent->etag(), "4");  // fetched
  EXPECT_EQ(sent->months(), 12);
  EXPECT_EQ(sent->reason(), "受灾减产");
  EXPECT_EQ(sent->document().kind(), "extension_agreement");
  EXPECT_EQ(sent->document().number(), "固农信展字〔2027〕第0012号");
  EXPECT_EQ(sent->document().uri(), "https://docs.example.cn/ext-12.pdf");
  EXPECT_EQ(sent->request_id(), "ext-1");
  EXPECT_THAT(out_, StartsWith("extended loans/L1 by 12 months\n"));
  EXPECT_EQ(Row("extended"), "+12 months on 2027-06-02: 2028-12-02 → 2029-12-02 (countyPolicies/P1, staff/B1)");

  ASSERT_TRUE(Run({"loan", "extend", "L1", "--months", "6", "--reason", "r", "--agreement", "docs://a.pdf", "--etag",
                   "9"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Calls().size(), 3u);  // no GetLoan this time
  EXPECT_EQ(suite_.canned().Last<v1::ExtendLoanRequest>()->etag(), "9");
}

TEST_F(ServicingCommandsTest, AnExtensionsBadInputIsRefusedBeforeItIsSent) {
  ExpectRefusedUnsent({"loan", "extend", "L1", "--months", "12", "--reason", "r"}, "--agreement");
  ExpectRefusedUnsent({"loan", "extend", "L1", "--months", "twelve", "--reason", "r", "--agreement", "docs://a"},
                      "months");
  ExpectRefusedUnsent({"loan", "extend", "L1", "--reason", "r", "--agreement", "docs://a"}, "--months");
  ExpectRefusedUnsent({"loan", "extend", "L1", "--months", "12", "--agreement", "docs://a"}, "--reason");
  ExpectRefusedUnsent({"loan", "extend", "L1", "--months", "12", "--reason", "r", "--agreement", "docs://a#abc"},
                      "--agreement");
}

TEST_F(ServicingCommandsTest, AnExtensionPastTheCapIsRefusedWithItsReason) {
  suite_.canned().Refuse<v1::ExtendLoanRequest>(
      rpc::FailedPrecondition("TERM_LIMIT", "the term with every extension would be 48 months, over 36"));
  ExpectServerRefusal({"loan", "extend", "L1", "--months", "24", "--reason", "r", "--agreement", "docs://a", "--etag",
                       "4"},
                      absl::StatusCode::kFailedPrecondition, "TERM_LIMIT");
}

TEST_F(ServicingCommandsTest, AReturnVisitWithEveryVisitorAndTheFollowUpSwitch) {
  v1::ReturnVisit visit;
  visit.set_name("loans/L1/returnVisits/V1");
  *visit.mutable_visit_date() = Day(2027, 3, 15);
  visit.add_visitors("staff/S1");
  visit.add_visitors("staff/S2");
  visit.set_findings("肉牛两头在栏，一头已售");
  visit.set_funds_use(v1::FUNDS_USE_DIVERTED);
  visit.set_production_status(v1::PRODUCTION_STATUS_DIFFICULTIES);
  visit.set_follow_up(true);
  visit.set_township("units/T1");
  visit.set_recorded_by("staff/S1");
  suite_.canned().Answer<v1::RecordReturnVisitRequest>(visit);

  ASSERT_TRUE(Run({"loan", "visit", "L1", "--date", "2027-03-15", "--visitor", "S1", "--visitor", "staff/S2",
                   "--findings", "肉牛两头在栏，一头已售", "--funds", "diverted", "--production", "difficulties",
                   "--follow-up", "--document", "visit_photo|https://docs.example.cn/v1.jpg", "--request-id", "v-1"})
                  .ok()) << out_;
  const auto sent = suite_.canned().Last<v1::RecordReturnVisitRequest>();
  EXPECT_EQ(sent->name(), "loans/L1");
  EXPECT_EQ(sent->request_id(), "v-1");
  EXPECT_TRUE(Same(sent->visit().visit_date(), Day(2027, 3, 15)));
  EXPECT_THAT(sent->visit().visitors(), ElementsAre("staff/S1", "staff/S2"));
  EXPECT_EQ(sent->visit().funds_use(), v1::FUNDS_USE_DIVERTED);
  EXPECT_EQ(sent->visit().production_status(), v1::PRODUCTION_STATUS_DIFFICULTIES);
  EXPECT_TRUE(sent->visit().follow_up());
  ASSERT_EQ(sent->visit().documents_size(), 1);
  EXPECT_EQ(sent->visit().documents(0).kind(), "visit_photo");
  EXPECT_THAT(out_, StartsWith("recorded a return visit of loans/L1\n"));
  EXPECT_EQ(Row("visitors"), "staff/S1, staff/S2");
  EXPECT_EQ(Row("funds"), "diverted");
  EXPECT_EQ(Row("follow up"), "yes");

  // Without the switch, no follow-up.
  ASSERT_TRUE(Run({"loan", "visit", "L1", "--date", "2027-03-15", "--visitor", "S1", "--findings", "正常", "--funds",
                   "as-contracted", "--production", "normal"}).ok()) << out_;
  EXPECT_FALSE(suite_.canned().Last<v1::RecordReturnVisitRequest>()->visit().follow_up());
}

TEST_F(ServicingCommandsTest, AReturnVisitsBadInputIsRefusedBeforeItIsSent) {
  const std::vector<std::string> good = {"loan",     "visit",   "L1",      "--date", "2027-03-15", "--visitor", "S1",
                                         "--findings", "正常", "--funds", "unused", "--production", "normal"};
  auto without = [&](const std::string& flag) {
    std::vector<std::string> words;
    for (size_t i = 0; i < good.size(); ++i) {
      if (good[i] == flag) {
        ++i;  // and its value
        continue;
      }
      words.push_back(good[i]);
    }
    return words;
  };
  for (const char* flag : {"--date", "--visitor", "--findings", "--funds", "--production"}) {
    ExpectRefusedUnsent(without(flag), flag);
  }
  std::vector<std::string> misused = good;
  misused[10] = "misused";  // --funds
  ExpectRefusedUnsent(misused, "--funds");
  std::vector<std::string> bad_date = good;
  bad_date[4] = "2027-3-32";
  ExpectRefusedUnsent(bad_date, "--date");
}

TEST_F(ServicingCommandsTest, ReturnVisitsOfATownshipNeedingFollowUp) {
  v1::ListReturnVisitsResponse visits;
  v1::ReturnVisit* v = visits.add_visits();
  v->set_name("loans/L1/returnVisits/V1");
  *v->mutable_visit_date() = Day(2027, 3, 15);
  v->set_funds_use(v1::FUNDS_USE_UNUSED);
  v->set_production_status(v1::PRODUCTION_STATUS_NOT_STARTED);
  v->set_follow_up(true);
  v->add_visitors("staff/S1");
  suite_.canned().Answer<v1::ListReturnVisitsRequest>(visits);
  ASSERT_TRUE(Run({"loan", "visits", "--township", "T1", "--follow-up"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::ListReturnVisitsRequest>();
  EXPECT_EQ(sent->name(), "");
  EXPECT_EQ(sent->township(), "units/T1");
  EXPECT_TRUE(sent->follow_up_only());
  EXPECT_THAT(out_, HasSubstr("loans/L1/returnVisits/V1  2027-03-15  unused  not-started  yes"));

  ASSERT_TRUE(Run({"loan", "visits", "L1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::ListReturnVisitsRequest>()->name(), "loans/L1");
  EXPECT_FALSE(suite_.canned().Last<v1::ListReturnVisitsRequest>()->follow_up_only());
}

TEST_F(ServicingCommandsTest, ALoanListSendsAMaturityRangeOnlyWhenOneIsAskedFor) {
  v1::ListLoansResponse loans;
  *loans.add_loans() = LoanL1();
  suite_.canned().Answer<v1::ListLoansRequest>(loans);
  ASSERT_TRUE(Run({"loan", "list", "--township", "T1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::ListLoansRequest>()->township(), "units/T1");
  EXPECT_FALSE(suite_.canned().Last<v1::ListLoansRequest>()->has_maturing());
  EXPECT_THAT(out_, HasSubstr("loans/L1"));

  ASSERT_TRUE(Run({"loan", "list", "--maturing-from", "2028-10-02"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::ListLoansRequest>();
  EXPECT_TRUE(Same(sent->maturing().start(), Day(2028, 10, 2)));
  EXPECT_FALSE(sent->maturing().has_end());  // open-ended, not 0000-00-00
  ExpectRefusedUnsent({"loan", "list", "--maturing-to", "2028-12-32"}, "--maturing-to");
}

v1::CloseOfBusinessStatus ClosedThrough1December() {
  v1::CloseOfBusinessStatus s;
  s.set_county("units/C1");
  *s.mutable_business_date() = Day(2026, 12, 2);
  *s.mutable_last_closed_date() = Day(2026, 12, 1);
  s.set_lag_days(0);
  s.set_dates_closed(3);
  s.set_loans_processed(1'773);  // 591 loans × 3 dates
  s.mutable_run_duration()->set_seconds(2);
  s.mutable_run_duration()->set_nanos(500'000'000);
  return s;
}

TEST_F(ServicingCommandsTest, CloseOfBusinessRunsThroughADayAndSaysWhereItStands) {
  suite_.canned().Answer<v1::RunCloseOfBusinessRequest>(ClosedThrough1December());
  ASSERT_TRUE(Run({"loans", "cob", "run", "--county", "C1", "--through", "2026-12-01", "--request-id", "cob-1"}).ok())
      << out_;
  const auto sent = suite_.canned().Last<v1::RunCloseOfBusinessRequest>();
  EXPECT_EQ(sent->county(), "units/C1");
  EXPECT_TRUE(Same(sent->through(), Day(2026, 12, 1)));
  EXPECT_EQ(sent->request_id(), "cob-1");
  EXPECT_THAT(out_, StartsWith("closed units/C1 through 2026-12-01\n"));
  EXPECT_EQ(Row("last closed"), "2026-12-01");
  EXPECT_EQ(Row("lag"), "0 days");
  EXPECT_EQ(Row("this run"), "3 dates, 1773 loans, 2.500 s");

  ExpectRefusedUnsent({"loans", "cob", "run", "--county", "C1"}, "--through");
  ExpectRefusedUnsent({"loans", "cob", "run", "--county", "C1", "--through", "2026-13-01"}, "--through");
  ExpectRefusedUnsent({"loans", "cob", "run", "--through", "2026-12-01"}, "--county");
}

TEST_F(ServicingCommandsTest, CloseOfBusinessRefusedThroughToday) {
  suite_.canned().Refuse<v1::RunCloseOfBusinessRequest>(
      rpc::FailedPrecondition("DATE_NOT_PAST", "2026-12-02 is not before the business date 2026-12-02"));
  ExpectServerRefusal({"loans", "cob", "run", "--county", "C1", "--through", "2026-12-02"},
                      absl::StatusCode::kFailedPrecondition, "DATE_NOT_PAST");
}

TEST_F(ServicingCommandsTest, CloseOfBusinessStatusOfACountyNeverClosedAndOneHalfway) {
  v1::CloseOfBusinessStatus never;
  never.set_county("units/C1");
  *never.mutable_business_date() = Day(2026, 12, 2);
  never.set_lag_days(-1);
  suite_.canned().Answer<v1::GetCloseOfBusinessStatusRequest>(never);
  ASSERT_TRUE(Run({"loans", "cob", "status", "--county", "units/C1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetCloseOfBusinessStatusRequest>()->county(), "units/C1");
  EXPECT_EQ(Row("last closed"), "never");
  EXPECT_EQ(Row("lag"), "never closed");
  EXPECT_EQ(Row("running"), "no");

  v1::CloseOfBusinessStatus halfway = ClosedThrough1December();
  halfway.clear_dates_closed();
  halfway.clear_loans_processed();
  halfway.set_lag_days(1);
  halfway.set_running(true);
  *halfway.mutable_working_date() = Day(2026, 12, 2);
  halfway.set_working_loans_done(300);
  suite_.canned().Answer<v1::GetCloseOfBusinessStatusRequest>(halfway);
  ASSERT_TRUE(Run({"loans", "cob", "status", "--county", "C1"}).ok()) << out_;
  EXPECT_EQ(Row("lag"), "1 days");
  EXPECT_EQ(Row("running"), "yes (a replica holds the lease)");
  EXPECT_EQ(Row("working on"), "2026-12-02, 300 loans done (a run stopped halfway; the next resumes)");

  ExpectRefusedUnsent({"loans", "cob", "status"}, "--county");
}

TEST_F(ServicingCommandsTest, MaturityRemindersBetweenTwoDays) {
  v1::ListMaturityRemindersResponse reminders;
  v1::MaturityReminder* r = reminders.add_reminders();
  r->set_loan("loans/L1");
  *r->mutable_remind_on() = Day(2028, 10, 2);
  *r->mutable_maturity_date() = Day(2028, 12, 2);
  *r->mutable_outstanding_principal() = Fen(5'000'000);
  r->set_township("units/T1");
  r->set_village("units/V1");
  r->set_bank("units/B1");
  suite_.canned().Answer<v1::ListMaturityRemindersRequest>(reminders);
  ASSERT_TRUE(Run({"loans", "reminders", "list", "--county", "C1", "--from", "2028-10-01", "--to", "2028-10-31"}).ok())
      << out_;
  const auto sent = suite_.canned().Last<v1::ListMaturityRemindersRequest>();
  EXPECT_EQ(sent->county(), "units/C1");
  EXPECT_TRUE(Same(sent->remind_between().start(), Day(2028, 10, 1)));
  EXPECT_TRUE(Same(sent->remind_between().end(), Day(2028, 10, 31)));
  EXPECT_THAT(out_, HasSubstr("REMIND ON"));
  EXPECT_THAT(out_, HasSubstr("2028-10-02  2028-12-02  loans/L1  50,000.00"));

  ASSERT_TRUE(Run({"loans", "reminders", "list", "--county", "C1"}).ok()) << out_;
  EXPECT_FALSE(suite_.canned().Last<v1::ListMaturityRemindersRequest>()->has_remind_between());

  ExpectRefusedUnsent({"loans", "reminders", "list", "--county", "C1", "--from", "10/01/2028"}, "--from");
  ExpectRefusedUnsent({"loans", "reminders", "list"}, "--county");
  ExpectRefusedUnsent({"loans", "reminders", "list", "--county", "C1", "--page-size", "2000000"},
                      "--page-size out of range");  // the flag as typed
}

v1::LendingReport October() {
  v1::LendingReport r;
  r.set_county("units/C1");
  r.set_county_display_name("固安县");
  r.set_period("2026-10");
  *r.mutable_first_day() = Day(2026, 10, 1);
  *r.mutable_last_day() = Day(2026, 10, 31);
  v1::TownshipFigures* t = r.add_townships();
  t->set_township("units/T1");
  t->set_display_name("柳泉镇");
  t->set_lending_state(v1::TOWNSHIP_LENDING_STATE_OPEN);
  v1::LendingFigures* f = t->mutable_figures();
  f->set_issued_count(28);
  *f->mutable_issued_amount() = Fen(100'000'000);
  f->set_issued_borrowers(28);
  f->set_cumulative_count(591);
  *f->mutable_cumulative_amount() = Fen(2'810'500'000);
  f->set_cumulative_borrowers(591);
  f->set_npl_ratio_bp(297);
  *r.mutable_totals() = *f;
  return r;
}

TEST_F(ServicingCommandsTest, AMonthlyReportAsATableAndAsCsv) {
  suite_.canned().Answer<v1::GetMonthlyReportRequest>(October());
  ASSERT_TRUE(Run({"loans", "report", "--month", "2026-10", "--county", "C1"}).ok()) << out_;
  auto sent = suite_.canned().Last<v1::GetMonthlyReportRequest>();
  EXPECT_EQ(sent->county(), "units/C1");
  EXPECT_EQ(sent->month(), "2026-10");
  EXPECT_EQ(Row("period"), "2026-10  (2026-10-01 to 2026-10-31, as it stood at the end)");
  EXPECT_THAT(out_, HasSubstr("28,105,000.00"));
  EXPECT_THAT(out_, HasSubstr("2.97%"));

  ASSERT_TRUE(Run({"loans", "report", "--month", "2026-10", "--county", "C1", "--csv"}).ok()) << out_;
  const std::vector<std::string> lines = absl::StrSplit(out_, "\r\n");
  ASSERT_EQ(lines.size(), 4u) << out_;  // header, the township, the county's total, ""
  EXPECT_THAT(lines[0], StartsWith("period,township,name,under way,finished,issued,issued yuan,"));
  EXPECT_EQ(lines[1], "2026-10,units/T1,柳泉镇,0,0,28,1000000.00,28,591,28105000.00,591,0,0.00,0.00,0,0.00,2.97%,open");
  EXPECT_THAT(lines[2], StartsWith("2026-10,units/C1,固安县 (total),"));
}

TEST_F(ServicingCommandsTest, AReportWithoutCountyIsTheOneCountyListed) {
  ExpectRefusedUnsent({"loans", "report", "--month", "2026-10"}, "--county");  // svc-org lists none
  ASSERT_TRUE(Run({"unit", "create", "--name", "固安县金融扶贫服务中心", "--kind", "centre", "--level", "county"}).ok())
      << out_;
  const std::string county = suite_.org().Units().back().name();
  suite_.canned().Answer<v1::GetMonthlyReportRequest>(October());
  ASSERT_TRUE(Run({"loans", "report", "--month", "2026-10"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetMonthlyReportRequest>()->county(), county);
}

TEST_F(ServicingCommandsTest, AQuarterlyBulletinAndAReportNotYetClosed) {
  v1::LendingReport q3 = October();
  q3.set_period("2026Q3");
  suite_.canned().Answer<v1::GetQuarterlyBulletinRequest>(q3);
  ASSERT_TRUE(Run({"loans", "report", "--quarter", "2026Q3", "--county", "C1", "--csv"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetQuarterlyBulletinRequest>()->quarter(), "2026Q3");
  EXPECT_THAT(out_, HasSubstr("\r\n2026Q3,units/T1,"));

  suite_.canned().Refuse<v1::GetMonthlyReportRequest>(
      rpc::FailedPrecondition("PERIOD_NOT_CLOSED", "the close-of-business job has not closed 2026-11-30"));
  ExpectServerRefusal({"loans", "report", "--month", "2026-11", "--county", "C1"},
                      absl::StatusCode::kFailedPrecondition, "PERIOD_NOT_CLOSED");

  const size_t calls = suite_.canned().Calls().size();
  const absl::Status both = Run({"loans", "report", "--month", "2026-10", "--quarter", "2026Q3", "--county", "C1"});
  EXPECT_TRUE(IsUsageError(both));
  EXPECT_THAT(std::string(both.message()), HasSubstr("--month"));
  const absl::Status neither = Run({"loans", "report", "--county", "C1"});
  EXPECT_TRUE(IsUsageError(neither));
  EXPECT_THAT(std::string(neither.message()), HasSubstr("--quarter"));
  EXPECT_EQ(suite_.canned().Calls().size(), calls);
}

}  // namespace
}  // namespace huinong::ctl::testing
