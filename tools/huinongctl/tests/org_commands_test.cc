// The org commands end to end against the fake: demo load makes the whole
// structure once and a second run creates nothing with the same summary;
// post/staff/assign build the requests the API wants; calc prints its
// working in order; capability check answers through the acting delegation;
// the reports print the server's error when a method is UNIMPLEMENTED.
#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/demo_lending.h"
#include "tools/huinongctl/src/demo_plan.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/tests/fake_suite.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;
using ::testing::HasSubstr;

class OrgCommandsTest : public ::testing::Test {
 protected:
  absl::Status Run(std::vector<std::string> words) {
    std::vector<std::string> argv = {"huinongctl", "--gateway=" + suite_.address(), "--token=tok", "--timeout=5s"};
    argv.insert(argv.end(), words.begin(), words.end());
    auto inv = ParseInvocation(argv, suite_.Environment());
    if (!inv.ok()) return inv.status();
    ::testing::internal::CaptureStdout();
    absl::Status status;
    const std::string& c = inv->command;
    if (c == "demo load") {
      status = RunDemoLoad(*inv);
    } else if (c.starts_with("post") || c.starts_with("staff") || c.starts_with("assign")) {
      status = RunPeople(*inv);
    } else if (c.starts_with("report")) {
      status = RunReport(*inv);
    } else {
      status = RunRules(*inv);
    }
    out_ = ::testing::internal::GetCapturedStdout();
    return status;
  }

  // The output with the lines that change between runs (counts created, time) removed.
  static std::string Stable(const std::string& out) {
    std::string kept;
    for (absl::string_view line : absl::StrSplit(out, '\n')) {
      if (absl::StartsWith(line, "demo data:") || absl::StartsWith(line, "loaded in")) continue;
      absl::StrAppend(&kept, line, "\n");
    }
    return kept;
  }

  std::string PostOf(const std::string& code, const std::string& title) {
    for (const v1::Post& p : suite_.org().Posts()) {
      if (p.code() == code && p.title() == title) return p.name();
    }
    return "";
  }

  testing::FakeSuite suite_;
  std::string out_;
};

// The loans part: the county policy, two products, the borrowers, the
// applications and each second draw on a credit line.
size_t DemoLendingObjects() {
  const DemoLending& lending = DemoLendingPlan();
  size_t draws = 0;
  for (const DemoApplication& a : lending.applications) draws += a.second_draw_yuan > 0 ? 1 : 0;
  return 1 + 2 + lending.borrowers.size() + lending.applications.size() + draws;
}

TEST_F(OrgCommandsTest, DemoLoadTwiceCreatesNothingTheSecondTime) {
  const DemoPlan& plan = DemoStructure();
  ASSERT_TRUE(Run({"demo", "load"}).ok()) << out_;
  const std::string first = out_;
  const size_t objects = plan.units.size() + plan.posts.size() * 2 + plan.unit_quotas.size() + plan.staff.size() +
                         plan.assignments.size() + plan.policies.size() + plan.standards.size() +
                         plan.chains.size() + plan.calendars.size() + DemoLendingObjects();
  EXPECT_THAT(first, HasSubstr(absl::StrCat("demo data: ", objects, " created, 0 already present, ", objects, " total")));
  EXPECT_THAT(first, HasSubstr("loaded in "));
  EXPECT_THAT(first, HasSubstr(absl::StrCat("posts          ", plan.posts.size(), "\n")));
  EXPECT_EQ(suite_.org().Posts().size(), plan.posts.size());
  EXPECT_EQ(suite_.org().StaffMembers().size(), plan.staff.size());
  EXPECT_EQ(suite_.org().Assignments().size(), plan.assignments.size());
  EXPECT_EQ(suite_.org().PolicyCount(), 1u);
  EXPECT_EQ(suite_.org().StandardCount(), 1u);
  EXPECT_EQ(suite_.org().Chains().size(), 1u);
  EXPECT_THAT(first, HasSubstr("chains         1\n"));

  ASSERT_TRUE(Run({"demo", "load"}).ok()) << out_;
  EXPECT_THAT(out_, HasSubstr(absl::StrCat("demo data: 0 created, ", objects, " already present, ", objects, " total")));
  EXPECT_EQ(Stable(first), Stable(out_));
  EXPECT_EQ(suite_.org().Posts().size(), plan.posts.size());
  EXPECT_EQ(suite_.org().StaffMembers().size(), plan.staff.size());
  EXPECT_EQ(suite_.org().Assignments().size(), plan.assignments.size());
  EXPECT_EQ(suite_.org().Quotas().size(), plan.posts.size() + plan.unit_quotas.size());
  EXPECT_EQ(suite_.org().Chains().size(), plan.chains.size());
}

TEST_F(OrgCommandsTest, LoanCompanyChainIsDecidedByTheGeneralManagerAndTheBoard) {
  ASSERT_TRUE(Run({"demo", "load"}).ok()) << out_;
  std::string company;
  for (const v1::Unit& u : suite_.org().Units()) {
    if (u.display_name() == "天佑投资借款有限公司") company = u.name();
  }
  ASSERT_FALSE(company.empty());
  const std::vector<v1::ApprovalChain> chains = suite_.org().Chains();
  ASSERT_EQ(chains.size(), 1u);
  const v1::ApprovalChain& chain = chains[0];
  EXPECT_EQ(chain.unit(), company);
  EXPECT_TRUE(chain.require_change_requests());
  ASSERT_EQ(chain.steps_size(), 2);
  EXPECT_EQ(chain.steps(0).title(), "总经理办公会");
  EXPECT_EQ(chain.steps(0).required_capability(), "org.change.decide");
  EXPECT_EQ(chain.steps(0).at_unit(), company);
  EXPECT_TRUE(chain.steps(0).applies_to().empty());
  EXPECT_EQ(chain.steps(1).title(), "董事会");
  EXPECT_EQ(chain.steps(1).required_capability(), "org.change.approve");
  EXPECT_EQ(chain.steps(1).at_unit(), company);
  EXPECT_THAT(chain.steps(1).applies_to(),
              ::testing::ElementsAre(v1::CHANGE_KIND_CREATE_UNIT, v1::CHANGE_KIND_UPDATE_UNIT,
                                     v1::CHANGE_KIND_MERGE_UNITS, v1::CHANGE_KIND_SPLIT_UNIT,
                                     v1::CHANGE_KIND_ABOLISH_UNIT, v1::CHANGE_KIND_MOVE_UNIT));
  // Each step is decidable by exactly one person, a different one each, and
  // by neither the HR specialist who drafts nor anybody else.
  ASSERT_TRUE(Run({"capability", "holders", "org.change.decide", company}).ok()) << out_;
  std::vector<std::string> rows = absl::StrSplit(out_, '\n', absl::SkipEmpty());
  ASSERT_EQ(rows.size(), 2u) << out_;
  EXPECT_THAT(rows[1], HasSubstr("严志华"));
  EXPECT_THAT(rows[1], HasSubstr(PostOf("general.manager", "总经理")));
  ASSERT_TRUE(Run({"capability", "holders", "org.change.approve", company}).ok()) << out_;
  rows = absl::StrSplit(out_, '\n', absl::SkipEmpty());
  ASSERT_EQ(rows.size(), 2u) << out_;
  EXPECT_THAT(rows[1], HasSubstr("钟国栋"));
  EXPECT_THAT(rows[1], HasSubstr(PostOf("board.director", "董事")));
  std::string hr;
  for (const v1::Staff& s : suite_.org().StaffMembers()) {
    if (s.display_name() == "蒋雅婷") hr = s.name();
  }
  ASSERT_FALSE(hr.empty());
  ASSERT_TRUE(Run({"assignment", "list", "--staff", hr}).ok()) << out_;
  EXPECT_THAT(out_, HasSubstr(PostOf("hr.specialist", "人事专员")));
  for (const char* capability : {"org.change.decide", "org.change.approve"}) {
    ASSERT_TRUE(Run({"capability", "check", hr, capability, company}).ok()) << out_;
    EXPECT_EQ(out_, "refused: not granted\n");
  }
}

TEST_F(OrgCommandsTest, DemoHasTheWorkflowCapabilitiesAndOneActingHead) {
  ASSERT_TRUE(Run({"demo", "load"}).ok()) << out_;
  int acting = 0;
  std::string acting_staff, acting_post;
  for (const v1::Assignment& a : suite_.org().Assignments()) {
    if (a.kind() != v1::ASSIGNMENT_KIND_ACTING) continue;
    ++acting;
    acting_staff = a.staff();
    acting_post = a.post();
    EXPECT_FALSE(a.delegation().acting_for().empty());
    EXPECT_FALSE(a.delegation().reason().empty());
    EXPECT_EQ(a.effective_to().year(), 2027);
  }
  ASSERT_EQ(acting, 1);
  // The acting deputy holds the township director's capability for a village below.
  std::string township, village;
  for (const v1::Post& p : suite_.org().Posts()) {
    if (p.name() == acting_post) township = p.unit();
  }
  for (const v1::Unit& u : suite_.org().Units()) {
    if (u.parent() == township) village = u.name();
  }
  ASSERT_FALSE(village.empty());
  ASSERT_TRUE(Run({"capability", "check", acting_staff, "loans.survey.lead", village}).ok());
  EXPECT_THAT(out_, HasSubstr("allowed via "));
  EXPECT_THAT(out_, HasSubstr("(acting) on " + acting_post));
  EXPECT_THAT(out_, HasSubstr("(distance 1), acting for staff/"));
  EXPECT_EQ(suite_.org().last_check().capability(), "loans.survey.lead");
  // A village agent may take in applications but not review them (the
  // township's credit officer holds loans.intake too, for the leading
  // enterprises that apply at the township: the agent is the one at the village).
  ASSERT_TRUE(Run({"capability", "holders", "loans.intake", village}).ok());
  const std::vector<std::string> rows = absl::StrSplit(out_, '\n', absl::SkipEmpty());
  ASSERT_EQ(rows.size(), 3u) << out_;
  std::string agent;
  for (const std::string& row : rows) {
    if (absl::StrContains(row, village)) agent = row.substr(0, row.find(' '));
  }
  ASSERT_FALSE(agent.empty()) << out_;
  ASSERT_TRUE(Run({"capability", "check", agent, "loans.review.county", village}).ok());
  EXPECT_EQ(out_, "refused: not granted\n");
}

TEST_F(OrgCommandsTest, LoanCompanyWhitelistAndTheClerkHoldingTwoPosts) {
  ASSERT_TRUE(Run({"demo", "load"}).ok());
  ASSERT_TRUE(Run({"assignment", "list", "--post", PostOf("asset.preservation", "资产保全岗")}).ok());
  EXPECT_THAT(out_, HasSubstr("concurrent"));
  const std::vector<std::string> lines = absl::StrSplit(out_, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 2u) << out_;
}

TEST_F(OrgCommandsTest, CalcSendsDecimalInputsAndPrintsTheWorkingInOrder) {
  ASSERT_TRUE(Run({"demo", "load"}).ok());
  ASSERT_TRUE(Run({"calc", "staffingStandards/D001", "--input", "households=130000"}).ok()) << out_;
  const auto& req = suite_.org().last_calculation();
  ASSERT_EQ(req.inputs_size(), 1);
  EXPECT_EQ(req.inputs(0).driver(), "households");
  EXPECT_EQ(req.inputs(0).value().micros(), 130000LL * 1000000);
  EXPECT_EQ(out_,
            "standard   staffingStandards/D001 v1\n"
            "exact      6.5\n"
            "headcount  6\n"
            "working:\n"
            "  1. seats = households / per: 130000 / 20000 = 6.5\n"
            "  2. round down: 6.5 → 6\n");
  EXPECT_TRUE(IsUsageError(Run({"calc", "staffingStandards/D001", "--input", "households"})));
  EXPECT_TRUE(IsUsageError(Run({"calc", "staffingStandards/D001", "--input", "households=1.2345678"})));
  ASSERT_TRUE(Run({"--json", "calc", "D001", "--input=households=130000"}).ok());
  EXPECT_THAT(out_, HasSubstr("\"headcount\":6"));
}

TEST_F(OrgCommandsTest, PostStaffAndActingAssignmentRequests) {
  ASSERT_TRUE(Run({"demo", "load"}).ok());
  const std::string unit = suite_.org().Units().front().name();
  ASSERT_TRUE(Run({"post", "create", "--unit", unit, "--title", "档案管理员", "--kind", "support", "--code",
                   "county.archivist", "--capability", "loans.archive", "--duty", "整理贷款档案", "--duty", "归档"})
                  .ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("created 档案管理员  [support]  posts/P"));
  const v1::Post post = suite_.org().Posts().back();
  EXPECT_EQ(post.duties_size(), 2);
  EXPECT_EQ(post.duties(1).text(), "归档");
  ASSERT_TRUE(Run({"staff", "create", "--name", "测试员", "--phone", "19900009999", "--employee-number", "T-1"}).ok());
  const std::string staff = suite_.org().StaffMembers().back().name();
  ASSERT_TRUE(Run({"staff", "get", staff}).ok());
  EXPECT_THAT(out_, HasSubstr("phone            199****9999\n"));
  const std::string holder = suite_.org().StaffMembers().front().name();
  // ACTING without its delegation is refused before anything is sent.
  EXPECT_TRUE(IsUsageError(Run({"assign", staff, post.name(), "--kind", "acting", "--from", "2026-11-01"})));
  EXPECT_TRUE(IsUsageError(Run({"assign", staff, post.name(), "--from", "2026-13-01"})));
  ASSERT_TRUE(Run({"assign", staff, post.name(), "--kind", "acting", "--from", "2026-11-01", "--to", "2026-12-31",
                   "--acting-for", holder, "--delegated-by", holder, "--reason", "休假"})
                  .ok()) << out_;
  const v1::Assignment a = suite_.org().Assignments().back();
  EXPECT_EQ(a.kind(), v1::ASSIGNMENT_KIND_ACTING);
  EXPECT_EQ(a.delegation().acting_for(), holder);
  EXPECT_EQ(a.effective_to().month(), 12);
  EXPECT_THAT(out_, HasSubstr("fills_seat    no\n"));
  ASSERT_TRUE(Run({"--json", "post", "get", post.name()}).ok());
  EXPECT_THAT(out_, HasSubstr("\"title\":\"档案管理员\""));
  ASSERT_TRUE(Run({"post", "list", "--unit", unit}).ok());
  EXPECT_THAT(out_, HasSubstr("评审专员"));
}

TEST_F(OrgCommandsTest, ReportsPrintTheirTablesOrTheServersError) {
  ASSERT_TRUE(Run({"demo", "load"}).ok());
  std::string centre;
  for (const v1::Unit& u : suite_.org().Units()) {
    if (u.display_name() == "客户服务中心") centre = u.name();
  }
  ASSERT_TRUE(Run({"report", "quota", centre}).ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("unit total  2\n"));
  // The centre's own post only: its two groups are units of their own.
  EXPECT_THAT(out_, HasSubstr("posts sum   1\ndifference  1\nbalanced    no\nheadcount   1\n"));
  EXPECT_THAT(out_, HasSubstr("客户服务中心经理"));
  for (const std::vector<std::string>& words :
       {std::vector<std::string>{"report", "vacancies", centre}, {"report", "chain", "staff/S001"},
        {"report", "acting-heads", "--root", centre}, {"report", "coverage", "--county", centre}}) {
    const absl::Status status = Run(words);
    EXPECT_EQ(status.code(), absl::StatusCode::kUnimplemented) << words[1];
    EXPECT_FALSE(IsUsageError(status));
    EXPECT_THAT(FormatError(status), HasSubstr("error: UNIMPLEMENTED"));
  }
  EXPECT_TRUE(IsUsageError(Run({"report", "chain", "S001"})));
  EXPECT_TRUE(IsUsageError(Run({"report", "acting-heads"})));
}

}  // namespace
}  // namespace huinong::ctl
