// How an interest-subsidy claim and the public notice look to a person
// (`huinongctl subsidy get|list|notice`): the lines by class with the
// seeds' 80,000 CNY household industry loan (2,175.00 + 300.00 = 2,475.00),
// the notice's dates, and the notice as CSV with quoted amounts.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/subsidy_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using ::testing::HasSubstr;

type::v1::Date Date(int y, int m, int d) { return rpc::ToDate(absl::CivilDay(y, m, d)); }

v1::SubsidyClaim InNotice() {
  v1::SubsidyClaim c;
  c.set_name("subsidyClaims/S1");
  c.set_loan("loans/L1");
  c.set_borrower("borrowers/B1");
  c.set_township("units/T1");
  *c.mutable_period()->mutable_start() = Date(2025, 12, 2);
  *c.mutable_period()->mutable_end() = Date(2026, 12, 2);
  c.mutable_interest_paid()->set_fen(348'000);
  v1::SubsidyLine* base = c.add_lines();
  base->set_subsidy_class(v1::SUBSIDY_CLASS_HOUSEHOLD_BASE_RATE);
  base->mutable_principal()->set_fen(5'000'000);
  base->set_days(365);
  base->set_rate_bp(435);
  base->mutable_amount()->set_fen(217'500);
  v1::SubsidyLine* above = c.add_lines();
  above->set_subsidy_class(v1::SUBSIDY_CLASS_HOUSEHOLD_ABOVE_THRESHOLD);
  above->mutable_principal()->set_fen(3'000'000);
  above->set_days(365);
  above->set_rate_bp(100);
  above->mutable_amount()->set_fen(30'000);
  c.mutable_amount()->set_fen(247'500);
  c.set_bank_card_number("6222***********0123");
  c.set_state(v1::SUBSIDY_CLAIM_STATE_IN_NOTICE);
  *c.mutable_notice_start_date() = Date(2026, 12, 3);
  *c.mutable_notice_end_date() = Date(2026, 12, 10);
  c.mutable_notice()->set_uri("https://docs.example.cn/notice-12.pdf");
  c.set_etag("3");
  return c;
}

TEST(SubsidyFormatTest, DetailShowsEachClassAndTheNotice) {
  const std::string text = SubsidyClaimDetail(InNotice());
  EXPECT_THAT(text, HasSubstr("50,000.00 × 435 bp (4.35%) × 365 days = 2,175.00"));
  EXPECT_THAT(text, HasSubstr("30,000.00 × 100 bp (1.00%) × 365 days = 300.00"));
  EXPECT_THAT(text, HasSubstr("2,475.00 (never more than the interest paid)"));
  EXPECT_THAT(text, HasSubstr("2026-12-03 to the day before 2026-12-10; payment from 2026-12-10"));
  EXPECT_THAT(text, HasSubstr("6222***********0123"));
}

TEST(SubsidyFormatTest, TheNoticeAsCsv) {
  EXPECT_EQ(SubsidyNoticeCsv({InNotice()}),
            "claim,borrower,township,loan,period_start,period_end,amount_yuan,notice_start,notice_end,notice\r\n"
            "subsidyClaims/S1,borrowers/B1,units/T1,loans/L1,2025-12-02,2026-12-02,\"2,475.00\",2026-12-03,"
            "2026-12-10,https://docs.example.cn/notice-12.pdf\r\n");
}

}  // namespace
}  // namespace huinong::ctl
