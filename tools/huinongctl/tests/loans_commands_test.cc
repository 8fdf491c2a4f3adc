// The loans commands end to end against the fake svc-loans: what goes on the
// wire (yuan as fen, the etag fetched before a step, the step's record) and
// what the user sees; a refusal naming every broken rule; and demo load's
// lending part — applications standing in every state, each step sent with
// the token of the person whose post holds it, and nothing new on a rerun.
#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "common/rpc/status_details.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/tests/command_test.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using ::testing::HasSubstr;

class LoansCommandsTest : public testing::CommandTest {};

TEST_F(LoansCommandsTest, AnApplicationFromCreationThroughItsFirstSteps) {
  ASSERT_TRUE(Run({"borrower", "create", "--type", "household", "--name", "张秀英", "--unit", "U3", "--id-card",
                   "131022197204180243", "--birth-date", "1972-04-18", "--poor-from", "2025-03-01",
                   "--poverty-number", "GA2025-0001", "--credit-checked", "2026-11-01", "--request-id", "b-1"})
                  .ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("created borrowers/B001\n"));
  EXPECT_THAT(out_, HasSubstr("registered poor  yes\n"));
  ASSERT_TRUE(Run({"product", "create", "--code", "poverty-small-loan", "--title", "扶贫小额信贷", "--kind",
                   "poverty-small-loan", "--borrower-type", "household", "--max-amount", "50,000", "--max-term", "36",
                   "--rate-multiple", "1", "--revolving", "--repayment", "monthly-interest-bullet"})
                  .ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("max amount  50,000.00\n"));
  EXPECT_THAT(out_, HasSubstr("rate        ×1.00–×1.00 of the base\n"));
  ASSERT_TRUE(Run({"application", "create", "--borrower", "B001", "--product", "P001", "--amount", "50000.00",
                   "--term", "36", "--purpose", "production", "--detail", "养殖肉牛两头",
                   "--collateral", "house:自有住房一处:80000"}).ok()) << out_;
  auto applications = suite_.loans().Applications();
  ASSERT_EQ(applications.size(), 1u);
  EXPECT_EQ(applications[0].amount().fen(), 5000000);
  EXPECT_EQ(applications[0].collateral(0).estimated_value().fen(), 8000000);

  ASSERT_TRUE(Run({"application", "submit", "A001"}).ok()) << out_;
  EXPECT_EQ(suite_.loans().last_etag(), "1");  // fetched, not given
  EXPECT_THAT(out_, HasSubstr("submitted applications/A001\n"));
  EXPECT_THAT(out_, HasSubstr("state        submitted\n"));
  EXPECT_THAT(out_, HasSubstr("next step    survey\n"));

  ASSERT_TRUE(Run({"application", "survey", "--name", "applications/A001", "--lead", "S1", "--member",
                   "bank-credit-officer:石海涛:S9", "--visit-date", "2026-12-01", "--findings", "属实",
                   "--report", "https://docs.example.cn/s.pdf"}).ok()) << out_;
  applications = suite_.loans().Applications();
  EXPECT_EQ(applications[0].survey().lead(), "staff/S1");
  EXPECT_EQ(applications[0].survey().members(0).staff(), "staff/S9");
  EXPECT_EQ(applications[0].state(), v1::APPLICATION_STATE_SURVEYED);

  // Out of order: the server's refusal, with the request id to retry with.
  const absl::Status late = Run({"application", "contract", "A001", "--contract-number", "JK-1", "--signed",
                                 "2026-12-01", "--amount", "50000", "--term", "36", "--rate", "435",
                                 "--request-id", "c-1"});
  EXPECT_EQ(late.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(late.message(), HasSubstr("retry with --request-id=c-1"));
  EXPECT_TRUE(IsUsageError(Run({"application", "review", "A001", "--amount", "5万"})));
}

TEST_F(LoansCommandsTest, ARefusedSubmissionShowsEveryBrokenRule) {
  ASSERT_TRUE(Run({"application", "create", "--borrower", "B9", "--product", "P9", "--amount", "50000.01",
                   "--term", "37", "--purpose", "personal-consumption", "--detail", "买车"}).ok()) << out_;
  suite_.loans().RefuseSubmissions(rpc::FailedPreconditions(
      "BORROWER_INELIGIBLE", "not eligible",
      {{"AGE_LIMIT", "person.birth_date", "61 > 60"}, {"CEILING", "amount", "50,000.01 > 50,000.00"},
       {"TERM_LIMIT", "term_months", "37 > 36"}, {"PURPOSE_CONSUMPTION", "purpose", "consumption"}}));
  const absl::Status refused = Run({"application", "submit", "A001"});
  ASSERT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition);
  const std::string text = FormatError(refused);
  for (const char* rule : {"AGE_LIMIT (person.birth_date)", "CEILING (amount)", "TERM_LIMIT (term_months)",
                           "PURPOSE_CONSUMPTION (purpose)"}) {
    EXPECT_THAT(text, HasSubstr(rule));
  }
  EXPECT_THAT(text, HasSubstr("broken rules (4)"));
}

TEST_F(LoansCommandsTest, DemoLoadLeavesApplicationsInEveryStateEachStepByItsPeople) {
  ASSERT_TRUE(Run({"demo", "load"}).ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("borrowers      20\n"));
  EXPECT_THAT(out_, HasSubstr("applications   20\n"));
  EXPECT_THAT(out_, HasSubstr("draws          1\n"));
  std::set<v1::ApplicationState> states;
  for (const v1::Application& a : suite_.loans().Applications()) states.insert(a.state());
  for (int s = v1::APPLICATION_STATE_DRAFT; s <= v1::APPLICATION_STATE_WITHDRAWN; ++s) {
    EXPECT_TRUE(states.contains(static_cast<v1::ApplicationState>(s))) << v1::ApplicationState_Name(s);
  }
  // Each step by its own people, never with the caller's (admin) token.
  const auto tokens = suite_.loans().Tokens();
  std::map<std::string, std::set<std::string>> by_method;
  for (const auto& [method, token] : tokens) {
    EXPECT_NE(token, "Bearer tok") << method;
    by_method[method].insert(token);
  }
  EXPECT_EQ(by_method["RecordGuarantee"].size(), 1u);  // the guarantee company's officer
  EXPECT_EQ(by_method["RecordInsurance"].size(), 1u);  // PICC's officer at the county centre
  EXPECT_EQ(by_method["SignContract"].size(), 2u);     // a credit officer at each bank
  for (const std::string& token : by_method["RecordGuarantee"]) {
    EXPECT_FALSE(by_method["SubmitApplication"].contains(token));
    EXPECT_FALSE(by_method["SignContract"].contains(token));
  }

  const size_t borrowers = suite_.loans().BorrowerCount();
  ASSERT_TRUE(Run({"demo", "load"}).ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("demo data: 0 created, "));
  EXPECT_EQ(suite_.loans().BorrowerCount(), borrowers);
  EXPECT_EQ(suite_.loans().Applications().size(), 20u);
}

}  // namespace
}  // namespace huinong::ctl
