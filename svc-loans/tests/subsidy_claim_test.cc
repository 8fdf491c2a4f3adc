// A subsidy claim's workflow (000:1531, 000:1603): every state × every
// event is exactly the documented table; the 7-day notice counts calendar
// days, an objection during it sends the claim back to review, payment is
// refused until the notice has run; a clawback takes back at most what was
// paid.
#include <map>

#include <gtest/gtest.h>

#include "common/domain/tests/exhaustive_table.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/domain/subsidy_claim.h"

namespace huinong::loans {
namespace {

using absl::CivilDay;
using S = SubsidyClaimState;
using E = SubsidyClaimEvent;

TEST(SubsidyClaimFlow, EveryStateAndEventIsTheDocumentedTable) {
  const std::map<std::pair<S, E>, S> documented = {
      {{S::kSubmitted, E::kCheck}, S::kChecked},     {{S::kChecked, E::kReview}, S::kInNotice},
      {{S::kInNotice, E::kObject}, S::kChecked},     {{S::kInNotice, E::kPay}, S::kPaid},
      {{S::kPaid, E::kClawBack}, S::kClawedBack},    {{S::kSubmitted, E::kReject}, S::kRejected},
      {{S::kChecked, E::kReject}, S::kRejected},     {{S::kInNotice, E::kReject}, S::kRejected},
  };
  EXPECT_EQ(domain::ExpectExactlyTheDocumentedTable(SubsidyClaimFlow(), documented), 6 * 6);
}

SubsidyStep By(const std::string& who) {
  SubsidyStep s;
  s.decided_by = who;
  return s;
}

SubsidyClaimRecord Checked() {
  SubsidyClaimRecord c;
  c.computation.amount_fen = 247'500;
  EXPECT_TRUE(CheckClaim(c, By("staff/town")).ok());
  return c;
}

SubsidyObjection Objection() {
  SubsidyObjection o;
  o.objector = "李四";
  o.content = "贷款用于购车";
  return o;
}

SubsidyPayment Payment(CivilDay paid) {
  SubsidyPayment p;
  p.paid_date = paid;
  p.finance_reference = "CZ-2026-0042";
  return p;
}

TEST(SubsidyNotice, SevenCalendarDaysThenPaymentFromTheEighth) {
  SubsidyClaimRecord c = Checked();
  const CivilDay start(2026, 3, 1);
  ASSERT_TRUE(ReviewClaim(c, By("staff/county"), {}, std::nullopt, 7, start, "notice_start_date").ok());
  EXPECT_EQ(c.state, S::kInNotice);
  EXPECT_EQ(*c.notice_start_date, start);
  EXPECT_EQ(*c.notice_end_date, CivilDay(2026, 3, 8));

  // 7 March, the notice's last day: not yet.
  SubsidyClaimRecord early = c;
  const absl::Status refused = PayClaim(early, Payment(CivilDay(2026, 3, 7)), CivilDay(2026, 3, 7), "paid_date");
  EXPECT_EQ(rpc::ReasonOf(refused), "NOTICE_NOT_ENDED") << refused;
  EXPECT_EQ(early.state, S::kInNotice);
  // Today past the notice but a paid date inside it: refused too.
  EXPECT_EQ(rpc::ReasonOf(PayClaim(early, Payment(CivilDay(2026, 3, 7)), CivilDay(2026, 3, 9), "paid_date")),
            "NOTICE_NOT_ENDED");
  // A paid date after today names the field.
  EXPECT_EQ(rpc::FieldViolationsOf(PayClaim(early, Payment(CivilDay(2026, 3, 10)), CivilDay(2026, 3, 9), "paid_date"))
                .at(0)
                .field,
            "paid_date");

  ASSERT_TRUE(PayClaim(c, Payment(CivilDay(2026, 3, 8)), CivilDay(2026, 3, 8), "paid_date").ok());
  EXPECT_EQ(c.state, S::kPaid);
  EXPECT_EQ(c.payment->amount_fen, 247'500);
}

TEST(SubsidyNotice, AnObjectionDuringTheNoticeSendsItBackToReviewAndANewNoticeRunsAgain) {
  SubsidyClaimRecord c = Checked();
  ASSERT_TRUE(ReviewClaim(c, By("staff/county"), {}, std::nullopt, 7, CivilDay(2026, 3, 1), "s").ok());
  ASSERT_TRUE(ObjectToClaim(c, Objection(), CivilDay(2026, 3, 7)).ok());
  EXPECT_EQ(c.state, S::kChecked);
  ASSERT_EQ(c.objections.size(), 1u);
  EXPECT_EQ(c.objections[0].index, 1);
  EXPECT_FALSE(c.objections[0].resolved);

  // Reviewed again on 10 March: a new notice, 10–16 March; the objection is resolved.
  ASSERT_TRUE(ReviewClaim(c, By("staff/county"), {}, std::nullopt, 7, CivilDay(2026, 3, 10), "s").ok());
  EXPECT_TRUE(c.objections[0].resolved);
  EXPECT_EQ(*c.notice_end_date, CivilDay(2026, 3, 17));
  EXPECT_EQ(rpc::ReasonOf(PayClaim(c, Payment(CivilDay(2026, 3, 16)), CivilDay(2026, 3, 16), "p")),
            "NOTICE_NOT_ENDED");
  // From the end date no objection is taken.
  EXPECT_EQ(rpc::ReasonOf(ObjectToClaim(c, Objection(), CivilDay(2026, 3, 17))), "NOTICE_ENDED");
  EXPECT_TRUE(PayClaim(c, Payment(CivilDay(2026, 3, 17)), CivilDay(2026, 3, 17), "p").ok());
}

TEST(SubsidyNotice, TheNoticeStartsTodayOrLaterNeverEarlier) {
  SubsidyClaimRecord c = Checked();
  const absl::Status s =
      ReviewClaim(c, By("staff/county"), {}, CivilDay(2026, 2, 28), 7, CivilDay(2026, 3, 1), "notice_start_date");
  EXPECT_EQ(rpc::FieldViolationsOf(s).at(0).field, "notice_start_date");
  EXPECT_EQ(c.state, S::kChecked);
  ASSERT_TRUE(ReviewClaim(c, By("staff/county"), {}, CivilDay(2026, 3, 5), 7, CivilDay(2026, 3, 1), "n").ok());
  EXPECT_EQ(*c.notice_end_date, CivilDay(2026, 3, 12));
}

TEST(SubsidyClawback, TakesBackThePaymentOrLessNeverMore) {
  SubsidyClaimRecord c = Checked();
  ASSERT_TRUE(ReviewClaim(c, By("staff/county"), {}, std::nullopt, 7, CivilDay(2026, 3, 1), "s").ok());
  ASSERT_TRUE(PayClaim(c, Payment(CivilDay(2026, 3, 8)), CivilDay(2026, 3, 8), "p").ok());
  SubsidyClawback too_much;
  too_much.amount_fen = 247'501;
  EXPECT_EQ(rpc::FieldViolationsOf(ClawBackClaim(c, too_much, "amount")).at(0).field, "amount");
  EXPECT_EQ(c.state, S::kPaid);
  SubsidyClawback whole;
  whole.category = ClawbackCategory::kDiverted;
  ASSERT_TRUE(ClawBackClaim(c, whole, "amount").ok());
  EXPECT_EQ(c.state, S::kClawedBack);
  EXPECT_EQ(c.clawback->amount_fen, 247'500);
}

TEST(SubsidyClaimPeriods, OverlapSharesADay) {
  const ClaimPeriod a{CivilDay(2026, 1, 15), CivilDay(2026, 7, 14)};
  EXPECT_FALSE(Overlap(a, {CivilDay(2026, 7, 15), CivilDay(2027, 1, 14)}));
  EXPECT_TRUE(Overlap(a, {CivilDay(2026, 7, 14), CivilDay(2027, 1, 14)}));
  EXPECT_EQ(a.Days(), 181);
}

}  // namespace
}  // namespace huinong::loans
