// ServicingService.ExtendLoan through the real server against a real
// MariaDB (servicing_records_fixture.h): the cooperative's 50,000 CNY
// industry loan at 435 bp, monthly interest with the principal at maturity,
// extended within the 36-month cap including extensions (000:1509), and a
// household's draws on its credit line, never beyond the line's expiry.
// A month of 50,000 CNY at 4.35% is 50,000 × 4.35% × days ÷ 365, half up:
// 28 days 166.85, 29 days 172.81, 30 days 178.77, 31 days 184.73 CNY.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/months.h"
#include "svc-loans/src/store/repayment_store.h"
#include "svc-loans/tests/servicing_records_fixture.h"

namespace huinong::loans::servicing_records_test {
namespace {

using Extensions = ServicingRecords;

TEST_F(Extensions, A24MonthLoanExtends12MonthsWithTheRestOfItsScheduleRegenerated) {
  const v1::Loan loan = IndustryLoan(24);
  EXPECT_TRUE(loan.credit_line().empty());
  const v1::RepaymentSchedule agreed = Schedule(loan.name());
  ASSERT_EQ(agreed.instalments_size(), 24);
  const absl::CivilDay original = Day(loan.maturity_date());
  AdvanceDays(10);

  v1::Loan extended;
  const v1::ExtendLoanRequest req = Extension(loan, 12);
  grpc::Status s = Extend(req, &extended);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(Day(extended.original_maturity_date()), original);
  EXPECT_EQ(Day(extended.maturity_date()), AddMonths(original, 12));
  EXPECT_EQ(extended.term_months(), 24);
  ASSERT_EQ(extended.extensions_size(), 1);
  const v1::Extension& e = extended.extensions(0);
  EXPECT_EQ(e.months(), 12);
  EXPECT_EQ(Day(e.effective_date()), clock_->Today());
  EXPECT_EQ(Day(e.previous_maturity_date()), original);
  EXPECT_EQ(Day(e.new_maturity_date()), AddMonths(original, 12));
  EXPECT_EQ(e.policy(), "countyPolicies/01POLICY2026A0000000000000");
  EXPECT_EQ(e.recorded_by(), "staff/rcc-officer");
  EXPECT_EQ(e.document().title(), "extension-agreement");
  EXPECT_EQ(Loan(loan.name(), "clerk11").extensions_size(), 1);  // the village sees it too

  // The new schedule: the first instalment (its period under way) as it
  // was, the old maturity a month of interest only, twelve more months,
  // the principal on the new maturity; every month's interest by its days.
  const v1::RepaymentSchedule s2 = Schedule(loan.name());
  ASSERT_EQ(s2.instalments_size(), 36);
  EXPECT_EQ(s2.instalments(0).interest_due().fen(), agreed.instalments(0).interest_due().fen());
  EXPECT_EQ(Day(s2.instalments(0).due_date()), Day(agreed.instalments(0).due_date()));
  int64_t interest = 0;
  for (const v1::Instalment& i : s2.instalments()) {
    EXPECT_EQ(i.interest_due().fen(), MonthInterestFen(i.days())) << "instalment " << i.index();
    EXPECT_EQ(i.principal_due().fen(), i.index() == 36 ? 5'000'000 : 0) << "instalment " << i.index();
    interest += i.interest_due().fen();
  }
  EXPECT_EQ(Day(s2.instalments(23).due_date()), original);
  EXPECT_EQ(Day(s2.instalments(35).due_date()), AddMonths(original, 12));
  EXPECT_EQ(s2.total_principal().fen(), 5'000'000);
  EXPECT_EQ(s2.total_interest().fen(), interest);
  // Kept with the loan as the schedule the extension agreed, and the maturity column moved.
  auto conn = pool_->Connect();
  ASSERT_TRUE(conn.ok());
  const absl::StatusOr<std::vector<Instalment>> stored =
      store::GetSchedule(**conn, loan.name().substr(std::string("loans/").size()));
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 36u);
  EXPECT_EQ(stored->back().principal_due_fen, 5'000'000);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM loans WHERE maturity_date = '",
                               absl::FormatCivilTime(AddMonths(original, 12)), "'")),
            1);
  // Its standing history is untouched: nothing but the terms changed.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM loan_standings"), 1);
  // Audited: the loan before and after.
  const std::vector<audit::v1::Event> events = OutboxEvents();
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().resource_type(), "loan");
  EXPECT_EQ(events.back().action(), "loans.ExtendLoan");

  // A retry with the same request_id changes nothing.
  const size_t audited = events.size();
  v1::Loan again;
  s = Extend(req, &again);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(again.etag(), extended.etag());
  EXPECT_EQ(again.extensions_size(), 1);
  EXPECT_EQ(OutboxEvents().size(), audited);
  EXPECT_EQ(Loan(loan.name()).extensions_size(), 1);

  // 24 + 12 is the cap: not one month more, and a stale etag is refused first.
  s = Extend(Extension(loan, 1), &again);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  s = Extend(Extension(extended, 1), &again);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "EXTENSION_REFUSED");
  EXPECT_EQ(Rules(s), (std::set<std::string>{"TERM_LIMIT_EXCEEDED"}));
  EXPECT_EQ(Loan(loan.name()).extensions_size(), 1);
}

TEST_F(Extensions, TwoExtensionsOfSixThenAThirdIsRefused) {
  const v1::Loan loan = IndustryLoan(24);
  v1::Loan extended;
  ASSERT_TRUE(Extend(Extension(loan, 6), &extended).ok());
  AdvanceDays(3);
  ASSERT_TRUE(Extend(Extension(extended, 6), &extended).ok());
  EXPECT_EQ(extended.extensions_size(), 2);
  EXPECT_EQ(Day(extended.maturity_date()), AddMonths(Day(extended.original_maturity_date()), 12));
  EXPECT_EQ(Schedule(loan.name()).instalments_size(), 36);
  const grpc::Status s = Extend(Extension(extended, 1), &extended);
  EXPECT_EQ(Reason(s), "EXTENSION_REFUSED");
  EXPECT_EQ(Rules(s), (std::set<std::string>{"TERM_LIMIT_EXCEEDED"}));
}

TEST_F(Extensions, ALoanOfACreditLineNeverMaturesAfterTheLinesExpiry) {
  // A 24-month line: its first loan matures on the expiry itself.
  const v1::Application a = SmallLoan(24, 3'000'000, "RCC-TX-0400");
  const v1::Loan first = Loan(a.loan());
  v1::Loan out;
  grpc::Status s = Extend(Extension(first, 1), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "EXTENSION_REFUSED");
  EXPECT_EQ(Rules(s), (std::set<std::string>{"CREDIT_LINE_EXPIRED"}));

  // A 12-month draw may take the line's other 12 months, not one more.
  v1::DrawCreditLineRequest draw;
  draw.set_request_id(NextRequestId());
  draw.set_name(first.credit_line());
  v1::GetCreditLineRequest get_line;
  get_line.set_name(first.credit_line());
  v1::CreditLine line;
  ASSERT_TRUE(applications_->GetCreditLine(As("rcc-officer").get(), get_line, &line).ok());
  draw.set_etag(line.etag());
  draw.mutable_amount()->set_fen(2'000'000);
  *draw.mutable_value_date() = applications_api_test::Today();
  draw.set_term_months(12);
  draw.set_bank_reference("RCC-TX-0401");
  draw.set_purpose(v1::PURPOSE_PRODUCTION);
  v1::Loan drawn;
  s = applications_->DrawCreditLine(As("rcc-officer").get(), draw, &drawn);
  ASSERT_TRUE(s.ok()) << s.error_message();
  s = Extend(Extension(drawn, 13), &out);
  EXPECT_EQ(Rules(s), (std::set<std::string>{"CREDIT_LINE_EXPIRED"}));
  s = Extend(Extension(drawn, 12), &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(Day(out.maturity_date()), Day(line.expiry_date()));
  s = Extend(Extension(out, 1), &out);
  EXPECT_EQ(Rules(s), (std::set<std::string>{"CREDIT_LINE_EXPIRED"}));
}

TEST_F(Extensions, OnlyAnActiveLoanWithNothingPastDueIsExtended) {
  const v1::Loan loan = IndustryLoan(24);
  const v1::Instalment first = Schedule(loan.name()).instalments(0);
  AdvanceDays(static_cast<int>(Day(first.due_date()) - clock_->Today()) + 5);
  v1::Loan out;
  grpc::Status s = Extend(Extension(loan, 6), &out);
  EXPECT_EQ(Reason(s), "EXTENSION_REFUSED");
  EXPECT_EQ(Rules(s), (std::set<std::string>{"LOAN_PAST_DUE"}));

  // Settled (the payoff quote paid): not active any more.
  v1::GetPayoffQuoteRequest quote;
  quote.set_name(loan.name());
  v1::PayoffQuote q;
  ASSERT_TRUE(servicing_->GetPayoffQuote(As("rcc-officer").get(), quote, &q).ok());
  v1::RecordRepaymentRequest pay;
  pay.set_request_id(NextRequestId());
  pay.set_name(loan.name());
  *pay.mutable_repayment()->mutable_amount() = q.total();
  *pay.mutable_repayment()->mutable_value_date() = rpc::ToDate(clock_->Today());
  pay.mutable_repayment()->set_bank_reference("RCC-PAYOFF");
  v1::Repayment paid;
  ASSERT_TRUE(servicing_->RecordRepayment(As("rcc-officer").get(), pay, &paid).ok());
  s = Extend(Extension(Loan(loan.name()), 6), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "LOAN_NOT_ACTIVE");
}

TEST_F(Extensions, BadInputNamesEveryFieldAndOnlyTheLoansBankExtends) {
  const v1::Loan loan = IndustryLoan(24);
  v1::ExtendLoanRequest bad;
  bad.set_request_id(NextRequestId());
  bad.set_name("loan/x");
  v1::Loan out;
  grpc::Status s = Extend(bad, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"name", "etag", "months", "reason", "document"}));

  s = Extend(Extension(loan, 6), &out, "clerk11");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  s = Extend(Extension(loan, 6), &out, "abc-officer");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  v1::ExtendLoanRequest missing = Extension(loan, 6);
  missing.set_name("loans/01NOSUCHLOAN0000000000000");
  EXPECT_EQ(Extend(missing, &out).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Loan(loan.name()).extensions_size(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%loans.ExtendLoan%'"), 0);
}

}  // namespace
}  // namespace huinong::loans::servicing_records_test
