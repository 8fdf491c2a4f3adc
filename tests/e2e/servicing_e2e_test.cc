// Servicing end to end with huinongctl through the gateway (issue 11, "Done
// when"): a registered poor household of 北马村 (马庄镇) borrows at the
// village station; svc-loans is then restarted with its business clock
// ahead — 70 days, 125 days, 133 days — and its close-of-business job,
// running by itself at start-up, closes the missed dates: the loan goes
// overdue, then non-performing at 90 days past due, and the breaker
// suspends 马庄镇 (a new application there is refused). The county approves
// the township's rectification plan, the bank takes the payoff quote and
// the loan is settled; the household's interest subsidy goes through the
// township check, the county review and the 7-day public notice (payment
// refused before its end) and is paid; the month of the loan reports it;
// svc-audit holds every step with its actor.
//
// Living through later days writes later-dated data; so the demo's other
// township (宫村镇), whose demo loans age the same way, is lifted again at
// the end and svc-loans comes back to today. It is its own binary
// (e2e_later_days_test), which ctest runs after every test of e2e_test.
#include <signal.h>

#include <algorithm>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "huinong/loans/v1/breaker.pb.h"
#include "huinong/loans/v1/borrowers.pb.h"
#include "huinong/loans/v1/close_of_business_service.pb.h"
#include "huinong/loans/v1/reports.pb.h"
#include "huinong/loans/v1/servicing.pb.h"
#include "huinong/loans/v1/subsidies.pb.h"
#include "tests/e2e/loans_e2e_fixture.h"

namespace huinong::e2e {
namespace {

std::string Yuan(int64_t fen) { return absl::StrFormat("%d.%02d", fen / 100, fen % 100); }

class ServicingE2E : public LoansE2E {
 protected:
  ServicingE2E() : LoansE2E("北马村") {}

  void SetUp() override {
    LoansE2E::SetUp();
    centre_ = Holder("loans.breaker.approve", village_);
    payer_ = Holder("loans.subsidy.pay", village_);
    subsidy_reviewer_ = Holder("loans.subsidy.review.county", village_);
  }

  void TearDown() override {
    // Back to today whatever happened.
    EXPECT_TRUE(Suite::Get().StopService("loans", SIGTERM));
    EXPECT_TRUE(Suite::Get().Restart());
  }

  // svc-loans restarted `days` ahead; returns once its close-of-business
  // job has closed the county's yesterday.
  void LiveDaysAhead(int days) {
    ASSERT_TRUE(Suite::Get().StopService("loans", SIGTERM));
    ASSERT_TRUE(Suite::Get().Restart(absl::StrCat(24 * days, "h")));
    const absl::Time give_up = absl::Now() + absl::Seconds(60);
    loans::v1::CloseOfBusinessStatus status;
    do {
      status = Json<loans::v1::CloseOfBusinessStatus>("", {"loans", "cob", "status", "--county", county_});
      if (status.has_last_closed_date() && status.lag_days() == 0 && !status.running()) return;
      absl::SleepFor(absl::Milliseconds(500));
    } while (absl::Now() < give_up);
    FAIL() << "the close-of-business job did not catch up: " << status.ShortDebugString();
  }

  loans::v1::TownshipStatus Breaker(const std::string& township) {
    return Json<loans::v1::TownshipStatus>(reviewer_.token, {"breaker", "status", township});
  }

  // Files and approves the rectification of every suspended township.
  void LiftEverySuspension() {
    const auto all = Json<loans::v1::ListTownshipStatusesResponse>(
        reviewer_.token, {"breaker", "status", "--county", county_, "--all"});
    for (const loans::v1::TownshipStatus& t : all.statuses()) {
      if (t.state() == loans::v1::TOWNSHIP_LENDING_STATE_OPEN) continue;
      if (t.state() == loans::v1::TOWNSHIP_LENDING_STATE_SUSPENDED) {
        const Person rectifier = Holder("loans.breaker.rectify", t.township());  // the township department
        Json<loans::v1::TownshipStatus>(rectifier.token,
                                        {"breaker", "plan", t.township(), "--plan", "逐户核查，落实还款计划",
                                         "--document", "rectification_plan|https://docs.example.cn/e2e/plan.pdf"});
      }
      const auto lifted = Json<loans::v1::TownshipStatus>(
          centre_.token, {"breaker", "approve", t.township(), "--comment", "同意整改"});
      EXPECT_EQ(lifted.state(), loans::v1::TOWNSHIP_LENDING_STATE_OPEN) << t.township();
    }
  }

  Person centre_, payer_, subsidy_reviewer_;
  std::string county_;  // the village's, from its application
};

TEST_F(ServicingE2E, AHouseholdFromApplicationToSubsidyPaidThroughASuspendedTownship) {
  const std::string today = Day(today_);
  const auto borrower = Json<loans::v1::Borrower>(
      agent_.token, {"borrower", "create", "--type", "household", "--name", "服务农户" + Unique(), "--unit", village_,
                     "--id-card", IdCard(absl::CivilDay(1972, 3, 3)), "--birth-date", "1972-03-03", "--poor-from",
                     "2025-03-01", "--poverty-number", "GA-SVC-" + Unique(), "--credit-checked", Day(today_ - 5),
                     "--bank", "nxs", "--account", "6230530199990002"});
  const std::string name = Step(agent_, {"application", "create", "--borrower", borrower.name(), "--product", small_,
                                   "--amount", "50000", "--term", "36", "--purpose", "production", "--detail",
                                   "种植大棚蔬菜"})
                         .name();
  Step(agent_, {"application", "submit", name});
  Step(director_, {"application", "survey", name, "--lead", director_.staff, "--member",
                   "bank-credit-officer:信贷员:" + rcu_officer_.staff, "--visit-date", today, "--findings", "属实",
                   "--report", "https://docs.example.cn/e2e/s.pdf", "--guarantee-application",
                   "https://docs.example.cn/e2e/g.pdf"});
  Step(reviewer_, {"application", "review", name, "--amount", "50000", "--term", "36", "--rate", "435", "--bank", rcu_});
  Step(guarantor_, {"application", "guarantee", name, "--contract-number", "DB-" + Unique(), "--amount", "50000",
                    "--contract", "https://docs.example.cn/e2e/gc.pdf"});
  Step(insurer_, {"application", "insure", name, "--kind", "surety", "--policy-number", "PICC-" + Unique(), "--amount",
                  "50000", "--cover-from", today, "--cover-to", Day(today_ + 3 * 365)});
  const std::string contract = "JK-" + Unique();
  Step(rcu_officer_, {"application", "contract", name, "--contract-number", contract, "--signed", today, "--amount",
                      "50000", "--term", "36", "--rate", "435", "--contract",
                      "loan_contract|" + contract + "|https://docs.example.cn/e2e/c.pdf"});
  const loans::v1::Application disbursed = Step(
      rcu_officer_, {"application", "disburse", name, "--amount", "50000", "--value-date", today, "--bank-reference",
                     "SVC-" + Unique()});
  ASSERT_EQ(disbursed.state(), loans::v1::APPLICATION_STATE_DISBURSED);
  const std::string loan = disbursed.loan();
  const std::string township = disbursed.township();
  county_ = disbursed.county();
  ASSERT_FALSE(loan.empty());

  // 70 days on: the first month's interest unpaid — overdue, not yet bad.
  LiveDaysAhead(70);
  auto l = Json<loans::v1::Loan>(rcu_officer_.token, {"loan", "get", loan});
  EXPECT_EQ(l.classification(), loans::v1::LOAN_CLASSIFICATION_OVERDUE);
  EXPECT_GT(l.days_past_due(), 30);
  EXPECT_LT(l.days_past_due(), 90);
  EXPECT_EQ(Breaker(township).state(), loans::v1::TOWNSHIP_LENDING_STATE_OPEN);

  // 125 days on: past 90 days — non-performing; 马庄镇 stops lending.
  LiveDaysAhead(125);
  l = Json<loans::v1::Loan>(rcu_officer_.token, {"loan", "get", loan});
  EXPECT_EQ(l.classification(), loans::v1::LOAN_CLASSIFICATION_NON_PERFORMING);
  EXPECT_GE(l.days_past_due(), 90);
  const loans::v1::TownshipStatus suspended = Breaker(township);
  EXPECT_EQ(suspended.state(), loans::v1::TOWNSHIP_LENDING_STATE_SUSPENDED);
  EXPECT_EQ(suspended.npl_ratio_bp(), 10'000);  // its one loan
  const std::string second = Step(agent_, {"application", "create", "--borrower", borrower.name(), "--product",
                                            small_, "--amount", "10000", "--term", "12", "--purpose", "production",
                                            "--detail", "扩大种植"})
                                 .name();
  const Cli refused = Ctl(agent_.token, {"application", "submit", second});
  EXPECT_EQ(refused.code, 1);
  EXPECT_TRUE(absl::StrContains(refused.err, "TOWNSHIP_SUSPENDED")) << refused.err;

  // The rectification lifts it.
  LiftEverySuspension();
  EXPECT_EQ(Breaker(township).state(), loans::v1::TOWNSHIP_LENDING_STATE_OPEN);

  // The bank takes the payoff quote; the loan is settled and sound again.
  const auto quote = Json<loans::v1::PayoffQuote>(rcu_officer_.token, {"loan", "quote", loan});
  EXPECT_EQ(quote.principal().fen(), 5'000'000);
  const std::string payoff_day = Day(today_ + 125);
  Json<loans::v1::Repayment>(rcu_officer_.token, {"loan", "repay", loan, "--amount", Yuan(quote.total().fen()),
                                                  "--value-date", payoff_day, "--bank-reference", "SVC-" + Unique()});
  l = Json<loans::v1::Loan>(rcu_officer_.token, {"loan", "get", loan});
  EXPECT_EQ(l.status(), loans::v1::LOAN_STATUS_SETTLED);
  EXPECT_EQ(l.classification(), loans::v1::LOAN_CLASSIFICATION_NORMAL);

  // The subsidy: applied, checked, reviewed; 7 days' notice.
  auto claim = Json<loans::v1::SubsidyClaim>(
      agent_.token, {"subsidy", "apply", loan, "--from", today, "--to", payoff_day, "--interest-paid",
                     Yuan(quote.interest().fen()), "--voucher",
                     "repayment_voucher|https://docs.example.cn/e2e/voucher.pdf", "--bank-card",
                     "6230530199990002"});
  EXPECT_GT(claim.amount().fen(), 0);
  EXPECT_LE(claim.amount().fen(), quote.interest().fen());
  Json<loans::v1::SubsidyClaim>(director_.token, {"subsidy", "check", claim.name(), "--comment", "凭证相符"});
  claim = Json<loans::v1::SubsidyClaim>(
      subsidy_reviewer_.token,
      {"subsidy", "review", claim.name(), "--notice", "subsidy_notice|https://docs.example.cn/e2e/notice.pdf"});
  ASSERT_EQ(claim.state(), loans::v1::SUBSIDY_CLAIM_STATE_IN_NOTICE);
  const Cli early = Ctl(payer_.token, {"subsidy", "pay", claim.name(), "--paid-date", payoff_day,
                                       "--finance-reference", "CZ-" + Unique()});
  EXPECT_EQ(early.code, 1);
  EXPECT_TRUE(absl::StrContains(early.err, "NOTICE_NOT_ENDED")) << early.err;

  // After the notice: paid.
  LiveDaysAhead(133);
  claim = Json<loans::v1::SubsidyClaim>(payer_.token, {"subsidy", "pay", claim.name(), "--paid-date",
                                                       Day(today_ + 133), "--finance-reference", "CZ-" + Unique()});
  EXPECT_EQ(claim.state(), loans::v1::SUBSIDY_CLAIM_STATE_PAID);

  // The month the loan was made reports it in 马庄镇.
  const auto report = Json<loans::v1::LendingReport>(
      reviewer_.token, {"loans", "report", "--county", county_, "--month",
                        absl::StrFormat("%04d-%02d", today_.year(), today_.month())});
  bool reported = false;
  for (const loans::v1::TownshipFigures& t : report.townships()) {
    if (t.township() == township) reported = t.figures().issued_count() >= 1;
  }
  EXPECT_TRUE(reported) << report.ShortDebugString();

  // Every step is in the trail, by its actor.
  const std::vector<std::string> actors = AuditActors(claim.name(), 4);  // apply, check, review, pay
  const std::set<std::string> who(actors.begin(), actors.end());
  for (const Person* p : {&agent_, &director_, &subsidy_reviewer_, &payer_}) {
    EXPECT_TRUE(who.contains(p->staff)) << p->staff << " not among the claim's actors";
  }
  const std::vector<std::string> loan_actors = AuditActors(loan, 1);
  EXPECT_NE(std::find(loan_actors.begin(), loan_actors.end(), rcu_officer_.staff), loan_actors.end())
      << "the repayment's loan event";

  LiftEverySuspension();  // 宫村镇's demo loans aged too
}

}  // namespace
}  // namespace huinong::e2e
