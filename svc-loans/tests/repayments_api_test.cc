// ServicingService's schedule, repayments and payoff quote through the real
// server against a real MariaDB (loans_fixture.h): a household's poverty
// small loan of 50,000 CNY at 435 bp, monthly interest with the principal at
// maturity (the seeds' pattern), walked to DISBURSED by the application
// fixtures, then serviced on a business clock the test moves. Figures are
// docs/schedules.md's: a 31-day month of that loan is 184.73 CNY.
#include <optional>
#include <set>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "svc-loans/src/store/repayment_store.h"
#include "svc-loans/tests/servicing_records_fixture.h"

namespace huinong::loans::repayments_api_test {

using servicing_records_test::Day;
using servicing_records_test::Fields;
using servicing_records_test::MonthInterestFen;
using servicing_records_test::Reason;

class Repayments : public servicing_records_test::ServicingRecords {
 protected:
  // The household's 50,000 CNY for 36 months at 435 bp, paid out today.
  v1::Loan DisbursedLoan() { return Loan(SmallLoan(36, 5'000'000, "RCC-TX-0100").loan()); }

  v1::PayoffQuote Quote(const std::string& name, std::optional<absl::CivilDay> as_of = std::nullopt) {
    v1::GetPayoffQuoteRequest req;
    req.set_name(name);
    if (as_of) *req.mutable_as_of() = rpc::ToDate(*as_of);
    v1::PayoffQuote out;
    const grpc::Status s = servicing_->GetPayoffQuote(As("rcc-officer").get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  v1::RecordRepaymentRequest Order(const std::string& name, int64_t fen, absl::CivilDay value_date,
                                   const std::string& reference) {
    v1::RecordRepaymentRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(name);
    req.mutable_repayment()->mutable_amount()->set_fen(fen);
    *req.mutable_repayment()->mutable_value_date() = rpc::ToDate(value_date);
    req.mutable_repayment()->set_bank_reference(reference);
    return req;
  }

  grpc::Status Repay(const v1::RecordRepaymentRequest& req, v1::Repayment* out,
                     const std::string& who = "rcc-officer") {
    return servicing_->RecordRepayment(As(who).get(), req, out);
  }
};

TEST_F(Repayments, TheScheduleIsBuiltAndStoredAtDisbursement) {
  const v1::Loan loan = DisbursedLoan();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM loans WHERE schedule_json IS NOT NULL"), 1);

  const v1::RepaymentSchedule s = Schedule(loan.name());
  EXPECT_EQ(s.repayment_method(), v1::REPAYMENT_METHOD_MONTHLY_INTEREST_BULLET);
  EXPECT_EQ(s.rate_bp(), 435);
  ASSERT_EQ(s.instalments_size(), 36);
  EXPECT_EQ(s.total_principal().fen(), 5'000'000);
  const v1::Instalment& first = s.instalments(0);
  EXPECT_EQ(Day(first.period_start()), clock_->Today());
  EXPECT_EQ(first.interest_due().fen(), MonthInterestFen(first.days()));
  EXPECT_EQ(first.principal_due().fen(), 0);
  EXPECT_EQ(first.state(), v1::INSTALMENT_STATE_PENDING);
  EXPECT_EQ(s.instalments(35).principal_due().fen(), 5'000'000);  // principal at maturity
  EXPECT_EQ(Day(s.instalments(35).due_date()), Day(loan.maturity_date()));
  // What was stored with the loan is what is served while nothing is paid.
  auto conn = pool_->Connect();
  ASSERT_TRUE(conn.ok());
  const absl::StatusOr<std::vector<Instalment>> stored =
      store::GetSchedule(**conn, loan.name().substr(std::string("loans/").size()));
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 36u);
  for (int k = 0; k < 36; ++k) {
    EXPECT_EQ((*stored)[k].due_date, Day(s.instalments(k).due_date()));
    EXPECT_EQ((*stored)[k].interest_due_fen, s.instalments(k).interest_due().fen());
    EXPECT_EQ((*stored)[k].principal_due_fen, s.instalments(k).principal_due().fen());
  }

  // GetLoan's day-by-day figures come from it (also for the village clerk, within scope).
  const v1::Loan seen = Loan(loan.name(), "clerk11");
  EXPECT_EQ(Day(seen.next_due_date()), Day(first.due_date()));
  EXPECT_EQ(seen.interest_due().fen(), 0);
  EXPECT_EQ(seen.days_past_due(), 0);
  EXPECT_EQ(seen.classification(), v1::LOAN_CLASSIFICATION_NORMAL);
}

TEST_F(Repayments, ABackdatedRepaymentOfTheOverdueInterestReturnsTheLoanToNormal) {
  const v1::Loan loan = DisbursedLoan();
  const v1::Instalment first = Schedule(loan.name()).instalments(0);
  const absl::CivilDay due = Day(first.due_date());
  AdvanceDays(static_cast<int>(due - clock_->Today()) + 5);

  v1::Loan overdue = Loan(loan.name());
  EXPECT_EQ(overdue.days_past_due(), 5);
  EXPECT_EQ(overdue.classification(), v1::LOAN_CLASSIFICATION_OVERDUE);
  EXPECT_EQ(overdue.interest_due().fen(), MonthInterestFen(first.days()));
  EXPECT_EQ(Schedule(loan.name()).instalments(0).state(), v1::INSTALMENT_STATE_OVERDUE);

  // The bank books today the interest it debited on the due date.
  v1::Repayment r;
  const grpc::Status s = Repay(Order(loan.name(), MonthInterestFen(first.days()), due, "RCC-REPAY-1"), &r);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(r.interest_paid().fen(), MonthInterestFen(first.days()));
  EXPECT_EQ(r.principal_paid().fen(), 0);
  EXPECT_EQ(r.outstanding_after().fen(), 5'000'000);
  EXPECT_EQ(Day(r.value_date()), due);
  EXPECT_EQ(Day(r.posting_date()), clock_->Today());
  EXPECT_EQ(r.recorded_by(), "staff/rcc-officer");
  EXPECT_FALSE(r.settled());

  const v1::Loan normal = Loan(loan.name());
  EXPECT_EQ(normal.days_past_due(), 0);
  EXPECT_EQ(normal.classification(), v1::LOAN_CLASSIFICATION_NORMAL);
  EXPECT_EQ(normal.interest_due().fen(), 0);
  EXPECT_EQ(normal.interest_paid().fen(), MonthInterestFen(first.days()));
  EXPECT_EQ(Day(normal.next_due_date()), Day(Schedule(loan.name()).instalments(1).due_date()));
  EXPECT_EQ(Schedule(loan.name()).instalments(0).state(), v1::INSTALMENT_STATE_PAID);
  // Written on the loan right after the repayment, not only at night.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM loans WHERE classification = 1 AND days_past_due = 0"), 1);

  // Audited: the repayment and the loan.
  const std::vector<audit::v1::Event> events = OutboxEvents();
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events[events.size() - 2].resource_type(), "repayment");
  EXPECT_EQ(events.back().resource_type(), "loan");

  v1::ListRepaymentsRequest list;
  list.set_name(loan.name());
  v1::ListRepaymentsResponse page;
  ASSERT_TRUE(servicing_->ListRepayments(As("clerk11").get(), list, &page).ok());
  ASSERT_EQ(page.repayments_size(), 1);
  EXPECT_EQ(page.repayments(0).name(), r.name());
  EXPECT_EQ(page.repayments(0).interest_paid().fen(), MonthInterestFen(first.days()));
}

TEST_F(Repayments, PayingThePayoffQuoteSettlesTheLoanExactly) {
  const v1::Loan loan = DisbursedLoan();
  AdvanceDays(10);
  const v1::PayoffQuote q = Quote(loan.name());
  EXPECT_EQ(Day(q.as_of()), clock_->Today());
  EXPECT_EQ(q.principal().fen(), 5'000'000);
  EXPECT_EQ(q.interest().fen(), 5'959);  // 50,000 × 4.35% × 10 ÷ 365 = 59.589 CNY
  EXPECT_EQ(q.total().fen(), 5'005'959);

  v1::Repayment r;
  grpc::Status s = Repay(Order(loan.name(), q.total().fen() + 1, clock_->Today(), "RCC-PAYOFF-0"), &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "AMOUNT_EXCEEDS_BALANCE");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM repayments"), 0);

  s = Repay(Order(loan.name(), q.total().fen(), clock_->Today(), "RCC-PAYOFF-1"), &r);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(r.settled());
  EXPECT_EQ(r.interest_paid().fen(), 5'959);
  EXPECT_EQ(r.principal_paid().fen(), 5'000'000);
  EXPECT_EQ(r.outstanding_after().fen(), 0);

  const v1::Loan settled = Loan(loan.name());
  EXPECT_EQ(settled.status(), v1::LOAN_STATUS_SETTLED);
  EXPECT_EQ(settled.outstanding_principal().fen(), 0);
  EXPECT_EQ(settled.principal_repaid().fen(), 5'000'000);
  EXPECT_EQ(Quote(loan.name()).total().fen(), 0);

  // The credit line is free again.
  v1::GetCreditLineRequest get_line;
  get_line.set_name(loan.credit_line());
  v1::CreditLine line;
  ASSERT_TRUE(applications_->GetCreditLine(As("clerk11").get(), get_line, &line).ok());
  EXPECT_EQ(line.outstanding().fen(), 0);
  EXPECT_EQ(line.available().fen(), 5'000'000);

  s = Repay(Order(loan.name(), 100, clock_->Today(), "RCC-PAYOFF-2"), &r);
  EXPECT_EQ(Reason(s), "LOAN_NOT_ACTIVE");
}

TEST_F(Repayments, ABackdatedPayoffCountsFromItsValueDate) {
  const v1::Loan loan = DisbursedLoan();
  AdvanceDays(10);
  const absl::CivilDay five_days_in = clock_->Today() - 5;
  const v1::PayoffQuote q = Quote(loan.name(), five_days_in);
  EXPECT_EQ(q.interest().fen(), 2'979);  // 50,000 × 4.35% × 5 ÷ 365 = 29.7945 CNY
  EXPECT_EQ(q.total().fen(), 5'002'979);

  // Booked today, valued five days ago: five days' interest settle it (today's would owe 59.59).
  v1::Repayment r;
  const grpc::Status s = Repay(Order(loan.name(), q.total().fen(), five_days_in, "RCC-BACKDATED"), &r);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(r.settled());
  EXPECT_EQ(Day(r.value_date()), five_days_in);
  EXPECT_EQ(Day(r.posting_date()), clock_->Today());
  EXPECT_EQ(Loan(loan.name()).status(), v1::LOAN_STATUS_SETTLED);

  // Its history (what past months' reports read): outstanding from the
  // disbursement, settled from the day the repayment was booked — not from
  // its value date, so what a report said for those five days stays true.
  const std::string disbursed = absl::FormatCivilTime(Day(loan.disbursement_date()));
  const std::string today = absl::FormatCivilTime(clock_->Today());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM loan_standings"), 2);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM loan_standings WHERE as_of = '", disbursed,
                               "' AND status = 1 AND outstanding_principal_fen = 5000000")),
            1);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM loan_standings WHERE as_of = '", today,
                               "' AND status = 2 AND outstanding_principal_fen = 0")),
            1);
}

TEST_F(Repayments, ARetryChangesNothing) {
  const v1::Loan loan = DisbursedLoan();
  AdvanceDays(3);
  const v1::RecordRepaymentRequest req = Order(loan.name(), 100'000, clock_->Today(), "RCC-REPAY-7");
  v1::Repayment first;
  ASSERT_TRUE(Repay(req, &first).ok());
  const size_t events = OutboxEvents().size();
  const int64_t outstanding = Loan(loan.name()).outstanding_principal().fen();

  v1::Repayment again;
  ASSERT_TRUE(Repay(req, &again).ok());  // the same request_id
  EXPECT_EQ(again.name(), first.name());
  // Another request id with the bank's same reference, amount and value date.
  ASSERT_TRUE(Repay(Order(loan.name(), 100'000, clock_->Today(), "RCC-REPAY-7"), &again).ok());
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM repayments"), 1);
  EXPECT_EQ(OutboxEvents().size(), events);
  EXPECT_EQ(Loan(loan.name()).outstanding_principal().fen(), outstanding);

  // The same reference for another amount is another payment: refused.
  const grpc::Status s = Repay(Order(loan.name(), 100'001, clock_->Today(), "RCC-REPAY-7"), &again);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(Reason(s), "BANK_REFERENCE_USED");
}

TEST_F(Repayments, BadInputNamesEveryFieldAndOnlyTheLoansBankRecords) {
  const v1::Loan loan = DisbursedLoan();
  v1::RecordRepaymentRequest bad;
  bad.set_request_id(NextRequestId());
  bad.set_name("loan/x");
  bad.mutable_repayment();
  v1::Repayment r;
  grpc::Status s = Repay(bad, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"name", "repayment.amount", "repayment.value_date",
                                              "repayment.bank_reference"}));

  s = Repay(Order(loan.name(), 100, clock_->Today() + 1, "RCC-FUTURE"), &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"repayment.value_date"}));

  v1::GetPayoffQuoteRequest quote;
  quote.set_name(loan.name());
  *quote.mutable_as_of() = rpc::ToDate(clock_->Today() - 1);
  v1::PayoffQuote q;
  s = servicing_->GetPayoffQuote(As("rcc-officer").get(), quote, &q);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"as_of"}));

  // The village clerk and another bank's officer record nothing; another village reads nothing.
  s = Repay(Order(loan.name(), 100, clock_->Today(), "RCC-X"), &r, "clerk11");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  s = Repay(Order(loan.name(), 100, clock_->Today(), "ABC-X"), &r, "abc-officer");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  v1::GetRepaymentScheduleRequest get;
  get.set_name(loan.name());
  v1::RepaymentSchedule schedule;
  EXPECT_EQ(servicing_->GetRepaymentSchedule(As("clerk21").get(), get, &schedule).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM repayments"), 0);
}

}  // namespace huinong::loans::repayments_api_test
