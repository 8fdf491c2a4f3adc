// The pure moves of a change request's approval (domain/change_request.h):
// submitting gives it the chain's steps, all pending, at the first one; each
// decision is recorded on the pending step and moves the request as Decide
// says; a request written in the old format can only be withdrawn. The
// chain is 004:31-33's: the office meeting decides, the board approves.
#include <gtest/gtest.h>

#include "absl/time/time.h"
#include "common/rpc/status_details.h"
#include "svc-org/src/domain/change_request.h"

namespace huinong::org {
namespace {

const absl::Time kSubmit = absl::FromUnixSeconds(1'790'000'000);

ChangeRequest Draft() {
  ChangeRequest r;
  r.drafted_by = "staff/hr";
  ChangeItem post;
  post.kind = ChangeKind::kCreatePost;
  ChangeItem unit;
  unit.kind = ChangeKind::kCreateUnit;
  r.items = {post, unit, post};
  return r;
}

std::vector<StepTemplate> Steps() {
  return {{"总经理办公会", "org.change.decide", "company", {}}, {"董事会", "org.change.approve", "board", {1}}};
}

TEST(ChangeRequestApproval, SubmittingStartsAtTheFirstOfTheChainsStepsAllPending) {
  ChangeRequest r = Draft();
  StartApproval(r, Steps(), kSubmit);
  EXPECT_EQ(r.state, ChangeState::kInApproval);
  EXPECT_EQ(r.current_step, 0);
  ASSERT_EQ(r.submit_time, kSubmit);
  ASSERT_EQ(r.steps.size(), 2u);
  EXPECT_EQ(r.steps[1].title, "董事会");
  EXPECT_EQ(r.steps[1].capability, "org.change.approve");
  EXPECT_EQ(r.steps[1].at_unit_id, "board");
  for (const ApprovalStep& s : r.steps) {
    EXPECT_EQ(s.state, StepState::kPending);
    EXPECT_EQ(s.decided_by, "");
    EXPECT_FALSE(s.decide_time.has_value());
  }
  EXPECT_EQ(r.ItemKinds(), (std::set<int>{1, 7}));
  EXPECT_TRUE(r.EarlierDeciders().empty());
}

TEST(ChangeRequestApproval, EachDecisionIsRecordedOnThePendingStepAndTheLastApprovalEndsIt) {
  ChangeRequest r = Draft();
  StartApproval(r, Steps(), kSubmit);
  absl::StatusOr<AfterDecision> first = Decide(r.state, r.current_step, 2, true);
  ASSERT_TRUE(first.ok());
  RecordDecision(r, {"staff/gm", true, "同意", {"minutes://1", "", "会议纪要"}, kSubmit + absl::Hours(1)}, *first);
  EXPECT_EQ(r.state, ChangeState::kInApproval);
  EXPECT_EQ(r.current_step, 1);
  EXPECT_EQ(r.steps[0].state, StepState::kApproved);
  EXPECT_EQ(r.steps[0].decided_by, "staff/gm");
  EXPECT_EQ(r.steps[0].decide_time, kSubmit + absl::Hours(1));
  EXPECT_EQ(r.steps[0].comment, "同意");
  EXPECT_EQ(r.steps[0].document.title, "会议纪要");
  EXPECT_EQ(r.EarlierDeciders(), (std::vector<std::string>{"staff/gm"}));

  absl::StatusOr<AfterDecision> last = Decide(r.state, r.current_step, 2, true);
  ASSERT_TRUE(last.ok());
  EXPECT_TRUE(last->apply_items);
  RecordDecision(r, {"staff/chair", true, "", {}, kSubmit + absl::Hours(2)}, *last);
  EXPECT_EQ(r.state, ChangeState::kApproved);
  EXPECT_EQ(r.current_step, -1);
  EXPECT_EQ(r.steps[1].state, StepState::kApproved);
  EXPECT_EQ(r.steps[1].decided_by, "staff/chair");
}

TEST(ChangeRequestApproval, ARejectionEndsItAtTheStepThatRejected) {
  ChangeRequest r = Draft();
  StartApproval(r, Steps(), kSubmit);
  absl::StatusOr<AfterDecision> no = Decide(r.state, r.current_step, 2, false);
  ASSERT_TRUE(no.ok());
  RecordDecision(r, {"staff/gm", false, "编制不足", {}, kSubmit + absl::Minutes(5)}, *no);
  EXPECT_EQ(r.state, ChangeState::kRejected);
  EXPECT_EQ(r.current_step, -1);
  EXPECT_EQ(r.steps[0].state, StepState::kRejected);
  EXPECT_EQ(r.steps[0].comment, "编制不足");
  EXPECT_EQ(r.steps[1].state, StepState::kPending);
}

TEST(ChangeRequestApproval, ARequestInTheOldFormatIsRefusedAsLegacy) {
  ChangeRequest r = Draft();
  EXPECT_TRUE(CheckReadable(r).ok());
  r.legacy_body = R"({"title":"设立风险管理部","currentStep":-1})";
  absl::Status s = CheckReadable(r);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(s), "LEGACY_REQUEST");
}

}  // namespace
}  // namespace huinong::org
