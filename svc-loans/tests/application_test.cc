// An application's steps: each is taken through the workflow table and
// leaves a record of who, when, what and which documents; submitting records
// the submitter; a refused step changes nothing; a rejection's reason is the
// application's end reason.
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-loans/src/domain/application.h"

namespace huinong::loans {
namespace {

const absl::Time kNine = absl::FromUnixSeconds(1'796'173'200);  // 2026-12-02 09:00 Beijing

TEST(Application, EveryStepIsRecordedAndSubmittingNamesTheSubmitter) {
  Application a;
  ASSERT_TRUE(Take(a, {ApplicationEvent::kSubmit, "staff/clerk", kNine, "", {}}).ok());
  EXPECT_EQ(a.state, ApplicationState::kSubmitted);
  EXPECT_EQ(a.submitted_by, "staff/clerk");
  EXPECT_EQ(a.submit_time, kNine);
  const domain::DocumentRef report{"docs://survey/1", "ab12", "调查报告"};
  ASSERT_TRUE(Take(a, {ApplicationEvent::kRecordSurvey, "staff/director", kNine + absl::Hours(24), "符合条件",
                       {report}})
                  .ok());
  EXPECT_EQ(a.state, ApplicationState::kSurveyed);
  ASSERT_EQ(a.steps.size(), 2u);
  EXPECT_EQ(a.steps[1].by, "staff/director");
  EXPECT_EQ(a.steps[1].note, "符合条件");
  EXPECT_EQ(a.steps[1].documents[0], report);
  EXPECT_EQ(a.EndReason(), "");
}

TEST(Application, ARefusedStepChangesNothing) {
  Application a;
  ASSERT_TRUE(Take(a, {ApplicationEvent::kSubmit, "staff/clerk", kNine, "", {}}).ok());
  const absl::Status s = Take(a, {ApplicationEvent::kDisburse, "staff/banker", kNine, "", {}});
  EXPECT_EQ(rpc::ReasonOf(s), "INVALID_TRANSITION");
  EXPECT_EQ(a.state, ApplicationState::kSubmitted);
  EXPECT_EQ(a.steps.size(), 1u);
}

TEST(Application, ARejectionsReasonEndsIt) {
  Application a;
  ASSERT_TRUE(Take(a, {ApplicationEvent::kSubmit, "staff/clerk", kNine, "", {}}).ok());
  ASSERT_TRUE(Take(a, {ApplicationEvent::kReject, "staff/director", kNine, "有未结诉讼", {}}).ok());
  EXPECT_EQ(a.state, ApplicationState::kRejected);
  EXPECT_EQ(a.EndReason(), "有未结诉讼");
}

TEST(Application, WithoutAGuaranteeTheInsurerFollowsTheCounty) {
  Application a;
  a.guarantee_required = false;
  a.state = ApplicationState::kApproved;
  EXPECT_EQ(rpc::ReasonOf(Take(a, {ApplicationEvent::kRecordGuarantee, "staff/g", kNine, "", {}})),
            "INVALID_TRANSITION");
  ASSERT_TRUE(Take(a, {ApplicationEvent::kRecordInsurance, "staff/picc", kNine, "意外险", {}}).ok());
  EXPECT_EQ(a.state, ApplicationState::kInsured);
}

}  // namespace
}  // namespace huinong::loans
