// ApplicationService's access and safety through the real server: scope (another
// village, another bank), overdue county reviews, replays and stale etags,
// every bad field named, svc-org down, a suspended township, a bank's
// reference paid out once and draws judged on the day they are recorded.
#include <gtest/gtest.h>

#include "svc-loans/tests/applications_fixture.h"

namespace huinong::loans::applications_api_test {

TEST_F(Applications, AVillageSeesOnlyItsOwnAndABankOnlyWhatIsRoutedToIt) {
  v1::Application a = SurveyedSmallLoan();
  v1::GetApplicationRequest get;
  get.set_name(a.name());
  v1::Application read;
  EXPECT_EQ(applications_->GetApplication(As("clerk21").get(), get, &read).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(applications_->GetApplication(As("director1").get(), get, &read).ok());
  EXPECT_EQ(applications_->GetApplication(As("director2").get(), get, &read).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(applications_->GetApplication(As("reviewer").get(), get, &read).ok());
  EXPECT_TRUE(applications_->GetApplication(AsStaff("risk-officer", "risk").get(), get, &read).ok());
  // Not yet routed to any bank.
  EXPECT_EQ(applications_->GetApplication(As("rcc-officer").get(), get, &read).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);

  v1::Application other;
  ASSERT_TRUE(Create(kOther, kSmall, 1'000'000, 12, v1::PURPOSE_PRODUCTION, &other, "clerk21").ok());
  v1::ListApplicationsRequest list;
  v1::ListApplicationsResponse page;
  ASSERT_TRUE(applications_->ListApplications(As("clerk21").get(), list, &page).ok());
  ASSERT_EQ(page.applications_size(), 1);
  EXPECT_EQ(page.applications(0).name(), other.name());
  page.Clear();
  ASSERT_TRUE(applications_->ListApplications(As("reviewer").get(), list, &page).ok());
  EXPECT_EQ(page.applications_size(), 2);

  ASSERT_TRUE(Review(a, 5'000'000, 36, 435, "rcc").ok());
  EXPECT_TRUE(applications_->GetApplication(As("rcc-officer").get(), get, &read).ok());
  EXPECT_EQ(applications_->GetApplication(As("abc-officer").get(), get, &read).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  page.Clear();
  ASSERT_TRUE(applications_->ListApplications(As("abc-officer").get(), list, &page).ok());
  EXPECT_EQ(page.applications_size(), 0);
  page.Clear();
  ASSERT_TRUE(applications_->ListApplications(As("rcc-officer").get(), list, &page).ok());
  EXPECT_EQ(page.applications_size(), 1);

  ASSERT_TRUE(Guarantee(a, 5'000'000).ok());
  ASSERT_TRUE(Insure(a, v1::INSURANCE_KIND_SURETY, 5'000'000).ok());
  const grpc::Status s = Sign(a, 5'000'000, 36, 435, "abc-officer");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Reason(s), "NOT_RECOMMENDED_BANK");
}

TEST_F(Applications, OnlyThePartnersTheCountyPolicyNamesActOnAndSeeItsApplications) {
  v1::Application a = SurveyedSmallLoan();
  const std::string etag = a.etag();
  // A bank the policy does not name, or a branch instead of the bank, is never recommended.
  for (const char* bank : {"ccb", "rcc-b1", "town1"}) {
    v1::Application tried = a;
    const grpc::Status s = Review(tried, 5'000'000, 36, 435, bank);
    ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << bank;
    EXPECT_NE(s.error_message().find("review.recommended_bank"), std::string::npos) << s.error_message();
    EXPECT_NE(s.error_message().find("units/rcc, units/abc"), std::string::npos) << s.error_message();
  }
  v1::GetApplicationRequest get;
  get.set_name(a.name());
  v1::Application read;
  ASSERT_TRUE(applications_->GetApplication(As("reviewer").get(), get, &read).ok());
  EXPECT_EQ(read.state(), v1::APPLICATION_STATE_SURVEYED);
  EXPECT_EQ(read.etag(), etag);
  ASSERT_TRUE(Review(a, 5'000'000, 36, 435, "rcc").ok());

  // The guarantee company the county names sees and guarantees; another one,
  // though its officer holds loans.guarantee, does neither.
  EXPECT_TRUE(applications_->GetApplication(As("guarantee").get(), get, &read).ok());
  EXPECT_TRUE(applications_->GetApplication(As("insure").get(), get, &read).ok());
  EXPECT_EQ(applications_->GetApplication(As("guarantee2").get(), get, &read).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::ListApplicationsRequest list;
  v1::ListApplicationsResponse page;
  ASSERT_TRUE(applications_->ListApplications(As("guarantee2").get(), list, &page).ok());
  EXPECT_EQ(page.applications_size(), 0);
  ASSERT_TRUE(applications_->ListApplications(As("guarantee").get(), list, &page).ok());
  EXPECT_EQ(page.applications_size(), 1);
  v1::Application tried = a;
  const grpc::Status s = Guarantee(tried, 5'000'000, "guarantee2");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Reason(s), "NOT_COUNTY_PARTNER");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%loans.RecordGuarantee%'"), 0);
  ASSERT_TRUE(Guarantee(a, 5'000'000).ok());
  EXPECT_EQ(a.guarantee().guarantor(), "units/guarantor");
  tried = a;
  const grpc::Status insurer = Insure(tried, v1::INSURANCE_KIND_SURETY, 5'000'000, "insure2");
  EXPECT_EQ(insurer.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Reason(insurer), "NOT_COUNTY_PARTNER");
}

TEST_F(Applications, ANewVersionsPartnersListTheCountyButTheReviewsPartnersFinishWhatWasRoutedToThem) {
  v1::Application a = SurveyedSmallLoan();
  ASSERT_TRUE(Review(a, 5'000'000, 36, 435, "rcc").ok());  // under the 2026 version: guarantor, picc
  // From today the county works with guarantor2 instead.
  CountyPolicy next = Policy(SmallLoanModel::kGuaranteed);
  next.id = "01POLICY2026NEXT0000000000";
  next.effective_from = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(8 * 3600));
  next.partners.guarantee_company_ids = {"guarantor2"};
  {
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(store::InsertPolicy(**conn, next).ok());
  }
  v1::ListApplicationsRequest list;
  v1::ListApplicationsResponse page;
  ASSERT_TRUE(applications_->ListApplications(As("guarantee2").get(), list, &page).ok());
  EXPECT_EQ(page.applications_size(), 1);  // the county's partner now
  page.Clear();
  ASSERT_TRUE(applications_->ListApplications(As("guarantee").get(), list, &page).ok());
  EXPECT_EQ(page.applications_size(), 0);  // no longer listed …
  v1::GetApplicationRequest get;
  get.set_name(a.name());
  v1::Application read;
  EXPECT_TRUE(applications_->GetApplication(As("guarantee").get(), get, &read).ok());  // … but read by name
  v1::Application tried = a;
  const grpc::Status s = Guarantee(tried, 5'000'000, "guarantee2");
  EXPECT_EQ(Reason(s), "NOT_COUNTY_PARTNER");  // the review routed it to guarantor
  ASSERT_TRUE(Guarantee(a, 5'000'000).ok());
}

TEST_F(Applications, AnOverdueCountyReviewIsListedAndFlagged) {
  v1::Application a = SurveyedSmallLoan();
  v1::Application b = SurveyedSmallLoan();
  Exec("UPDATE applications SET review_due = '2026-01-05 16:00:00' WHERE id = '" + a.name().substr(13) + "'");
  v1::ListApplicationsRequest list;
  list.set_review_overdue(true);
  v1::ListApplicationsResponse page;
  ASSERT_TRUE(applications_->ListApplications(As("reviewer").get(), list, &page).ok());
  ASSERT_EQ(page.applications_size(), 1);
  EXPECT_EQ(page.applications(0).name(), a.name());
  EXPECT_TRUE(page.applications(0).review_overdue());
  // Reviewed late, the review records it.
  ASSERT_TRUE(Review(a, 5'000'000, 36, 435).ok());
  EXPECT_FALSE(a.review().on_time());
  EXPECT_FALSE(a.review_overdue());
}

TEST_F(Applications, ARetryReturnsTheFirstAnswerAndAStaleEtagChangesNothing) {
  v1::Application a;
  ASSERT_TRUE(Create(kHousehold, kSmall, 5'000'000, 36, v1::PURPOSE_PRODUCTION, &a).ok());
  v1::SubmitApplicationRequest req;
  req.set_request_id("submit-once");
  req.set_name(a.name());
  req.set_etag(a.etag());
  v1::Application first, second;
  ASSERT_TRUE(applications_->SubmitApplication(As("clerk11").get(), req, &first).ok());
  ASSERT_TRUE(applications_->SubmitApplication(As("clerk11").get(), req, &second).ok());
  EXPECT_EQ(first.etag(), second.etag());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%loans.SubmitApplication%'"), 1);

  v1::WithdrawApplicationRequest stale;
  stale.set_request_id(NextRequestId());
  stale.set_name(a.name());
  stale.set_etag(a.etag());  // the draft's
  stale.set_reason("家庭变故");
  v1::Application out;
  EXPECT_EQ(applications_->WithdrawApplication(As("clerk11").get(), stale, &out).error_code(),
            grpc::StatusCode::ABORTED);
  // Nothing changed: still submitted, at the etag the submission left, and
  // no withdrawal in the audit trail.
  v1::GetApplicationRequest get;
  get.set_name(a.name());
  v1::Application read;
  ASSERT_TRUE(applications_->GetApplication(As("clerk11").get(), get, &read).ok());
  EXPECT_EQ(read.state(), v1::APPLICATION_STATE_SUBMITTED);
  EXPECT_EQ(read.etag(), first.etag());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%loans.WithdrawApplication%'"), 0);
}

TEST_F(Applications, EveryBadFieldIsNamedAndAMissingCapabilityOrSvcOrgDownIsRefused) {
  v1::CreateApplicationRequest req;
  req.set_request_id(NextRequestId());
  req.mutable_application()->set_borrower("people/1");
  req.mutable_application()->set_term_months(0);
  v1::Application out;
  grpc::Status s = applications_->CreateApplication(As("clerk11").get(), req, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  for (const char* field : {"application.borrower", "application.product", "application.amount",
                            "application.term_months", "application.purpose", "application.purpose_detail"}) {
    EXPECT_NE(s.error_message().find(field), std::string::npos) << field << " in " << s.error_message();
  }
  s = Create(kHousehold, kSmall, 5'000'000, 36, v1::PURPOSE_PRODUCTION, &out, "clerk21");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Reason(s), "CAPABILITY_MISSING");
  org_->SetUnreachable(true);
  s = Create(kHousehold, kSmall, 5'000'000, 36, v1::PURPOSE_PRODUCTION, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications"), 0);
}

TEST_F(Applications, ASuspendedTownshipMayNotLendAndOthersAreUnaffected) {
  v1::Application a = SurveyedSmallLoan();
  v1::Application draft;
  ASSERT_TRUE(Create(kHousehold, kSmall, 1'000'000, 12, v1::PURPOSE_PRODUCTION, &draft).ok());
  v1::Application other;
  ASSERT_TRUE(Create(kOther, kSmall, 1'000'000, 12, v1::PURPOSE_PRODUCTION, &other, "clerk21").ok());
  Exec("INSERT INTO township_lending (township_id, status, update_time) VALUES ('town1', 2, NOW(6))");
  grpc::Status s = Submit(draft);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "TOWNSHIP_SUSPENDED");
  s = Review(a, 5'000'000, 36, 435);
  EXPECT_EQ(Reason(s), "TOWNSHIP_SUSPENDED");
  EXPECT_TRUE(Submit(other, "clerk21").ok());  // town2 lends on
  Exec("UPDATE township_lending SET status = 1 WHERE township_id = 'town1'");
  EXPECT_TRUE(Submit(draft).ok());
}

TEST_F(Applications, ABanksReferencePaysOutOnceAndADrawIsJudgedOnTheDayItIsRecorded) {
  v1::Application a = SurveyedSmallLoan();
  ASSERT_TRUE(Review(a, 5'000'000, 36, 435).ok());
  ASSERT_TRUE(Guarantee(a, 5'000'000).ok());
  ASSERT_TRUE(Insure(a, v1::INSURANCE_KIND_SURETY, 5'000'000).ok());
  ASSERT_TRUE(Sign(a, 5'000'000, 36, 435).ok());
  ASSERT_TRUE(Pay(a, 1'000'000, "RCC-TX-7").ok());
  v1::CreditLine line;
  v1::GetCreditLineRequest get_line;
  get_line.set_name(a.credit_line());
  ASSERT_TRUE(applications_->GetCreditLine(As("rcc-officer").get(), get_line, &line).ok());

  v1::DrawCreditLineRequest draw;
  draw.set_name(line.name());
  draw.set_etag(line.etag());
  draw.mutable_amount()->set_fen(1'000'000);
  *draw.mutable_value_date() = Today();
  draw.set_term_months(6);
  draw.set_purpose(v1::PURPOSE_PRODUCTION);
  v1::Loan drawn;
  draw.set_request_id(NextRequestId());
  draw.set_bank_reference("RCC-TX-7");  // the disbursement's reference
  grpc::Status s = applications_->DrawCreditLine(As("rcc-officer").get(), draw, &drawn);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(Reason(s), "BANK_REFERENCE_USED");
  // Before the line started is refused, naming the value date.
  draw.set_request_id(NextRequestId());
  draw.set_bank_reference("RCC-TX-8");
  draw.mutable_value_date()->set_year(Today().year() - 1);
  s = applications_->DrawCreditLine(As("rcc-officer").get(), draw, &drawn);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("value_date"), std::string::npos);
  // A line that expired yesterday is refused even for a value date before.
  Exec("UPDATE credit_lines SET body_json = JSON_SET(body_json, '$.expiry', DATE_FORMAT(DATE_SUB(UTC_DATE(), INTERVAL 3 DAY), '%Y-%m-%d'), '$.start_date', '2020-01-01')");
  ASSERT_TRUE(applications_->GetCreditLine(As("rcc-officer").get(), get_line, &line).ok());
  draw.set_request_id(NextRequestId());
  draw.set_etag(line.etag());
  *draw.mutable_value_date() = Today();
  draw.mutable_value_date()->set_year(Today().year() - 1);
  s = applications_->DrawCreditLine(As("rcc-officer").get(), draw, &drawn);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(s.error_message().find("EXPIRED"), std::string::npos) << s.error_message();
  // And another bank's officer cannot draw.
  draw.set_request_id(NextRequestId());
  s = applications_->DrawCreditLine(As("abc-officer").get(), draw, &drawn);
  EXPECT_EQ(Reason(s), "NOT_RECOMMENDED_BANK");
}

}  // namespace huinong::loans::applications_api_test
