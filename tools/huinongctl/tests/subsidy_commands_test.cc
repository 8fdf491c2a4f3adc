// `huinongctl subsidy ...` against canned SubsidyService answers: a claim
// with its vouchers, each step (check, review with its public notice,
// objection, payment, rejection, clawback) with the claim's name, etag and
// request id, the list's filters, and the public notice as a table and as
// CSV. Bad input is refused before anything is sent; the server's refusal is
// shown with its reason. The seeds' 80,000 CNY household industry loan:
// 2,175.00 + 300.00 = 2,475.00 of subsidy on 3,480.00 of interest paid.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "common/rpc/status_details.h"
#include "huinong/loans/v1/subsidy_service.pb.h"
#include "tools/huinongctl/src/org_client.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/tests/command_test.h"

namespace huinong::ctl::testing {
namespace {

namespace v1 = ::huinong::loans::v1;

class SubsidyCommandsTest : public CommandTest {};

v1::SubsidyClaim ClaimS1(v1::SubsidyClaimState state) {
  v1::SubsidyClaim c;
  c.set_name("subsidyClaims/S1");
  c.set_loan("loans/L1");
  c.set_borrower("borrowers/B1");
  c.set_township("units/T1");
  *c.mutable_period()->mutable_start() = Day(2025, 12, 2);
  *c.mutable_period()->mutable_end() = Day(2026, 12, 2);
  *c.mutable_interest_paid() = Fen(348'000);
  v1::SubsidyLine* base = c.add_lines();
  base->set_subsidy_class(v1::SUBSIDY_CLASS_HOUSEHOLD_BASE_RATE);
  *base->mutable_principal() = Fen(5'000'000);
  base->set_days(365);
  base->set_rate_bp(435);
  *base->mutable_amount() = Fen(217'500);
  v1::SubsidyLine* above = c.add_lines();
  above->set_subsidy_class(v1::SUBSIDY_CLASS_HOUSEHOLD_ABOVE_THRESHOLD);
  *above->mutable_principal() = Fen(3'000'000);
  above->set_days(365);
  above->set_rate_bp(100);
  *above->mutable_amount() = Fen(30'000);
  *c.mutable_amount() = Fen(247'500);
  c.set_bank_card_number("6222***********0123");
  c.set_state(state);
  if (state == v1::SUBSIDY_CLAIM_STATE_IN_NOTICE) {
    *c.mutable_notice_start_date() = Day(2026, 12, 3);
    *c.mutable_notice_end_date() = Day(2026, 12, 10);
    c.mutable_notice()->set_uri("https://docs.example.cn/notice-12.pdf");
  }
  c.set_etag("3");
  return c;
}

TEST_F(SubsidyCommandsTest, AClaimGoesWithItsPeriodInterestPaidVouchersAndCard) {
  suite_.canned().Answer<v1::ApplyForSubsidyRequest>(ClaimS1(v1::SUBSIDY_CLAIM_STATE_SUBMITTED));
  ASSERT_TRUE(Run({"subsidy", "apply", "L1", "--from", "2025-12-02", "--to", "2026-12-02", "--interest-paid",
                   "3,480.00", "--voucher", "payment_voucher|RCC-2026-0612|https://docs.example.cn/v1.pdf", "--voucher",
                   "https://docs.example.cn/v2.pdf", "--bank-card", "6222020200001230123", "--request-id", "sa-1"})
                  .ok()) << out_;
  const auto sent = suite_.canned().Last<v1::ApplyForSubsidyRequest>();
  ASSERT_TRUE(sent.has_value());
  EXPECT_EQ(sent->request_id(), "sa-1");
  EXPECT_EQ(sent->claim().loan(), "loans/L1");
  EXPECT_EQ(DateText(sent->claim().period().start()), "2025-12-02");
  EXPECT_EQ(DateText(sent->claim().period().end()), "2026-12-02");
  EXPECT_EQ(sent->claim().interest_paid().fen(), 348'000);
  ASSERT_EQ(sent->claim().vouchers_size(), 2);
  EXPECT_EQ(sent->claim().vouchers(0).kind(), "payment_voucher");
  EXPECT_EQ(sent->claim().vouchers(0).number(), "RCC-2026-0612");
  EXPECT_EQ(sent->claim().vouchers(1).uri(), "https://docs.example.cn/v2.pdf");
  EXPECT_EQ(sent->claim().bank_card_number(), "6222020200001230123");
  EXPECT_THAT(out_, StartsWith("filed subsidyClaims/S1\n"));
  EXPECT_EQ(Row("  household-base-rate"), "50,000.00 × 435 bp (4.35%) × 365 days = 2,175.00");
  EXPECT_EQ(Row("amount"), "2,475.00 (never more than the interest paid)");
  EXPECT_EQ(Row("state"), "submitted");
  EXPECT_EQ(Row("request_id"), "sa-1");
}

TEST_F(SubsidyCommandsTest, AClaimsBadInputIsRefusedBeforeItIsSent) {
  const std::vector<std::string> good = {"subsidy", "apply",    "L1",       "--from",      "2025-12-02",
                                         "--to",    "2026-12-02", "--interest-paid", "3480", "--voucher",
                                         "docs://v1.pdf", "--bank-card", "6222020200001230123"};
  auto with = [&](size_t at, const std::string& value) {
    std::vector<std::string> words = good;
    words[at] = value;
    return words;
  };
  auto without = [&](size_t at) {
    std::vector<std::string> words = good;
    words.erase(words.begin() + static_cast<long>(at), words.begin() + static_cast<long>(at) + 2);
    return words;
  };
  ExpectRefusedUnsent(with(8, "3480.001"), "--interest-paid");
  ExpectRefusedUnsent(with(8, "-5"), "--interest-paid");
  ExpectRefusedUnsent(with(4, "2025-12-2x"), "--from");
  ExpectRefusedUnsent(with(10, "docs://v1.pdf#nothex"), "--voucher");
  ExpectRefusedUnsent(without(3), "--from");
  ExpectRefusedUnsent(without(5), "--to");
  ExpectRefusedUnsent(without(7), "--interest-paid");
  ExpectRefusedUnsent(without(9), "--voucher");
  ExpectRefusedUnsent(without(11), "--bank-card");
  ExpectRefusedUnsent({"subsidy", "apply", "--from", "2025-12-02", "--to", "2026-12-02", "--interest-paid", "3480",
                       "--voucher", "docs://v1.pdf", "--bank-card", "6222"},
                      "loan");
}

TEST_F(SubsidyCommandsTest, EachStepNamesTheClaimWithItsEtagAndRequestId) {
  v1::SubsidyClaim checked = ClaimS1(v1::SUBSIDY_CLAIM_STATE_CHECKED);
  checked.mutable_township_check()->set_decided_by("staff/T7");
  checked.mutable_township_check()->set_comment("凭证齐全");
  suite_.canned().Answer<v1::CheckSubsidyClaimRequest>(checked);
  ASSERT_TRUE(Run({"subsidy", "check", "S1", "--comment", "凭证齐全", "--document", "docs://check.pdf", "--etag", "1",
                   "--request-id", "sc-1"}).ok()) << out_;
  const auto check = suite_.canned().Last<v1::CheckSubsidyClaimRequest>();
  EXPECT_EQ(check->name(), "subsidyClaims/S1");
  EXPECT_EQ(check->etag(), "1");
  EXPECT_EQ(check->request_id(), "sc-1");
  EXPECT_EQ(check->comment(), "凭证齐全");
  ASSERT_EQ(check->documents_size(), 1);
  EXPECT_EQ(check->documents(0).uri(), "docs://check.pdf");
  EXPECT_THAT(out_, StartsWith("checked subsidyClaims/S1\n"));
  EXPECT_EQ(Row("checked"), "by staff/T7  凭证齐全");

  suite_.canned().Answer<v1::ReviewSubsidyClaimRequest>(ClaimS1(v1::SUBSIDY_CLAIM_STATE_IN_NOTICE));
  ASSERT_TRUE(Run({"subsidy", "review", "subsidyClaims/S1", "--notice",
                   "public_notice|固扶贫公示〔2026〕12号|https://docs.example.cn/notice-12.pdf", "--notice-start",
                   "2026-12-03", "--etag", "2"}).ok()) << out_;
  const auto review = suite_.canned().Last<v1::ReviewSubsidyClaimRequest>();
  EXPECT_EQ(review->name(), "subsidyClaims/S1");
  EXPECT_EQ(review->notice().number(), "固扶贫公示〔2026〕12号");
  EXPECT_EQ(review->notice().uri(), "https://docs.example.cn/notice-12.pdf");
  EXPECT_EQ(DateText(review->notice_start_date()), "2026-12-03");
  EXPECT_FALSE(review->request_id().empty());
  EXPECT_THAT(out_, StartsWith("reviewed; in public notice: subsidyClaims/S1\n"));
  EXPECT_EQ(Row("notice"), "2026-12-03 to the day before 2026-12-10; payment from 2026-12-10");
  ASSERT_TRUE(Run({"subsidy", "review", "S1", "--notice", "docs://n.pdf"}).ok()) << out_;
  EXPECT_FALSE(suite_.canned().Last<v1::ReviewSubsidyClaimRequest>()->has_notice_start_date());  // today

  v1::SubsidyClaim objected = ClaimS1(v1::SUBSIDY_CLAIM_STATE_CHECKED);
  v1::SubsidyObjection* o = objected.add_objections();
  o->set_index(1);
  o->set_objector("李四");
  o->set_content("该户已脱贫");
  suite_.canned().Answer<v1::FileSubsidyObjectionRequest>(objected);
  ASSERT_TRUE(Run({"subsidy", "object", "S1", "--objector", "李四", "--content", "该户已脱贫"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::FileSubsidyObjectionRequest>()->objector(), "李四");
  EXPECT_EQ(suite_.canned().Last<v1::FileSubsidyObjectionRequest>()->content(), "该户已脱贫");
  EXPECT_EQ(Row("objection 1"), "李四: 该户已脱贫");

  v1::SubsidyClaim paid = ClaimS1(v1::SUBSIDY_CLAIM_STATE_PAID);
  *paid.mutable_payment()->mutable_amount() = Fen(247'500);
  *paid.mutable_payment()->mutable_paid_date() = Day(2026, 12, 10);
  paid.mutable_payment()->set_finance_reference("CZ-2026-118");
  paid.mutable_payment()->set_paid_by("staff/F1");
  suite_.canned().Answer<v1::PaySubsidyClaimRequest>(paid);
  ASSERT_TRUE(Run({"subsidy", "pay", "S1", "--paid-date", "2026-12-10", "--finance-reference", "CZ-2026-118"}).ok())
      << out_;
  const auto pay = suite_.canned().Last<v1::PaySubsidyClaimRequest>();
  EXPECT_EQ(DateText(pay->paid_date()), "2026-12-10");
  EXPECT_EQ(pay->finance_reference(), "CZ-2026-118");
  EXPECT_EQ(Row("paid"), "2,475.00 on 2026-12-10, CZ-2026-118  by staff/F1");

  v1::SubsidyClaim rejected = ClaimS1(v1::SUBSIDY_CLAIM_STATE_REJECTED);
  rejected.mutable_rejection()->set_reason("凭证与还款记录不符");
  rejected.mutable_rejection()->set_rejected_by("staff/T7");
  suite_.canned().Answer<v1::RejectSubsidyClaimRequest>(rejected);
  ASSERT_TRUE(Run({"subsidy", "reject", "S1", "--reason", "凭证与还款记录不符"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::RejectSubsidyClaimRequest>()->reason(), "凭证与还款记录不符");
  EXPECT_EQ(Row("rejected"), "凭证与还款记录不符  by staff/T7");
}

TEST_F(SubsidyCommandsTest, AStepsBadInputIsRefusedBeforeItIsSent) {
  ExpectRefusedUnsent({"subsidy", "check", "S1", "--document", "docs://c.pdf#1234"}, "--document");
  ExpectRefusedUnsent({"subsidy", "check"}, "claim");
  ExpectRefusedUnsent({"subsidy", "review", "S1", "--notice-start", "2026-12-03"}, "--notice");
  ExpectRefusedUnsent({"subsidy", "review", "S1", "--notice", "docs://n.pdf", "--notice-start", "12/03"},
                      "--notice-start");
  ExpectRefusedUnsent({"subsidy", "object", "S1", "--objector", "李四"}, "--content");
  ExpectRefusedUnsent({"subsidy", "object", "S1", "--content", "x"}, "--objector");
  ExpectRefusedUnsent({"subsidy", "pay", "S1", "--finance-reference", "CZ-1"}, "--paid-date");
  ExpectRefusedUnsent({"subsidy", "pay", "S1", "--paid-date", "2026-12-10"}, "--finance-reference");
  ExpectRefusedUnsent({"subsidy", "reject", "S1"}, "--reason");
}

TEST_F(SubsidyCommandsTest, APaymentBeforeTheNoticeEndsIsRefusedWithItsReason) {
  suite_.canned().Refuse<v1::PaySubsidyClaimRequest>(
      rpc::FailedPrecondition("NOTICE_NOT_ENDED", "the public notice runs until the day before 2026-12-10"));
  const std::string text = ExpectServerRefusal({"subsidy", "pay", "S1", "--paid-date", "2026-12-09",
                                                "--finance-reference", "CZ-2026-118", "--request-id", "sp-1"},
                                               absl::StatusCode::kFailedPrecondition, "NOTICE_NOT_ENDED");
  EXPECT_THAT(text, HasSubstr("retry with --request-id=sp-1"));
}

TEST_F(SubsidyCommandsTest, AClawbackWithItsCategoryAndOptionalAmount) {
  v1::SubsidyClaim clawed = ClaimS1(v1::SUBSIDY_CLAIM_STATE_CLAWED_BACK);
  clawed.mutable_clawback()->set_category(v1::CLAWBACK_CATEGORY_DIVERTED);
  *clawed.mutable_clawback()->mutable_amount() = Fen(247'500);
  clawed.mutable_clawback()->set_finding("贷款用于购车");
  suite_.canned().Answer<v1::ClawBackSubsidyRequest>(clawed);
  ASSERT_TRUE(Run({"subsidy", "clawback", "S1", "--category", "diverted", "--finding", "贷款用于购车", "--amount",
                   "2,475", "--document", "county_decision|docs://d.pdf"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::ClawBackSubsidyRequest>();
  EXPECT_EQ(sent->category(), v1::CLAWBACK_CATEGORY_DIVERTED);
  EXPECT_EQ(sent->amount().fen(), 247'500);
  EXPECT_EQ(sent->finding(), "贷款用于购车");
  EXPECT_EQ(sent->documents(0).kind(), "county_decision");
  EXPECT_EQ(Row("clawed back"), "2,475.00, diverted: 贷款用于购车");

  ASSERT_TRUE(Run({"subsidy", "clawback", "S1", "--category", "overpaid", "--finding", "按错误余额计算"}).ok()) << out_;
  EXPECT_FALSE(suite_.canned().Last<v1::ClawBackSubsidyRequest>()->has_amount());  // all of it

  ExpectRefusedUnsent({"subsidy", "clawback", "S1", "--category", "stolen", "--finding", "x"}, "--category");
  ExpectRefusedUnsent({"subsidy", "clawback", "S1", "--category", "fraud"}, "--finding");
  ExpectRefusedUnsent({"subsidy", "clawback", "S1", "--category", "fraud", "--finding", "x", "--amount", "two"},
                      "--amount");
}

TEST_F(SubsidyCommandsTest, TheListsFilters) {
  v1::ListSubsidyClaimsResponse claims;
  *claims.add_claims() = ClaimS1(v1::SUBSIDY_CLAIM_STATE_IN_NOTICE);
  suite_.canned().Answer<v1::ListSubsidyClaimsRequest>(claims);
  ASSERT_TRUE(Run({"subsidy", "list", "--state", "in-notice", "--township", "T1", "--loan", "L1", "--ending-from",
                   "2026-12-01", "--ending-to", "2026-12-31"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::ListSubsidyClaimsRequest>();
  EXPECT_EQ(sent->state(), v1::SUBSIDY_CLAIM_STATE_IN_NOTICE);
  EXPECT_EQ(sent->township(), "units/T1");
  EXPECT_EQ(sent->loan(), "loans/L1");
  EXPECT_EQ(DateText(sent->notice_end().start()), "2026-12-01");
  EXPECT_EQ(DateText(sent->notice_end().end()), "2026-12-31");
  EXPECT_THAT(out_, HasSubstr("subsidyClaims/S1  in-notice  2,475.00  2025-12-02..2026-12-02  2026-12-10"));

  ASSERT_TRUE(Run({"subsidy", "list"}).ok()) << out_;
  EXPECT_FALSE(suite_.canned().Last<v1::ListSubsidyClaimsRequest>()->has_notice_end());
  ExpectRefusedUnsent({"subsidy", "list", "--state", "paid-out"}, "--state");
  ExpectRefusedUnsent({"subsidy", "list", "--ending-to", "2026-12-32"}, "--ending-to");

  suite_.canned().Answer<v1::GetSubsidyClaimRequest>(ClaimS1(v1::SUBSIDY_CLAIM_STATE_IN_NOTICE));
  ASSERT_TRUE(Run({"subsidy", "get", "S1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetSubsidyClaimRequest>()->name(), "subsidyClaims/S1");
  EXPECT_EQ(Row("posted at"), "https://docs.example.cn/notice-12.pdf");
}

TEST_F(SubsidyCommandsTest, ThePublicNoticeAsATableAndAsCsv) {
  v1::ListSubsidyClaimsResponse claims;
  *claims.add_claims() = ClaimS1(v1::SUBSIDY_CLAIM_STATE_IN_NOTICE);
  suite_.canned().Answer<v1::ListSubsidyClaimsRequest>(claims);

  ASSERT_TRUE(Run({"subsidy", "notice", "--township", "T1", "--csv"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::ListSubsidyClaimsRequest>();
  EXPECT_EQ(sent->state(), v1::SUBSIDY_CLAIM_STATE_IN_NOTICE);  // whatever the filters
  EXPECT_EQ(sent->township(), "units/T1");
  EXPECT_EQ(sent->page_size(), kFullPage);
  EXPECT_EQ(out_,
            "claim,borrower,township,loan,period_start,period_end,amount_yuan,notice_start,notice_end,notice\r\n"
            "subsidyClaims/S1,borrowers/B1,units/T1,loans/L1,2025-12-02,2026-12-02,\"2,475.00\",2026-12-03,"
            "2026-12-10,https://docs.example.cn/notice-12.pdf\r\n");

  ASSERT_TRUE(Run({"subsidy", "notice", "--ending-from", "2026-12-10"}).ok()) << out_;
  EXPECT_THAT(out_, StartsWith("CLAIM"));
  EXPECT_THAT(out_, HasSubstr("subsidyClaims/S1  in-notice  2,475.00"));
  EXPECT_EQ(DateText(suite_.canned().Last<v1::ListSubsidyClaimsRequest>()->notice_end().start()), "2026-12-10");

  EXPECT_THAT(suite_.canned().Calls(),
              ElementsAre("SubsidyService/ListSubsidyClaims", "SubsidyService/ListSubsidyClaims"));
  ExpectRefusedUnsent({"subsidy", "notice", "--ending-from", "10 Dec"}, "--ending-from");
  ExpectRefusedUnsent({"subsidy", "notice", "--csv=maybe"}, "csv");
}

}  // namespace
}  // namespace huinong::ctl::testing
