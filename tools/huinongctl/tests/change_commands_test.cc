// The change request, approval chain and unit history commands end to end
// against the fake: what goes on the wire (items from the JSON file, step
// templates, the etag fetched before a transition, as_of only when asked
// for) and what the user sees (the request with its items and steps, the
// history table across pages).
#include <fstream>
#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/tests/fake_suite.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

type::v1::Date Day(int year, int month, int day) {
  type::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

class ChangeCommandsTest : public ::testing::Test {
 protected:
  absl::Status Run(std::vector<std::string> words) {
    std::vector<std::string> argv = {"huinongctl", "--gateway=" + suite_.address(), "--token=tok", "--timeout=5s"};
    argv.insert(argv.end(), words.begin(), words.end());
    auto inv = ParseInvocation(argv, [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
    if (!inv.ok()) return inv.status();
    ::testing::internal::CaptureStdout();
    const absl::Status status = RunCommand(*inv);
    out_ = ::testing::internal::GetCapturedStdout();
    return status;
  }

  std::string CreateUnit(const std::string& name, const std::string& parent = "") {
    std::vector<std::string> words = {"unit", "create", "--name", name, "--kind", "department", "--level", "none"};
    if (!parent.empty()) words.push_back("--parent=" + parent);
    EXPECT_TRUE(Run(words).ok()) << out_;
    return suite_.org().Units().back().name();
  }

  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = ::testing::TempDir() + name;
    std::ofstream(path) << text;
    return path;
  }

  std::vector<std::string> CallsTo(const std::string& prefix) {
    std::vector<std::string> out;
    for (const testing::SeenCall& call : suite_.org().Calls()) {
      if (call.method.find(prefix) != std::string::npos) out.push_back(call.method);
    }
    return out;
  }

  testing::FakeSuite suite_;
  std::string out_;
};

TEST_F(ChangeCommandsTest, DraftSubmitApproveAndGet) {
  const std::string root = CreateUnit("固安县金融扶贫服务中心");
  const std::string east = CreateUnit("东区服务部", root);
  const std::string west = CreateUnit("西区服务部", root);
  const std::string items = WriteFile("items.json", R"([
      {"move_unit": {"unit": ")" + west + R"(", "new_parent": ")" + east + R"("}},
      {"abolish_unit": {"unit": ")" + west + R"("}}
    ])");
  ASSERT_TRUE(Run({"change", "create", "--unit", root, "--title", "东区调整", "--reason", "西区并入东区",
                   "--effective", "2026-07-01", "--items-file", items, "--request-id", "cr-1"})
                  .ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("created 东区调整  [draft, effective 2026-07-01]  changeRequests/CR001\n"));
  EXPECT_THAT(out_, HasSubstr("request_id  cr-1\n"));
  ASSERT_EQ(suite_.org().ChangeRequests().size(), 1u);
  const v1::ChangeRequest drafted = suite_.org().ChangeRequests().front();
  ASSERT_EQ(drafted.items_size(), 2);
  EXPECT_EQ(drafted.items(0).move_unit().new_parent(), east);
  EXPECT_EQ(drafted.items(1).abolish_unit().unit(), west);
  EXPECT_EQ(drafted.effective_date().month(), 7);

  // No chain yet: the server's refusal, with the request id to retry with.
  const absl::Status no_chain = Run({"change", "submit", "CR001"});
  EXPECT_EQ(no_chain.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_FALSE(IsUsageError(no_chain));
  EXPECT_THAT(FormatError(no_chain), HasSubstr("reason: NO_APPROVAL_CHAIN"));
  EXPECT_THAT(std::string(no_chain.message()), HasSubstr("retry with --request-id="));

  ASSERT_TRUE(Run({"chain", "create", "--unit", root, "--title", "结构变更审批", "--step",
                   "人力资源部审核|org.change.review|" + root, "--step",
                   "董事会|org.change.approve|" + root + "|create-unit,merge-units", "--require-change-requests"})
                  .ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("created 结构变更审批  [2 steps, change requests required]  approvalChains/AC001\n"));
  const v1::ApprovalChain chain = suite_.org().Chains().front();
  EXPECT_TRUE(chain.require_change_requests());
  ASSERT_EQ(chain.steps_size(), 2);
  EXPECT_THAT(chain.steps(1).applies_to(), ElementsAre(v1::CHANGE_KIND_CREATE_UNIT, v1::CHANGE_KIND_MERGE_UNITS));

  // Submit fetches the current etag first.
  ASSERT_TRUE(Run({"change", "submit", "changeRequests/CR001"}).ok()) << out_;
  EXPECT_EQ(suite_.org().last_transition_etag(), "1");
  EXPECT_THAT(CallsTo("ChangeRequest"), ElementsAre("CreateChangeRequest", "GetChangeRequest", "SubmitChangeRequest",
                                                    "GetChangeRequest", "SubmitChangeRequest"));
  EXPECT_THAT(out_, HasSubstr("submitted 东区调整  [in-approval, effective 2026-07-01]  changeRequests/CR001\n"));

  // Only the first step applies: the items are a move and an abolition.
  ASSERT_TRUE(Run({"change", "get", "CR001"}).ok());
  EXPECT_EQ(out_,
            "name        changeRequests/CR001\n"
            "title       东区调整\n"
            "unit        units/U001\n"
            "state       in-approval\n"
            "effective   2026-07-01\n"
            "drafted_by  staff/S001\n"
            "reason      西区并入东区\n"
            "etag        2\n"
            "items:\n"
            "  1. move-unit  units/U003 → under units/U002\n"
            "  2. abolish-unit  units/U003\n"
            "steps:\n"
            "  1. 人力资源部审核  [org.change.review at units/U001]  pending  ← current\n");

  // A stale etag given by hand is the server's ABORTED; reject needs a comment.
  EXPECT_EQ(Run({"change", "approve", "CR001", "--etag", "1"}).code(), absl::StatusCode::kAborted);
  EXPECT_TRUE(IsUsageError(Run({"change", "reject", "CR001"})));

  ASSERT_TRUE(Run({"change", "approve", "CR001", "--comment", "同意"}).ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("approved 东区调整  [approved, effective 2026-07-01]  changeRequests/CR001\n"));
  EXPECT_THAT(out_, HasSubstr("  1. 人力资源部审核  [org.change.review at units/U001]  approved by staff/S900: 同意\n"));
  EXPECT_EQ(suite_.org().last_transition_etag(), "2");

  ASSERT_TRUE(Run({"--json", "change", "get", "CR001"}).ok());
  EXPECT_THAT(out_, HasSubstr("\"state\":\"CHANGE_REQUEST_STATE_APPROVED\""));
  EXPECT_EQ(Run({"change", "withdraw", "CR001"}).code(), absl::StatusCode::kFailedPrecondition);
}

TEST_F(ChangeCommandsTest, ListFiltersAndBadInputAreUsageErrors) {
  const std::string root = CreateUnit("固安县金融扶贫服务中心");
  ASSERT_TRUE(Run({"change", "create", "--unit", root, "--title", "草稿一", "--reason", "r"}).ok()) << out_;
  ASSERT_TRUE(Run({"change", "create", "--unit", root, "--title", "草稿二", "--reason", "r"}).ok()) << out_;
  ASSERT_TRUE(Run({"change", "withdraw", "CR002", "--reason", "重复"}).ok()) << out_;
  ASSERT_TRUE(Run({"change", "list", "--unit", root, "--state", "DRAFT", "--awaiting-me"}).ok()) << out_;
  EXPECT_EQ(out_,
            "NAME                  STATE  EFFECTIVE  UNIT        ITEMS  STEP  TITLE\n"
            "changeRequests/CR001  draft             units/U001  0      -     草稿一\n");
  const v1::ListChangeRequestsRequest sent = suite_.org().last_change_list();
  EXPECT_EQ(sent.state(), v1::CHANGE_REQUEST_STATE_DRAFT);
  EXPECT_TRUE(sent.awaiting_me());
  EXPECT_FALSE(sent.has_effective());
  ASSERT_TRUE(Run({"change", "list", "--effective-from", "2026-01-01"}).ok());
  EXPECT_EQ(suite_.org().last_change_list().effective().start().year(), 2026);

  EXPECT_TRUE(IsUsageError(Run({"change", "list", "--state", "pending"})));
  EXPECT_TRUE(IsUsageError(Run({"change", "create", "--unit", root, "--title", "t"})));
  EXPECT_TRUE(IsUsageError(Run({"change", "create", "--unit", root, "--title", "t", "--reason", "r",
                                "--effective", "2026-02-30"})));
  EXPECT_TRUE(IsUsageError(Run({"change", "create", "--unit", root, "--title", "t", "--reason", "r",
                                "--items-file", WriteFile("bad.json", "{\"abolish_unit\": {}}")})));
  EXPECT_EQ(Run({"change", "create", "--unit", root, "--title", "t", "--reason", "r", "--items-file",
                 ::testing::TempDir() + "no-such-file.json"})
                .code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(IsUsageError(Run({"chain", "create", "--unit", root, "--title", "t"})));
  EXPECT_TRUE(IsUsageError(Run({"chain", "create", "--unit", root, "--title", "t", "--step", "only|two"})));
  EXPECT_TRUE(IsUsageError(Run({"change", "get"})));
  EXPECT_TRUE(IsUsageError(Run({"change", "frobnicate"})));
  EXPECT_EQ(suite_.org().ChangeRequests().size(), 2u);  // nothing sent by the refused ones
}

TEST_F(ChangeCommandsTest, ChainGetAndList) {
  const std::string root = CreateUnit("固安县金融扶贫服务中心");
  ASSERT_TRUE(Run({"chain", "create", "--unit", root, "--title", "审批", "--step", "办公会|org.change.decide|" + root})
                  .ok()) << out_;
  ASSERT_TRUE(Run({"chain", "get", "AC001"}).ok()) << out_;
  // The fake stamps create_time like the server; everything else is fixed.
  const size_t created = out_.find("created                  20");
  ASSERT_NE(created, std::string::npos) << out_;
  out_.erase(created, out_.find('\n', created) + 1 - created);
  EXPECT_EQ(out_,
            "name                     approvalChains/AC001\n"
            "unit                     units/U001\n"
            "title                    审批\n"
            "require_change_requests  no\n"
            "etag                     1\n"
            "steps:\n"
            "  1. 办公会  [org.change.decide at units/U001]  for every request\n");
  ASSERT_TRUE(Run({"chain", "list", "--applies-to", "U001"}).ok()) << out_;
  EXPECT_EQ(out_,
            "NAME                  UNIT        STEPS  REQUIRED  TITLE\n"
            "approvalChains/AC001  units/U001  1      no        审批\n");
}

TEST_F(ChangeCommandsTest, UnitHistoryFollowsPagesAndAsOfIsSentOnlyWhenGiven) {
  const std::string root = CreateUnit("固安县金融扶贫服务中心");
  const std::string town = CreateUnit("柳泉镇金融服务部", root);
  std::vector<v1::UnitVersion> versions;
  for (const auto& [from, until, status, cr, scheduled] :
       std::vector<std::tuple<type::v1::Date, type::v1::Date, v1::UnitStatus, std::string, bool>>{
           {Day(2024, 3, 1), Day(2025, 9, 15), v1::UNIT_STATUS_ACTIVE, "", false},
           {Day(2025, 9, 15), Day(2026, 7, 1), v1::UNIT_STATUS_FROZEN, "", false},
           {Day(2026, 7, 1), {}, v1::UNIT_STATUS_ACTIVE, "changeRequests/CR001", true}}) {
    v1::UnitVersion& v = versions.emplace_back();
    *v.mutable_unit() = suite_.org().Units().back();
    v.mutable_unit()->set_status(status);
    *v.mutable_valid_from() = from;
    *v.mutable_valid_until() = until;
    v.set_change_request(cr);
    v.set_scheduled(scheduled);
  }
  versions.back().mutable_unit()->set_display_name("柳泉镇金融服务中心");
  suite_.org().SetHistory(town, versions);
  ASSERT_TRUE(Run({"unit", "history", town}).ok()) << out_;
  EXPECT_EQ(out_,
            "FROM..UNTIL             DISPLAY NAME        PARENT      STATUS  CHANGE REQUEST\n"
            "2024-03-01..2025-09-15  柳泉镇金融服务部    units/U001  active  -\n"
            "2025-09-15..2026-07-01  柳泉镇金融服务部    units/U001  frozen  -\n"
            "2026-07-01..            柳泉镇金融服务中心  units/U001  active  changeRequests/CR001  (scheduled)\n");
  EXPECT_THAT(CallsTo("ListUnitHistory"), ElementsAre("ListUnitHistory", "ListUnitHistory"));  // two pages
  ASSERT_TRUE(Run({"--json", "unit", "history", town}).ok());
  EXPECT_THAT(out_, HasSubstr("\"scheduled\":true"));
  EXPECT_EQ(Run({"unit", "history", "units/NOPE"}).code(), absl::StatusCode::kNotFound);

  ASSERT_TRUE(Run({"unit", "get", town}).ok());
  EXPECT_FALSE(suite_.org().as_of_seen("GetUnit").has_value());
  ASSERT_TRUE(Run({"unit", "get", town, "--as-of", "2026-07-01"}).ok());
  ASSERT_TRUE(suite_.org().as_of_seen("GetUnit").has_value());
  EXPECT_EQ(suite_.org().as_of_seen("GetUnit")->month(), 7);
  ASSERT_TRUE(Run({"unit", "tree", root, "--as-of", "2025-01-31"}).ok());
  ASSERT_TRUE(suite_.org().as_of_seen("ListUnitSubtree").has_value());
  EXPECT_EQ(suite_.org().as_of_seen("ListUnitSubtree")->day(), 31);
  ASSERT_TRUE(Run({"unit", "ancestors", town, "--as-of", "2025-01-31"}).ok());
  ASSERT_TRUE(suite_.org().as_of_seen("GetUnitAncestors").has_value());
  EXPECT_EQ(suite_.org().as_of_seen("GetUnit")->year(), 2025);  // the unit itself as of the same day
  EXPECT_TRUE(IsUsageError(Run({"unit", "get", town, "--as-of", "2026-7-1"})));
}

}  // namespace
}  // namespace huinong::ctl
