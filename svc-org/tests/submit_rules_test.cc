// The pure rules of submitting a change request: what it needs before it can
// go to its approval chain (a DRAFT, items, an effective date not passed) and
// the steps it is given (004:31-33: HR drafts, the general manager's office
// meeting decides, the board approves structure changes).
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-org/src/domain/change_request.h"

namespace huinong::org {
namespace {

constexpr int kCreateUnit = 1, kCreatePost = 7, kSetQuota = 10;

const std::vector<StepTemplate>& Chain() {
  static const std::vector<StepTemplate> chain = {
      {"总经理办公会", "org.change.decide", "company", {}},
      {"董事会", "org.change.approve", "company", {kCreateUnit, 3, 4, 5, 6}},
  };
  return chain;
}

std::vector<std::string> Titles(const std::vector<StepTemplate>& steps) {
  std::vector<std::string> out;
  for (const auto& s : steps) out.push_back(s.title);
  return out;
}

TEST(BuildApprovalSteps, TheMeetingDecidesEveryRequestAndTheBoardApprovesStructure) {
  absl::StatusOr<std::vector<StepTemplate>> post = BuildApprovalSteps(Chain(), {kCreatePost}, "approvalChains/c");
  ASSERT_TRUE(post.ok()) << post.status();
  EXPECT_EQ(Titles(*post), (std::vector<std::string>{"总经理办公会"}));
  EXPECT_EQ((*post)[0].capability, "org.change.decide");
  EXPECT_EQ((*post)[0].at_unit_id, "company");

  absl::StatusOr<std::vector<StepTemplate>> unit =
      BuildApprovalSteps(Chain(), {kSetQuota, kCreateUnit}, "approvalChains/c");
  ASSERT_TRUE(unit.ok()) << unit.status();
  EXPECT_EQ(Titles(*unit), (std::vector<std::string>{"总经理办公会", "董事会"}));  // chain order
  EXPECT_EQ((*unit)[1].capability, "org.change.approve");
}

TEST(BuildApprovalSteps, AChainWithNoStepForTheKindsRefusesTheRequest) {
  const std::vector<StepTemplate> board_only = {{"董事会", "org.change.approve", "company", {kCreateUnit}}};
  absl::StatusOr<std::vector<StepTemplate>> steps = BuildApprovalSteps(board_only, {kSetQuota}, "approvalChains/c");
  EXPECT_EQ(steps.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(steps.status()), "NO_APPLICABLE_STEP");
  EXPECT_EQ(steps.status().message(), "approvalChains/c has no step for these kinds of change");
}

TEST(CheckSubmit, ADraftWithItemsAndADateFromTodayOnIsSubmitted) {
  const absl::CivilDay today(2026, 3, 2);
  absl::StatusOr<absl::CivilDay> on_today = CheckSubmit(ChangeState::kDraft, 1, today, today);
  ASSERT_TRUE(on_today.ok()) << on_today.status();
  EXPECT_EQ(*on_today, today);
  absl::StatusOr<absl::CivilDay> later = CheckSubmit(ChangeState::kDraft, 3, absl::CivilDay(2026, 4, 1), today);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(*later, absl::CivilDay(2026, 4, 1));
}

TEST(CheckSubmit, OnlyADraftIsSubmitted) {
  const absl::CivilDay today(2026, 3, 2);
  for (ChangeState state : {ChangeState::kInApproval, ChangeState::kApproved, ChangeState::kRejected,
                            ChangeState::kWithdrawn}) {
    absl::StatusOr<absl::CivilDay> r = CheckSubmit(state, 1, today, today);
    EXPECT_EQ(rpc::ReasonOf(r.status()), "INVALID_TRANSITION") << ChangeStateName(state);
  }
}

TEST(CheckSubmit, MissingItemsAndDateAreNamedTogether) {
  absl::StatusOr<absl::CivilDay> r = CheckSubmit(ChangeState::kDraft, 0, std::nullopt, absl::CivilDay(2026, 3, 2));
  ASSERT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& fv : rpc::FieldViolationsOf(r.status())) fields.push_back(fv.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"items", "effective_date"}));
}

TEST(CheckSubmit, ADateBeforeTodayHasPassed) {
  absl::StatusOr<absl::CivilDay> r =
      CheckSubmit(ChangeState::kDraft, 1, absl::CivilDay(2026, 3, 1), absl::CivilDay(2026, 3, 2));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(r.status()), "EFFECTIVE_DATE_PASSED");
}

}  // namespace
}  // namespace huinong::org
