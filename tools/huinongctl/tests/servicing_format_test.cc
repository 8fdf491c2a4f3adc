// How a loan's schedule, a repayment and a payoff quote look to a person
// (`huinongctl loan schedule|repay|quote`): yuan from fen, the instalment
// states as words, the settled mark. Figures of docs/schedules.md: 50,000
// CNY at 4.35%, a 31-day month 184.73 CNY.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/loan_records_format.h"
#include "tools/huinongctl/src/loans_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using ::testing::HasSubstr;

type::v1::Date Date(int y, int m, int d) {
  type::v1::Date out;
  out.set_year(y);
  out.set_month(m);
  out.set_day(d);
  return out;
}

TEST(ServicingFormatTest, ScheduleRowsAndTotals) {
  v1::RepaymentSchedule s;
  s.set_loan("loans/L1");
  s.set_repayment_method(v1::REPAYMENT_METHOD_MONTHLY_INTEREST_BULLET);
  s.set_day_count(v1::DAY_COUNT_ACTUAL_365);
  s.set_rate_bp(435);
  v1::Instalment* i = s.add_instalments();
  i->set_index(1);
  *i->mutable_due_date() = Date(2026, 2, 15);
  i->set_days(31);
  i->mutable_interest_due()->set_fen(18473);
  i->mutable_interest_paid()->set_fen(18473);
  i->set_state(v1::INSTALMENT_STATE_PAID);
  s.mutable_total_principal()->set_fen(5000000);
  s.mutable_total_interest()->set_fen(653108);
  const std::string text = ScheduleText(s);
  EXPECT_THAT(text, HasSubstr("loans/L1  monthly-interest-bullet"));
  EXPECT_THAT(text, HasSubstr("2026-02-15"));
  EXPECT_THAT(text, HasSubstr("184.73"));
  EXPECT_THAT(text, HasSubstr("paid"));
  EXPECT_THAT(text, HasSubstr("total principal 50,000.00, interest 6,531.08\n"));
}

TEST(ServicingFormatTest, ARepaymentAndAQuote) {
  v1::Repayment r;
  r.set_name("loans/L1/repayments/R1");
  r.mutable_amount()->set_fen(5005959);
  *r.mutable_value_date() = Date(2026, 1, 25);
  *r.mutable_posting_date() = Date(2026, 1, 26);
  r.set_bank_reference("RCC-1");
  r.mutable_interest_paid()->set_fen(5959);
  r.mutable_principal_paid()->set_fen(5000000);
  r.set_settled(true);
  const std::string text = RepaymentDetail(r);
  EXPECT_THAT(text, HasSubstr("amount          50,059.59\n"));
  EXPECT_THAT(text, HasSubstr("posted          2026-01-26\n"));
  EXPECT_THAT(text, HasSubstr("outstanding     0.00 (settled)\n"));

  v1::PayoffQuote q;
  q.set_loan("loans/L1");
  *q.mutable_as_of() = Date(2026, 1, 25);
  q.mutable_principal()->set_fen(5000000);
  q.mutable_interest()->set_fen(5959);
  q.mutable_total()->set_fen(5005959);
  EXPECT_THAT(PayoffQuoteDetail(q), HasSubstr("total      50,059.59\n"));
}

TEST(ServicingFormatTest, AnExtensionUnderItsLoanAndAReturnVisit) {
  v1::Loan loan;
  loan.set_name("loans/L1");
  v1::Extension* e = loan.add_extensions();
  e->set_months(12);
  *e->mutable_effective_date() = Date(2026, 12, 12);
  *e->mutable_previous_maturity_date() = Date(2028, 12, 2);
  *e->mutable_new_maturity_date() = Date(2029, 12, 2);
  e->set_policy("countyPolicies/P1");
  e->set_recorded_by("staff/B");
  EXPECT_THAT(LoanDetail(loan),
              HasSubstr("+12 months on 2026-12-12: 2028-12-02 → 2029-12-02 (countyPolicies/P1, staff/B)\n"));

  v1::ReturnVisit r;
  r.set_name("loans/L1/returnVisits/V1");
  *r.mutable_visit_date() = Date(2027, 1, 5);
  r.add_visitors("staff/A");
  r.add_visitors("staff/B");
  r.set_funds_use(v1::FUNDS_USE_DIVERTED);
  r.set_production_status(v1::PRODUCTION_STATUS_STOPPED);
  r.set_follow_up(true);
  r.set_findings("贷款用于购车");
  const std::string text = ReturnVisitDetail(r);
  EXPECT_THAT(text, HasSubstr(" staff/A, staff/B\n"));
  EXPECT_THAT(text, HasSubstr(" diverted\n"));
  EXPECT_THAT(text, HasSubstr(" stopped\n"));
  EXPECT_THAT(text, HasSubstr("follow up"));
}

}  // namespace
}  // namespace huinong::ctl
