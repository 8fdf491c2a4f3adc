// TownshipBreakerService through the real server (issue 11 item 5,
// 000:1535): real loans disbursed through ApplicationService, made
// non-performing by setting loans.classification (and their outstanding
// principal, for exact figures) in SQL as the close-of-business job will,
// then measured. Exactly 3.00% trips and a fen less does not; every lending
// step refuses in the suspended township and goes ahead in the other; a
// plan, its rejection, a new plan and the county's approval lift it; an
// unchanged ratio after the lift is tolerated until it rises.
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "svc-loans/src/domain/classification.h"
#include "svc-loans/tests/applications_fixture.h"

namespace huinong::loans::breaker_api_test {

using applications_api_test::Applications;
using applications_api_test::Doc;
using applications_api_test::kHousehold;
using applications_api_test::kOther;
using applications_api_test::kSmall;
using applications_api_test::Reason;
using applications_api_test::Today;

class Breaker : public Applications {
 protected:
  void SetUp() override {
    Applications::SetUp();
    org_->Grant("director1", "loans.breaker.rectify", "town1");     // the township department
    org_->Grant("reviewer2", "loans.breaker.rectify", "county");    // the county centre
    org_->Grant("reviewer", "loans.breaker.approve", "county");
    org_->Grant("reviewer2", "loans.breaker.approve", "county");
  }

  grpc::Status Measure(const std::string& township, v1::TownshipStatus* out, const std::string& request_id = "") {
    v1::MeasureTownshipRequest req;
    req.set_request_id(request_id.empty() ? NextRequestId() : request_id);
    req.set_name("units/" + township);
    return breakers_->MeasureTownship(As("reviewer").get(), req, out);
  }

  v1::TownshipStatus Status(const std::string& township, const std::string& who = "reviewer") {
    v1::GetTownshipStatusRequest req;
    req.set_name("units/" + township);
    v1::TownshipStatus out;
    const grpc::Status s = breakers_->GetTownshipStatus(As(who).get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  v1::FileRectificationPlanRequest PlanRequest(const v1::TownshipStatus& status) {
    v1::FileRectificationPlanRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(status.township());
    req.set_etag(status.etag());
    v1::RectificationPlan* plan = req.mutable_plan();
    plan->set_findings("两户养殖户因疫病逾期超过 90 天");
    plan->set_measures("农信社与人保财险逐户核查，落实还款计划，暂停新增贷款调查");
    plan->add_investigators("units/rcc");
    plan->add_investigators("units/picc");
    *plan->add_documents() = Doc("rectification-plan");
    return req;
  }

  grpc::Status File(v1::TownshipStatus& status, const std::string& who = "director1") {
    return breakers_->FileRectificationPlan(As(who).get(), PlanRequest(status), &status);
  }

  grpc::Status Approve(v1::TownshipStatus& status, const std::string& who = "reviewer") {
    v1::ApproveRectificationRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(status.township());
    req.set_etag(status.etag());
    req.set_comment("同意整改方案，恢复放贷");
    return breakers_->ApproveRectification(As(who).get(), req, &status);
  }

  int64_t BreakerEvents() { return Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%township_breaker%'"); }
};

TEST_F(Breaker, ExactlyThreePercentTripsAndAFenLessDoesNot) {
  v1::Application first = Signed();
  v1::Application second = Signed();
  const std::string bad = Disbursed(1'000'000, first);
  const std::string good = Disbursed(1'000'000, second);

  // 299,999 of 10,000,000 fen: 2.99999%.
  Classify(bad, 299'999, LoanClass::kNonPerforming);
  Classify(good, 9'700'001, LoanClass::kNormal);
  v1::TownshipStatus status;
  grpc::Status s = Measure("town1", &status);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_OPEN);
  EXPECT_EQ(status.npl_balance().fen(), 299'999);
  EXPECT_EQ(status.outstanding_balance().fen(), 10'000'000);
  EXPECT_EQ(status.npl_ratio_bp(), 299);
  EXPECT_EQ(status.threshold_bp(), 300);
  EXPECT_EQ(status.measure(), v1::NPL_MEASURE_BY_BALANCE);
  EXPECT_FALSE(status.policy().empty());
  EXPECT_EQ(BreakerEvents(), 0);

  // 300,000 of 10,000,000: exactly 3.00% trips.
  Classify(bad, 300'000, LoanClass::kNonPerforming);
  Classify(good, 9'700'000, LoanClass::kNormal);
  s = Measure("town1", &status);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_SUSPENDED);
  EXPECT_EQ(status.npl_ratio_bp(), 300);
  EXPECT_EQ(status.suspended_at_ratio_bp(), 300);
  EXPECT_TRUE(status.has_suspend_time());
  EXPECT_EQ(BreakerEvents(), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%loans.MeasureTownship%'"), 1);

  // Measured again: still suspended, nothing more audited.
  ASSERT_TRUE(Measure("town1", &status).ok());
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_SUSPENDED);
  EXPECT_EQ(BreakerEvents(), 1);

  // town2 lent nothing: open and never measured; the metrics show both.
  EXPECT_EQ(Status("town2").state(), v1::TOWNSHIP_LENDING_STATE_OPEN);
  EXPECT_EQ(Status("town2").etag(), "0");
  const std::string text = registry_.Render();
  EXPECT_NE(text.find("huinong_loans_township_npl_ratio{township=\"town1\"} 0.03"), std::string::npos) << text;
  EXPECT_NE(text.find("huinong_loans_township_suspended{township=\"town1\"} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("huinong_loans_township_outstanding_yuan{township=\"town1\"} 100000"), std::string::npos)
      << text;
  // The breaker's history, which reports read for past months: written open, then suspended.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM township_lending WHERE township_id = 'town1'"
                  " AND JSON_LENGTH(body_json, '$.history') = 2"
                  " AND JSON_EXTRACT(body_json, '$.history[1].state') = 2"),
            1);
}

TEST_F(Breaker, ARepaymentMeasuresTheTownshipAgainAndPayingASoundLoanCanTripIt) {
  v1::Application bad_application = Signed();
  v1::Application sound_a = Signed();
  v1::Application sound_b = Signed();
  const std::string bad = Disbursed(300'000, bad_application);
  Disbursed(4'850'000, sound_a);
  const std::string repaid = Disbursed(4'850'001, sound_b);
  Classify(bad, 300'000, LoanClass::kNonPerforming);
  v1::TownshipStatus status;
  ASSERT_TRUE(Measure("town1", &status).ok());  // 300,000 of 10,000,001: 2.99999%
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_OPEN);

  // One fen of principal repaid on the day of disbursement (no interest
  // yet): 300,000 of 10,000,000 is exactly 3.00%.
  v1::RecordRepaymentRequest pay;
  pay.set_request_id(NextRequestId());
  pay.set_name("loans/" + repaid);
  pay.mutable_repayment()->mutable_amount()->set_fen(1);
  *pay.mutable_repayment()->mutable_value_date() = Today();
  pay.mutable_repayment()->set_bank_reference("RCC-REPAY-1");
  v1::Repayment recorded;
  const grpc::Status s = servicing_->RecordRepayment(As("rcc-officer").get(), pay, &recorded);
  ASSERT_TRUE(s.ok()) << s.error_message();
  status = Status("town1");
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_SUSPENDED);
  EXPECT_EQ(status.outstanding_balance().fen(), 10'000'000);
  EXPECT_EQ(status.npl_ratio_bp(), 300);
  EXPECT_EQ(BreakerEvents(), 1);
}

TEST_F(Breaker, EveryLendingStepRefusesInTheSuspendedTownshipAndGoesAheadInAnother) {
  v1::Application draft;
  ASSERT_TRUE(Create(kHousehold, kSmall, 1'000'000, 12, v1::PURPOSE_PRODUCTION, &draft).ok());
  v1::Application surveyed = SurveyedSmallLoan();
  v1::Application signed_ = Signed();
  v1::Application paid = Signed();
  Classify(Disbursed(1'000'000, paid), 1'000'000, LoanClass::kNonPerforming);
  v1::TownshipStatus status;
  ASSERT_TRUE(Measure("town1", &status).ok());
  ASSERT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_SUSPENDED);
  EXPECT_EQ(status.npl_ratio_bp(), 10'000);

  const auto expect_suspended = [](const grpc::Status& s, const char* step) {
    EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << step;
    EXPECT_EQ(Reason(s), "TOWNSHIP_SUSPENDED") << step;
    EXPECT_NE(s.error_message().find("units/town1"), std::string::npos) << step << s.error_message();
  };
  expect_suspended(Submit(draft), "submission");
  expect_suspended(Review(surveyed, 5'000'000, 36, 435), "county approval");
  expect_suspended(Pay(signed_, 1'000'000, "RCC-TX-REFUSED"), "disbursement");
  expect_suspended(Draw(paid.credit_line(), 1'000'000), "draw");

  // town2 lends on: submission, approval, disbursement and a draw.
  v1::Application other = Signed(kOther, "clerk21", "director2");
  ASSERT_EQ(other.state(), v1::APPLICATION_STATE_CONTRACTED);
  Disbursed(1'000'000, other);
  EXPECT_TRUE(Draw(other.credit_line(), 1'000'000).ok());

  // A plan under review still refuses; the county's approval lifts it.
  ASSERT_TRUE(File(status).ok());
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_RECTIFYING);
  expect_suspended(Submit(draft), "submission while rectifying");
  grpc::Status s = Approve(status);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_OPEN);
  EXPECT_TRUE(Submit(draft).ok());
  EXPECT_TRUE(Review(surveyed, 5'000'000, 36, 435).ok());
  EXPECT_TRUE(Pay(signed_, 1'000'000, "RCC-TX-AFTER").ok());
  EXPECT_TRUE(Draw(paid.credit_line(), 1'000'000).ok());
}

TEST_F(Breaker, APlanIsFiledRejectedFiledAgainAndApprovedAndAnUnchangedRatioIsToleratedUntilItRises) {
  v1::Application first = Signed();
  v1::Application second = Signed();
  const std::string bad = Disbursed(1'000'000, first);
  const std::string good = Disbursed(1'000'000, second);
  Classify(bad, 340'000, LoanClass::kNonPerforming);  // 3.4%
  Classify(good, 9'660'000, LoanClass::kNormal);
  v1::TownshipStatus status;
  ASSERT_TRUE(Measure("town1", &status).ok());
  ASSERT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_SUSPENDED);

  // Nothing to approve yet; the township files a plan.
  EXPECT_EQ(Reason(Approve(status)), "INVALID_TRANSITION");
  grpc::Status s = File(status);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_RECTIFYING);
  EXPECT_EQ(status.plan().filed_by(), "staff/director1");
  EXPECT_EQ(status.plan().documents_size(), 1);

  // Only the county decides; it sends the plan back with a reason.
  EXPECT_EQ(Reason(Approve(status, "director1")), "CAPABILITY_MISSING");
  v1::RejectRectificationRequest reject;
  reject.set_request_id(NextRequestId());
  reject.set_name(status.township());
  reject.set_etag(status.etag());
  reject.set_reason("未落实保险理赔");
  s = breakers_->RejectRectification(As("reviewer").get(), reject, &status);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_SUSPENDED);
  EXPECT_EQ(status.plan().rejection().reason(), "未落实保险理赔");

  // The county centre files the next plan; it may not approve its own.
  ASSERT_TRUE(File(status, "reviewer2").ok());
  s = Approve(status, "reviewer2");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Reason(s), "SELF_APPROVAL");
  s = Approve(status);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_OPEN);
  EXPECT_EQ(status.plan().approved_by(), "staff/reviewer");
  EXPECT_TRUE(status.has_lift_time());
  EXPECT_TRUE(status.tolerating());
  EXPECT_EQ(status.tolerated_ratio_bp(), 340);

  // The next day's measurement at the same 3.4% leaves it open ...
  ASSERT_TRUE(Measure("town1", &status).ok());
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_OPEN);
  // ... one fen more of bad loans trips it again.
  Classify(bad, 340'001, LoanClass::kNonPerforming);
  ASSERT_TRUE(Measure("town1", &status).ok());
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_SUSPENDED);
  EXPECT_FALSE(status.tolerating());

  // Audited: trip, plan, rejection, plan, lift, trip — each with the status
  // before and after.
  EXPECT_EQ(BreakerEvents(), 6);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%loans.ApproveRectification%'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%loans.FileRectificationPlan%'"), 2);
}

TEST_F(Breaker, BadInputNamesEveryFieldAndChangesNothing) {
  v1::FileRectificationPlanRequest req;
  type::v1::Date yesterday = Today();
  yesterday.set_day(1);
  yesterday.set_year(yesterday.year() - 1);
  *req.mutable_plan()->mutable_target_date() = yesterday;
  req.mutable_plan()->add_investigators("");
  req.set_name("town1");
  v1::TownshipStatus out;
  grpc::Status s = breakers_->FileRectificationPlan(As("director1").get(), req, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  for (const char* field : {"request_id", "name", "etag", "plan.measures", "plan.documents", "plan.target_date",
                            "plan.investigators[0]"}) {
    EXPECT_NE(s.error_message().find(field), std::string::npos) << field << ": " << s.error_message();
  }
  v1::RejectRectificationRequest reject;
  reject.set_request_id(NextRequestId());
  s = breakers_->RejectRectification(As("reviewer").get(), reject, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  for (const char* field : {"name", "etag", "reason"}) {
    EXPECT_NE(s.error_message().find(field), std::string::npos) << field << ": " << s.error_message();
  }
  v1::ListTownshipStatusesRequest list;
  list.set_page_size(-1);
  list.set_state(static_cast<v1::TownshipLendingState>(9));
  list.set_county("county");
  v1::ListTownshipStatusesResponse listed;
  s = breakers_->ListTownshipStatuses(As("reviewer").get(), list, &listed);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  for (const char* field : {"page_size", "state", "county"}) {
    EXPECT_NE(s.error_message().find(field), std::string::npos) << field << ": " << s.error_message();
  }
  // A unit that is not a township.
  v1::GetTownshipStatusRequest get;
  get.set_name("units/v11");
  s = breakers_->GetTownshipStatus(Admin().get(), get, &out);
  EXPECT_EQ(Reason(s), "LEVEL_MISMATCH");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM township_lending"), 0);
  EXPECT_EQ(BreakerEvents(), 0);
}

TEST_F(Breaker, RetriesWithTheSameRequestIdChangeNothing) {
  v1::Application a = Signed();
  Classify(Disbursed(1'000'000, a), 1'000'000, LoanClass::kNonPerforming);
  v1::TownshipStatus first, again;
  ASSERT_TRUE(Measure("town1", &first, "measure-1").ok());
  ASSERT_TRUE(Measure("town1", &again, "measure-1").ok());
  EXPECT_EQ(first.SerializeAsString(), again.SerializeAsString());
  EXPECT_EQ(BreakerEvents(), 1);

  const v1::FileRectificationPlanRequest req = PlanRequest(first);
  grpc::Status s = breakers_->FileRectificationPlan(As("director1").get(), req, &first);
  ASSERT_TRUE(s.ok()) << s.error_message();
  s = breakers_->FileRectificationPlan(As("director1").get(), req, &again);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(first.SerializeAsString(), again.SerializeAsString());
  EXPECT_EQ(Status("town1").etag(), first.etag());
  EXPECT_EQ(BreakerEvents(), 2);
}

TEST_F(Breaker, ATownshipSeesItsOwnStatusAndTheCountyAll) {
  v1::Application a = Signed();
  Classify(Disbursed(1'000'000, a), 1'000'000, LoanClass::kNonPerforming);
  v1::Application other = Signed(kOther, "clerk21", "director2");
  Disbursed(1'000'000, other);
  v1::TownshipStatus status;
  ASSERT_TRUE(Measure("town1", &status).ok());
  ASSERT_TRUE(Measure("town2", &status).ok());

  const auto listed_by = [&](const std::string& who, v1::TownshipLendingState state) {
    v1::ListTownshipStatusesRequest req;
    req.set_state(state);
    v1::ListTownshipStatusesResponse resp;
    const grpc::Status s = breakers_->ListTownshipStatuses(As(who).get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    std::vector<std::string> names;
    for (const auto& t : resp.statuses()) names.push_back(t.township());
    return names;
  };
  using Names = std::vector<std::string>;
  const auto any = v1::TOWNSHIP_LENDING_STATE_UNSPECIFIED;
  EXPECT_EQ(listed_by("reviewer", any), (Names{"units/town1", "units/town2"}));
  EXPECT_EQ(listed_by("reviewer", v1::TOWNSHIP_LENDING_STATE_SUSPENDED), (Names{"units/town1"}));
  EXPECT_EQ(listed_by("director1", any), (Names{"units/town1"}));
  EXPECT_EQ(listed_by("director2", any), (Names{"units/town2"}));
  EXPECT_EQ(listed_by("rcc-officer", any), Names{});

  v1::GetTownshipStatusRequest get;
  get.set_name("units/town1");
  EXPECT_EQ(breakers_->GetTownshipStatus(As("director2").get(), get, &status).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Status("town1", "director1").state(), v1::TOWNSHIP_LENDING_STATE_SUSPENDED);
  // Measuring is the county's.
  v1::MeasureTownshipRequest measure;
  measure.set_request_id(NextRequestId());
  measure.set_name("units/town1");
  EXPECT_EQ(Reason(breakers_->MeasureTownship(As("director1").get(), measure, &status)), "CAPABILITY_MISSING");
}

}  // namespace huinong::loans::breaker_api_test
