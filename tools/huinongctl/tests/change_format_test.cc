// Change request and approval chain text (exact lines), the state and kind
// names, the --step syntax and the --items-file JSON.
#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/change_format.h"

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

v1::ApprovalStep Step(std::string title, std::string capability, v1::ApprovalStepState state,
                      std::string decided_by = "", std::string comment = "") {
  v1::ApprovalStep step;
  step.set_title(std::move(title));
  step.set_required_capability(std::move(capability));
  step.set_at_unit("units/U1");
  step.set_state(state);
  step.set_decided_by(std::move(decided_by));
  step.set_comment(std::move(comment));
  return step;
}

// A merge with a new head post, half-way through its two steps.
v1::ChangeRequest MergeRequest() {
  v1::ChangeRequest r;
  r.set_name("changeRequests/CR7");
  r.set_unit("units/U1");
  r.set_title("东区合并");
  r.set_reason("两个服务部合并为东区服务部");
  r.set_state(v1::CHANGE_REQUEST_STATE_IN_APPROVAL);
  *r.mutable_effective_date() = Day(2026, 7, 1);
  r.set_drafted_by("staff/S3");
  r.mutable_submit_time()->set_seconds(1777624200);  // 2026-05-01 08:30:00 UTC
  r.set_etag("4");
  v1::MergeUnitsChange& merge = *r.add_items()->mutable_merge_units();
  merge.add_sources("units/U4");
  merge.add_sources("units/U5");
  merge.set_target("units/U3");
  v1::CreatePostChange& post = *r.add_items()->mutable_create_post();
  post.set_ref("mgr");
  post.mutable_post()->set_title("东区经理");
  post.mutable_post()->set_unit("units/U3");
  v1::MoveReportingLineChange& line = *r.add_items()->mutable_move_reporting_line();
  line.set_post("new/mgr");
  line.set_new_superior_post("posts/P1");
  *r.add_steps() = Step("人力资源部审核", "org.change.review", v1::APPROVAL_STEP_STATE_APPROVED, "staff/S5", "同意");
  *r.add_steps() = Step("总经理办公会", "org.change.decide", v1::APPROVAL_STEP_STATE_PENDING);
  r.set_current_step(1);
  return r;
}

TEST(ChangeFormat, RequestShowsItsItemsAndStepsWithTheCurrentOneMarked) {
  EXPECT_EQ(ChangeRequestDetail(MergeRequest()),
            "name        changeRequests/CR7\n"
            "title       东区合并\n"
            "unit        units/U1\n"
            "state       in-approval\n"
            "effective   2026-07-01\n"
            "drafted_by  staff/S3\n"
            "reason      两个服务部合并为东区服务部\n"
            "submitted   2026-05-01 08:30:00 UTC\n"
            "etag        4\n"
            "items:\n"
            "  1. merge-units  units/U4, units/U5 → units/U3\n"
            "  2. create-post  \"东区经理\" in units/U3 as new/mgr\n"
            "  3. move-reporting-line  new/mgr → reports to posts/P1\n"
            "steps:\n"
            "  1. 人力资源部审核  [org.change.review at units/U1]  approved by staff/S5: 同意\n"
            "  2. 总经理办公会  [org.change.decide at units/U1]  pending  ← current\n");
  EXPECT_EQ(ChangeRequestLabel(MergeRequest()), "东区合并  [in-approval, effective 2026-07-01]  changeRequests/CR7");
}

TEST(ChangeFormat, DraftWithoutItemsOrStepsSaysSo) {
  v1::ChangeRequest r;
  r.set_name("changeRequests/CR8");
  r.set_unit("units/U1");
  r.set_title("草稿");
  r.set_reason("待定");
  r.set_state(v1::CHANGE_REQUEST_STATE_DRAFT);
  r.set_current_step(-1);
  EXPECT_EQ(ChangeRequestDetail(r),
            "name    changeRequests/CR8\n"
            "title   草稿\n"
            "unit    units/U1\n"
            "state   draft\n"
            "reason  待定\n"
            "items:\n"
            "  (none)\n");
  EXPECT_EQ(ChangeRequestLabel(r), "草稿  [draft]  changeRequests/CR8");
}

TEST(ChangeFormat, EveryItemKindNamesItsTargetsAndResult) {
  const auto item = [](auto set) {
    v1::ChangeItem i;
    set(i);
    return ItemSummary(i);
  };
  EXPECT_EQ(item([](v1::ChangeItem& i) {
              i.mutable_create_unit()->set_ref("east");
              i.mutable_create_unit()->mutable_unit()->set_display_name("东区服务部");
              i.mutable_create_unit()->mutable_unit()->set_parent("units/U2");
              i.set_result("units/U9");
            }),
            "create-unit  \"东区服务部\" under units/U2 as new/east  = units/U9");
  EXPECT_EQ(item([](v1::ChangeItem& i) {
              i.mutable_update_unit()->mutable_unit()->set_name("units/U3");
              i.mutable_update_unit()->mutable_update_mask()->add_paths("display_name");
              i.mutable_update_unit()->mutable_update_mask()->add_paths("status");
            }),
            "update-unit  units/U3 (display_name, status)");
  EXPECT_EQ(item([](v1::ChangeItem& i) {
              v1::SplitUnitChange& s = *i.mutable_split_unit();
              s.set_source("units/U3");
              s.add_new_units()->mutable_unit()->set_display_name("甲");
              s.add_new_units()->mutable_unit()->set_display_name("乙");
              s.mutable_new_units(1)->set_ref("b");
              (*s.mutable_post_moves())["posts/P1"] = "new/b";
              s.set_abolish_source(true);
            }),
            "split-unit  units/U3 → \"甲\", \"乙\" as new/b; 1 posts moved; source abolished");
  EXPECT_EQ(item([](v1::ChangeItem& i) { i.mutable_abolish_unit()->set_unit("units/U7"); }), "abolish-unit  units/U7");
  EXPECT_EQ(item([](v1::ChangeItem& i) {
              i.mutable_move_unit()->set_unit("units/U7");
              i.mutable_move_unit()->set_new_parent("new/east");
            }),
            "move-unit  units/U7 → under new/east");
  EXPECT_EQ(item([](v1::ChangeItem& i) {
              i.mutable_update_post()->mutable_post()->set_name("posts/P3");
              i.mutable_update_post()->mutable_update_mask()->add_paths("title");
            }),
            "update-post  posts/P3 (title)");
  EXPECT_EQ(item([](v1::ChangeItem& i) { i.mutable_abolish_post()->set_post("posts/P3"); }), "abolish-post  posts/P3");
  EXPECT_EQ(item([](v1::ChangeItem& i) {
              i.mutable_set_quota()->mutable_quota()->set_unit("units/U3");
              i.mutable_set_quota()->mutable_quota()->set_min_headcount(5);
              i.mutable_set_quota()->mutable_quota()->set_max_headcount(5);
            }),
            "set-quota  units/U3 total: 5");
  EXPECT_EQ(item([](v1::ChangeItem& i) {
              i.mutable_set_quota()->mutable_quota()->set_unit("units/U3");
              i.mutable_set_quota()->mutable_quota()->set_post("posts/P2");
              i.mutable_set_quota()->mutable_quota()->set_min_headcount(2);
              i.mutable_set_quota()->mutable_quota()->set_max_headcount(3);
            }),
            "set-quota  posts/P2 in units/U3: 2–3");
  EXPECT_EQ(item([](v1::ChangeItem& i) { i.mutable_move_reporting_line()->set_post("posts/P4"); }),
            "move-reporting-line  posts/P4 → top post");
  // Only the output-only kind (an item of a newer server): the kind alone.
  EXPECT_EQ(item([](v1::ChangeItem& i) { i.set_kind(v1::CHANGE_KIND_ABOLISH_POST); }), "abolish-post");
}

TEST(ChangeFormat, RequestTableShowsThePendingStep) {
  v1::ChangeRequest draft;
  draft.set_name("changeRequests/CR8");
  draft.set_unit("units/U1");
  draft.set_title("草稿");
  draft.set_state(v1::CHANGE_REQUEST_STATE_DRAFT);
  draft.set_current_step(-1);
  EXPECT_EQ(ChangeRequestTable({MergeRequest(), draft}).Render(),
            "NAME                STATE        EFFECTIVE   UNIT      ITEMS  STEP              TITLE\n"
            "changeRequests/CR7  in-approval  2026-07-01  units/U1  3      2/2 总经理办公会  东区合并\n"
            "changeRequests/CR8  draft                    units/U1  0      -                 草稿\n");
}

TEST(ChangeFormat, ChainShowsWhichKindsEachStepIsFor) {
  v1::ApprovalChain chain;
  chain.set_name("approvalChains/AC1");
  chain.set_unit("units/U1");
  chain.set_title("固安县结构变更审批");
  chain.set_require_change_requests(true);
  chain.set_etag("1");
  v1::ApprovalStepTemplate& hr = *chain.add_steps();
  hr.set_title("人力资源部审核");
  hr.set_required_capability("org.change.review");
  hr.set_at_unit("units/U1");
  v1::ApprovalStepTemplate& board = *chain.add_steps();
  board.set_title("董事会");
  board.set_required_capability("org.change.approve");
  board.set_at_unit("units/U1");
  board.add_applies_to(v1::CHANGE_KIND_CREATE_UNIT);
  board.add_applies_to(v1::CHANGE_KIND_MERGE_UNITS);
  EXPECT_EQ(ApprovalChainDetail(chain),
            "name                     approvalChains/AC1\n"
            "unit                     units/U1\n"
            "title                    固安县结构变更审批\n"
            "require_change_requests  yes\n"
            "etag                     1\n"
            "steps:\n"
            "  1. 人力资源部审核  [org.change.review at units/U1]  for every request\n"
            "  2. 董事会  [org.change.approve at units/U1]  for create-unit, merge-units\n");
  EXPECT_EQ(ApprovalChainLabel(chain), "固安县结构变更审批  [2 steps, change requests required]  approvalChains/AC1");
  EXPECT_EQ(ApprovalChainTable({chain}).Render(),
            "NAME                UNIT      STEPS  REQUIRED  TITLE\n"
            "approvalChains/AC1  units/U1  2      yes       固安县结构变更审批\n");
}

TEST(ChangeValues, StatesAndKindsParseShortAndProtoNames) {
  EXPECT_EQ(*ParseChangeState("IN_APPROVAL"), v1::CHANGE_REQUEST_STATE_IN_APPROVAL);
  EXPECT_EQ(*ParseChangeState("in-approval"), v1::CHANGE_REQUEST_STATE_IN_APPROVAL);
  EXPECT_EQ(*ParseChangeState("CHANGE_REQUEST_STATE_DRAFT"), v1::CHANGE_REQUEST_STATE_DRAFT);
  EXPECT_EQ(*ParseChangeState("Withdrawn"), v1::CHANGE_REQUEST_STATE_WITHDRAWN);
  const auto bad = ParseChangeState("pending");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()),
              HasSubstr("one of: draft, in-approval, approved, rejected, withdrawn"));
  EXPECT_EQ(*ParseChangeKind("MERGE_UNITS"), v1::CHANGE_KIND_MERGE_UNITS);
  EXPECT_EQ(*ParseChangeKind("change_kind_move_reporting_line"), v1::CHANGE_KIND_MOVE_REPORTING_LINE);
  EXPECT_FALSE(ParseChangeKind("merge").ok());
  EXPECT_EQ(ChangeStateName(v1::CHANGE_REQUEST_STATE_REJECTED), "rejected");
  EXPECT_EQ(ChangeKindName(v1::CHANGE_KIND_SET_QUOTA), "set-quota");
  EXPECT_EQ(StepStateName(v1::APPROVAL_STEP_STATE_PENDING), "pending");
}

TEST(ChangeValues, StepTemplatesFromTheCommandLine) {
  const auto plain = ParseStepTemplate("人力资源部审核|org.change.review|U1");
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_EQ(plain->title(), "人力资源部审核");
  EXPECT_EQ(plain->required_capability(), "org.change.review");
  EXPECT_EQ(plain->at_unit(), "units/U1");
  EXPECT_TRUE(plain->applies_to().empty());
  const auto limited = ParseStepTemplate("董事会|org.change.approve|units/U1|create-unit, MERGE_UNITS");
  ASSERT_TRUE(limited.ok()) << limited.status();
  EXPECT_THAT(limited->applies_to(), ElementsAre(v1::CHANGE_KIND_CREATE_UNIT, v1::CHANGE_KIND_MERGE_UNITS));
  for (const char* bad : {"only|two", "a|b|c|d|e", "|cap|units/U1", "t||units/U1", "t|cap|", "t|cap|U1|merge"}) {
    EXPECT_FALSE(ParseStepTemplate(bad).ok()) << bad;
  }
}

TEST(ChangeValues, ItemsFileIsAJsonArrayOfChangeItems) {
  const auto items = ParseChangeItems(R"([
      {"abolish_unit": {"unit": "units/U7"}},
      {"moveUnit": {"unit": "units/U8", "newParent": "new/east"}},
      {"create_unit": {"ref": "east", "unit": {"display_name": "东区服务部", "kind": "UNIT_KIND_DEPARTMENT",
                                               "parent": "units/U2"}}}
    ])");
  ASSERT_TRUE(items.ok()) << items.status();
  ASSERT_EQ(items->size(), 3u);
  EXPECT_EQ((*items)[0].abolish_unit().unit(), "units/U7");
  EXPECT_EQ((*items)[1].move_unit().new_parent(), "new/east");
  EXPECT_EQ((*items)[2].create_unit().unit().kind(), v1::UNIT_KIND_DEPARTMENT);
  EXPECT_EQ(ItemKind((*items)[2]), v1::CHANGE_KIND_CREATE_UNIT);
  EXPECT_TRUE(ParseChangeItems("[]").ok());
  for (const char* bad : {"", "{\"abolish_unit\": {\"unit\": \"units/U7\"}}", "[{\"abolish_unit\": 3}]",
                          "[{\"no_such_change\": {}}]", "[{}]", "[{\"abolish_unit\": {}}] trailing"}) {
    EXPECT_FALSE(ParseChangeItems(bad).ok()) << bad;
  }
  // A bad item is named by its place in the array.
  const auto second_bad = ParseChangeItems(R"([{"abolish_unit": {"unit": "units/U7"}}, {"abolish_unit": 3}])");
  EXPECT_EQ(second_bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(std::string(second_bad.status().message()), "item 2 is not a change item: "))
      << second_bad.status();
  EXPECT_EQ(std::string(ParseChangeItems("{}").status().message()),
            "not a JSON array of change items ([{\"abolish_unit\": {...}}, ...])");
}

}  // namespace
}  // namespace huinong::ctl
