// `huinongctl breaker ...` against canned TownshipBreakerService answers: a
// township's status or the list in scope, a measurement, and the
// rectification plan (every --investigator and --document, its target date)
// with its approval or rejection — each change with the status's etag,
// fetched just before when not given, and a request id. Bad input is refused
// before anything is sent; the breaker's refusals are shown with their
// reasons, and so is a submission in a township suspended at the county's 3%
// threshold (TOWNSHIP_SUSPENDED).
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "common/rpc/status_details.h"
#include "huinong/loans/v1/township_breaker_service.pb.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/tests/command_test.h"

namespace huinong::ctl::testing {
namespace {

namespace v1 = ::huinong::loans::v1;

class BreakerCommandsTest : public CommandTest {};

// 柳泉镇 at 3.12%: 1,560,000.00 non-performing of 50,000,000.00 outstanding.
v1::TownshipStatus Suspended() {
  v1::TownshipStatus t;
  t.set_township("units/T1");
  t.set_county("units/C1");
  t.set_state(v1::TOWNSHIP_LENDING_STATE_SUSPENDED);
  t.set_measure(v1::NPL_MEASURE_BY_BALANCE);
  t.set_npl_ratio_bp(312);
  *t.mutable_npl_balance() = Fen(156'000'000);
  *t.mutable_outstanding_balance() = Fen(5'000'000'000);
  t.set_threshold_bp(300);
  t.set_policy("countyPolicies/P1");
  *t.mutable_evaluate_time() = rpc::ToTimestamp(absl::FromUnixSeconds(1'796'000'000));
  *t.mutable_suspend_time() = rpc::ToTimestamp(absl::FromUnixSeconds(1'796'000'000));
  t.set_suspended_at_ratio_bp(312);
  t.set_etag("5");
  return t;
}

TEST_F(BreakerCommandsTest, OneTownshipOrTheTownshipsInScope) {
  suite_.canned().Answer<v1::GetTownshipStatusRequest>(Suspended());
  ASSERT_TRUE(Run({"breaker", "status", "T1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetTownshipStatusRequest>()->name(), "units/T1");
  EXPECT_EQ(Row("state"), "suspended");
  EXPECT_EQ(Row("threshold"), "300 bp (3.00%), countyPolicies/P1");
  EXPECT_EQ(Row("suspended at"), "312 bp (3.12%)");
  ASSERT_TRUE(Run({"breaker", "status", "--township", "units/T1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetTownshipStatusRequest>()->name(), "units/T1");

  v1::ListTownshipStatusesResponse statuses;
  *statuses.add_statuses() = Suspended();
  suite_.canned().Answer<v1::ListTownshipStatusesRequest>(statuses);
  ASSERT_TRUE(Run({"breaker", "status", "--county", "C1", "--state", "suspended"}).ok()) << out_;
  const auto list = suite_.canned().Last<v1::ListTownshipStatusesRequest>();
  EXPECT_EQ(list->county(), "units/C1");
  EXPECT_EQ(list->state(), v1::TOWNSHIP_LENDING_STATE_SUSPENDED);
  EXPECT_THAT(out_, HasSubstr("units/T1  suspended"));
  EXPECT_THAT(out_, HasSubstr("300 bp (3.00%)"));
  ExpectRefusedUnsent({"breaker", "status", "--state", "closed"}, "--state");
}

TEST_F(BreakerCommandsTest, AMeasurementNow) {
  suite_.canned().Answer<v1::MeasureTownshipRequest>(Suspended());
  ASSERT_TRUE(Run({"breaker", "measure", "T1", "--request-id", "m-1"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::MeasureTownshipRequest>();
  EXPECT_EQ(sent->name(), "units/T1");
  EXPECT_EQ(sent->request_id(), "m-1");
  EXPECT_THAT(out_, StartsWith("measured units/T1\n"));
  EXPECT_EQ(Row("request_id"), "m-1");
  ExpectRefusedUnsent({"breaker", "measure"}, "township");
}

TEST_F(BreakerCommandsTest, APlanWithEveryInvestigatorAndDocumentOnTheFetchedEtag) {
  v1::TownshipStatus rectifying = Suspended();
  rectifying.set_state(v1::TOWNSHIP_LENDING_STATE_RECTIFYING);
  v1::RectificationPlan* plan = rectifying.mutable_plan();
  plan->set_measures("逐户清收，暂停新增");
  plan->set_filed_by("staff/T7");
  plan->add_investigators("固安农商行");
  plan->add_investigators("人保财险固安支公司");
  rectifying.set_etag("6");
  suite_.canned().Answer<v1::GetTownshipStatusRequest>(Suspended());
  suite_.canned().Answer<v1::FileRectificationPlanRequest>(rectifying);

  ASSERT_TRUE(Run({"breaker", "plan", "T1", "--plan", "逐户清收，暂停新增", "--findings", "三户失联", "--investigator",
                   "固安农商行", "--investigator", "人保财险固安支公司", "--target-date", "2027-03-31", "--document",
                   "rectification_plan|柳整改〔2026〕1号|https://docs.example.cn/plan.pdf", "--document",
                   "https://docs.example.cn/survey.pdf", "--request-id", "p-1"}).ok()) << out_;
  EXPECT_THAT(suite_.canned().Calls(), ElementsAre("TownshipBreakerService/GetTownshipStatus",
                                                   "TownshipBreakerService/FileRectificationPlan"));
  const auto sent = suite_.canned().Last<v1::FileRectificationPlanRequest>();
  EXPECT_EQ(sent->name(), "units/T1");
  EXPECT_EQ(sent->etag(), "5");  // fetched
  EXPECT_EQ(sent->request_id(), "p-1");
  EXPECT_EQ(sent->plan().measures(), "逐户清收，暂停新增");
  EXPECT_EQ(sent->plan().findings(), "三户失联");
  EXPECT_THAT(sent->plan().investigators(), ElementsAre("固安农商行", "人保财险固安支公司"));
  EXPECT_EQ(DateText(sent->plan().target_date()), "2027-03-31");
  ASSERT_EQ(sent->plan().documents_size(), 2);
  EXPECT_EQ(sent->plan().documents(0).number(), "柳整改〔2026〕1号");
  EXPECT_EQ(sent->plan().documents(1).uri(), "https://docs.example.cn/survey.pdf");
  EXPECT_THAT(out_, StartsWith("filed a rectification plan for units/T1\n"));
  EXPECT_EQ(Row("state"), "rectifying");
  EXPECT_EQ(Row("investigators"), "固安农商行, 人保财险固安支公司");

  ASSERT_TRUE(Run({"breaker", "plan", "T1", "--plan", "p", "--document", "docs://p.pdf", "--etag", "9"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Calls().size(), 3u);  // no fetch with --etag
  EXPECT_EQ(suite_.canned().Last<v1::FileRectificationPlanRequest>()->etag(), "9");
  EXPECT_FALSE(suite_.canned().Last<v1::FileRectificationPlanRequest>()->plan().has_target_date());
}

TEST_F(BreakerCommandsTest, APlansBadInputIsRefusedBeforeAnythingIsSent) {
  ExpectRefusedUnsent({"breaker", "plan", "T1", "--document", "docs://p.pdf"}, "--plan");
  ExpectRefusedUnsent({"breaker", "plan", "T1", "--plan", "p"}, "--document");
  ExpectRefusedUnsent({"breaker", "plan", "T1", "--plan", "p", "--document", "docs://p.pdf#zz"}, "--document");
  ExpectRefusedUnsent({"breaker", "plan", "T1", "--plan", "p", "--document", "docs://p.pdf", "--target-date",
                       "2027-02-30"}, "--target-date");
  ExpectRefusedUnsent({"breaker", "plan", "--plan", "p", "--document", "docs://p.pdf"}, "township");
  ExpectRefusedUnsent({"breaker", "reject", "T1"}, "--reason");
}

TEST_F(BreakerCommandsTest, ThePlanApprovedOrSentBack) {
  v1::TownshipStatus lifted = Suspended();
  lifted.set_state(v1::TOWNSHIP_LENDING_STATE_OPEN);
  lifted.mutable_plan()->set_measures("逐户清收");
  lifted.mutable_plan()->set_approved_by("staff/C1");
  lifted.mutable_plan()->set_approval_comment("整改到位");
  lifted.set_tolerating(true);
  lifted.set_tolerated_ratio_bp(312);
  suite_.canned().Answer<v1::ApproveRectificationRequest>(lifted);
  ASSERT_TRUE(Run({"breaker", "approve", "T1", "--comment", "整改到位", "--etag", "6"}).ok()) << out_;
  const auto approve = suite_.canned().Last<v1::ApproveRectificationRequest>();
  EXPECT_EQ(approve->name(), "units/T1");
  EXPECT_EQ(approve->comment(), "整改到位");
  EXPECT_EQ(approve->etag(), "6");
  EXPECT_FALSE(approve->request_id().empty());
  EXPECT_THAT(out_, StartsWith("lifted the suspension of units/T1\n"));
  EXPECT_EQ(Row("approved"), "by staff/C1  整改到位");
  EXPECT_EQ(Row("tolerating"), "up to 312 bp (3.12%) (lifted)");

  v1::TownshipStatus sent_back = Suspended();
  sent_back.mutable_plan()->mutable_rejection()->set_reason("未落实清收责任人");
  sent_back.mutable_plan()->mutable_rejection()->set_rejected_by("staff/C1");
  suite_.canned().Answer<v1::GetTownshipStatusRequest>(Suspended());
  suite_.canned().Answer<v1::RejectRectificationRequest>(sent_back);
  ASSERT_TRUE(Run({"breaker", "reject", "T1", "--reason", "未落实清收责任人"}).ok()) << out_;
  const auto reject = suite_.canned().Last<v1::RejectRectificationRequest>();
  EXPECT_EQ(reject->reason(), "未落实清收责任人");
  EXPECT_EQ(reject->etag(), "5");  // fetched
  EXPECT_THAT(out_, StartsWith("sent back the plan of units/T1\n"));
  EXPECT_EQ(Row("rejected"), "未落实清收责任人  by staff/C1");
}

TEST_F(BreakerCommandsTest, TheBreakersRefusalsAreShownWithTheirReasons) {
  suite_.canned().Refuse<v1::MeasureTownshipRequest>(
      rpc::FailedPrecondition("LEVEL_MISMATCH", "units/V1 is not a township of a county"));
  const std::string text = ExpectServerRefusal({"breaker", "measure", "V1", "--request-id", "m-2"},
                                               absl::StatusCode::kFailedPrecondition, "LEVEL_MISMATCH");
  EXPECT_THAT(text, HasSubstr("error: FAILED_PRECONDITION: units/V1 is not a township of a county"));
  EXPECT_THAT(text, HasSubstr("retry with --request-id=m-2"));

  suite_.canned().Refuse<v1::ApproveRectificationRequest>(rpc::WithReason(
      rpc::PermissionDenied("staff/T7 filed the plan of units/T1; another county officer decides it"),
      "SELF_APPROVAL"));
  ExpectServerRefusal({"breaker", "approve", "T1", "--etag", "6"}, absl::StatusCode::kPermissionDenied,
                      "SELF_APPROVAL");

  suite_.canned().Refuse<v1::ApproveRectificationRequest>(rpc::Aborted("STALE_ETAG", "the status changed"));
  ExpectServerRefusal({"breaker", "approve", "T1", "--etag", "4"}, absl::StatusCode::kAborted, "STALE_ETAG");
}

// While 柳泉镇 is suspended its new applications are refused (000:1535).
TEST_F(BreakerCommandsTest, ASubmissionInASuspendedTownshipIsRefusedWithTownshipSuspended) {
  ASSERT_TRUE(Run({"application", "create", "--borrower", "B1", "--product", "P1", "--amount", "50000", "--term", "24",
                   "--purpose", "production", "--detail", "养殖肉牛两头"}).ok()) << out_;
  suite_.loans().RefuseSubmissions(rpc::FailedPrecondition(
      "TOWNSHIP_SUSPENDED", "units/T1 is suspended from lending until the county approves its rectification"));
  const std::string text = ExpectServerRefusal({"application", "submit", "A001", "--request-id", "s-1"},
                                               absl::StatusCode::kFailedPrecondition, "TOWNSHIP_SUSPENDED");
  EXPECT_THAT(text, HasSubstr("units/T1 is suspended from lending until the county approves its rectification"));
  EXPECT_THAT(text, HasSubstr("retry with --request-id=s-1"));
}

}  // namespace
}  // namespace huinong::ctl::testing
