// A change request of the demo loan company end to end with huinongctl
// through the gateway, as the people of the demo data: the HR specialist
// drafts a rename of 风险控制部 effective tomorrow (UTC) and submits it, the
// general manager (总经理办公会, org.change.decide) and a director (董事会,
// org.change.approve) approve; the unit keeps its name today and has the new
// one from tomorrow, as a scheduled version naming the request; and, the
// chain requiring change requests, an org.admin's direct post create in the
// company is refused.
//
// Everyone is found at test time from the demo structure (by post code and
// capability), and the new name is unique, so the test runs in any order and
// again on the same suite.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "absl/strings/ascii.h"
#include "common/core/business_clock.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "huinong/org/v1/changes.pb.h"
#include "huinong/org/v1/posts.pb.h"
#include "huinong/org/v1/queries.pb.h"
#include "huinong/org/v1/staff.pb.h"
#include "huinong/org/v1/units.pb.h"
#include "tests/e2e/ctl.h"
#include "tests/e2e/suite.h"

namespace huinong::e2e {
namespace {

namespace v1 = ::huinong::org::v1;

std::string Day(absl::CivilDay day) { return absl::FormatCivilTime(day); }

class ChangesE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Suite::Get().ok());
    const auto companies = Json<v1::ListUnitsResponse>("", {"unit", "list", "--kind", "company", "--all"});
    for (const v1::Unit& u : companies.units()) {
      if (u.display_name() == "天佑投资借款有限公司" && u.parent().empty()) company_ = u.name();
    }
    ASSERT_FALSE(company_.empty()) << "the demo loan company is missing: was `demo load` run?";
  }

  // The one open post with `code` in the company.
  v1::Post CompanyPost(const std::string& code) {
    const auto posts =
        Json<v1::ListPostsResponse>("", {"post", "list", "--unit", company_, "--subtree", "--code", code});
    EXPECT_EQ(posts.posts_size(), 1) << code;
    return posts.posts_size() > 0 ? posts.posts(0) : v1::Post();
  }

  // The one person holding `capability` for the company.
  std::string Holder(const std::string& capability) {
    const auto holders =
        Json<v1::ListCapabilityHoldersResponse>("", {"capability", "holders", capability, company_});
    EXPECT_EQ(holders.holders_size(), 1) << capability;
    return holders.holders_size() > 0 ? holders.holders(0).staff() : "";
  }

  std::string company_;
};

TEST_F(ChangesE2E, LoanCompanyRenameGoesThroughTheChainAndTakesEffectTomorrow) {
  // The chain demo load made.
  const auto chains = Json<v1::ListApprovalChainsResponse>("", {"chain", "list", "--applies-to", company_});
  ASSERT_EQ(chains.chains_size(), 1);
  EXPECT_EQ(chains.chains(0).unit(), company_);
  EXPECT_TRUE(chains.chains(0).require_change_requests());

  // The people: the HR specialist by post, the deciders by capability.
  const v1::Post risk_manager = CompanyPost("risk.manager");
  const std::string risk = risk_manager.unit();
  ASSERT_FALSE(risk.empty());
  const v1::Post hr_post = CompanyPost("hr.specialist");
  const auto hr_held = Json<v1::ListAssignmentsResponse>("", {"assignment", "list", "--post", hr_post.name()});
  ASSERT_EQ(hr_held.assignments_size(), 1);
  const std::string hr = hr_held.assignments(0).staff();
  const std::string gm = Holder("org.change.decide");
  const std::string director = Holder("org.change.approve");
  ASSERT_FALSE(gm.empty());
  ASSERT_FALSE(director.empty());
  EXPECT_NE(gm, director);
  const std::string hr_token = MintToken(hr, "hr", hr_post.unit());
  const std::string gm_token = MintToken(gm, "staff", company_);
  const std::string director_token = MintToken(director, "staff", company_);

  // The county's business day (Asia/Shanghai), as the services count it.
  const absl::CivilDay today = (*BusinessClock::System(kDefaultCountyTimeZone))->Today();
  const absl::CivilDay tomorrow = today + 1;
  const std::string old_name = Json<v1::Unit>("", {"unit", "get", risk}).display_name();
  const std::string new_name = "风险管理部-" + Unique();

  // HR drafts and submits.
  const std::string items_path =
      (std::filesystem::temp_directory_path() / absl::StrCat("huinong-e2e-items-", Unique(), ".json")).string();
  {
    std::ofstream items(items_path);
    items << R"([{"update_unit": {"unit": {"name": ")" << risk << R"(", "display_name": ")" << new_name
          << R"("}, "update_mask": "displayName"}}])";
  }
  const auto drafted = Json<v1::ChangeRequest>(
      hr_token, {"change", "create", "--unit", company_, "--title", "风险控制部更名", "--reason",
                 "按总经理办公会要求调整部门名称", "--effective", Day(tomorrow), "--items-file", items_path});
  std::filesystem::remove(items_path);
  ASSERT_EQ(drafted.state(), v1::CHANGE_REQUEST_STATE_DRAFT);
  EXPECT_EQ(drafted.drafted_by(), hr);
  const std::string name = drafted.name();

  const auto submitted = Json<v1::ChangeRequest>(hr_token, {"change", "submit", name});
  ASSERT_EQ(submitted.state(), v1::CHANGE_REQUEST_STATE_IN_APPROVAL);
  ASSERT_EQ(submitted.steps_size(), 2) << "a unit change needs the office meeting and the board";
  EXPECT_EQ(submitted.steps(0).title(), "总经理办公会");
  EXPECT_EQ(submitted.steps(1).title(), "董事会");

  // The board cannot decide the office meeting's step.
  const Cli early = Ctl(director_token, {"change", "approve", name});
  EXPECT_EQ(early.code, 1) << early.out << early.err;
  EXPECT_NE(early.err.find("reason: CAPABILITY_MISSING"), std::string::npos) << early.err;

  const auto decided = Json<v1::ChangeRequest>(gm_token, {"change", "approve", name, "--comment", "总经理办公会同意"});
  ASSERT_EQ(decided.state(), v1::CHANGE_REQUEST_STATE_IN_APPROVAL);
  EXPECT_EQ(decided.current_step(), 1);
  EXPECT_EQ(decided.steps(0).decided_by(), gm);

  const auto approved = Json<v1::ChangeRequest>(director_token, {"change", "approve", name, "--comment", "董事会批准"});
  EXPECT_EQ(approved.state(), v1::CHANGE_REQUEST_STATE_APPROVED);
  EXPECT_EQ(approved.steps(1).decided_by(), director);
  const auto got = Json<v1::ChangeRequest>(hr_token, {"change", "get", name});
  EXPECT_EQ(got.state(), v1::CHANGE_REQUEST_STATE_APPROVED);

  // The old name today, the new one from tomorrow.
  EXPECT_EQ(Json<v1::Unit>("", {"unit", "get", risk, "--as-of", Day(today)}).display_name(), old_name);
  EXPECT_EQ(Json<v1::Unit>("", {"unit", "get", risk, "--as-of", Day(tomorrow)}).display_name(), new_name);
  EXPECT_EQ(Json<v1::Unit>("", {"unit", "get", risk}).display_name(), old_name);

  const Cli history = Ctl("", {"unit", "history", risk});
  ASSERT_EQ(history.code, 0) << history.out << history.err;
  bool scheduled = false;
  for (const absl::string_view line : absl::StrSplit(history.out, '\n')) {
    if (absl::StrContains(line, new_name)) {
      scheduled = absl::StartsWith(line, Day(tomorrow) + "..") && absl::StrContains(line, name) &&
                  absl::StrContains(line, "(scheduled)");
    }
  }
  EXPECT_TRUE(scheduled) << history.out;
}

TEST_F(ChangesE2E, DirectPostCreateInTheCompanyNeedsAChangeRequest) {
  const std::string org_admin = MintToken("staff/e2e-orgadmin-" + Unique(), "org.admin", company_);
  const std::string risk = CompanyPost("risk.manager").unit();
  ASSERT_FALSE(risk.empty());
  const std::string code = "e2e." + absl::AsciiStrToLower(Unique());
  const Cli refused =
      Ctl(org_admin, {"post", "create", "--unit", risk, "--title", "合规专员", "--kind", "support", "--code", code});
  EXPECT_EQ(refused.code, 1) << refused.out << refused.err;
  EXPECT_NE(refused.err.find("error: FAILED_PRECONDITION: "), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("reason: CHANGE_REQUEST_REQUIRED"), std::string::npos) << refused.err;
  // Nothing was made.
  const auto posts = Json<v1::ListPostsResponse>("", {"post", "list", "--unit", risk, "--code", code});
  EXPECT_EQ(posts.posts_size(), 0);
}

}  // namespace
}  // namespace huinong::e2e
