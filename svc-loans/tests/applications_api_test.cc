// ApplicationService through the real server against a real MariaDB
// (loans_fixture.h): a household's poverty small loan from the village
// station to a disbursed draw on its credit line; a cooperative's industry
// loan with the guarantee (1.0% fee) and surety insurance (1.2% premium);
// the guarantee step skipped under 两免一补 and required under 政银企户保; a
// refusal that breaks four rules naming all four; one audit event per
// change. Access and safety: application_access_api_test.cc.
#include <gtest/gtest.h>

#include "svc-loans/tests/applications_fixture.h"

namespace huinong::loans::applications_api_test {

TEST_F(Applications, AHouseholdsSmallLoanRunsFromTheVillageStationToADisbursedDrawOnItsCreditLine) {
  v1::Application a;
  grpc::Status s = Create(kHousehold, kSmall, 5'000'000, 36, v1::PURPOSE_PRODUCTION, &a);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(a.state(), v1::APPLICATION_STATE_DRAFT);
  EXPECT_EQ(a.intake_unit(), "units/v11");
  EXPECT_EQ(a.township(), "units/town1");
  EXPECT_EQ(a.county(), "units/county");

  ASSERT_TRUE(Submit(a).ok());
  EXPECT_EQ(a.state(), v1::APPLICATION_STATE_SUBMITTED);
  EXPECT_EQ(a.submitted_by(), "staff/clerk11");
  EXPECT_EQ(a.policy(), "countyPolicies/01POLICY2026A0000000000000");

  s = RecordSurvey(a);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(a.state(), v1::APPLICATION_STATE_SURVEYED);
  EXPECT_TRUE(a.has_review_due_date());
  EXPECT_FALSE(a.review_overdue());

  s = Review(a, 5'000'000, 36, 435);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(a.state(), v1::APPLICATION_STATE_REVIEWED);
  EXPECT_EQ(a.next_step(), v1::APPLICATION_STEP_GUARANTEE);  // 政银企户保
  EXPECT_EQ(a.review().recommended_bank(), "units/rcc");
  EXPECT_EQ(a.review().reviewer(), "staff/reviewer");
  EXPECT_TRUE(a.review().on_time());

  ASSERT_TRUE(Guarantee(a, 5'000'000).ok());
  EXPECT_EQ(a.guarantee().guarantor(), "units/guarantor");
  EXPECT_EQ(a.guarantee().service_fee().fen(), 50'000);  // 1.0% of 50,000 CNY
  s = Insure(a, v1::INSURANCE_KIND_SURETY, 5'000'000);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(a.insurance().premium().fen(), 60'000);  // 1.2%
  EXPECT_EQ(a.insurance().insurer(), "units/picc");

  s = Sign(a, 5'000'000, 36, 435);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(a.contract().bank(), "units/rcc");
  EXPECT_TRUE(a.contract().eligibility_rechecked());
  EXPECT_FALSE(a.contract().entrusted_payment());

  s = Pay(a, 3'000'000, "RCC-TX-0001");  // 30,000 CNY of the 50,000 line
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(a.state(), v1::APPLICATION_STATE_DISBURSED);
  EXPECT_EQ(a.disbursement().fees_charged().fen(), 110'000);
  ASSERT_FALSE(a.loan().empty());
  ASSERT_FALSE(a.credit_line().empty());

  v1::CreditLine line;
  v1::GetCreditLineRequest get_line;
  get_line.set_name(a.credit_line());
  ASSERT_TRUE(applications_->GetCreditLine(As("clerk11").get(), get_line, &line).ok());
  EXPECT_EQ(line.limit().fen(), 5'000'000);
  EXPECT_EQ(line.outstanding().fen(), 3'000'000);
  EXPECT_EQ(line.available().fen(), 2'000'000);

  // A draw of more than is available is refused; the rest is drawn.
  v1::DrawCreditLineRequest draw;
  draw.set_request_id(NextRequestId());
  draw.set_name(line.name());
  draw.set_etag(line.etag());
  draw.mutable_amount()->set_fen(2'000'001);
  *draw.mutable_value_date() = Today();
  draw.set_term_months(12);
  draw.set_bank_reference("RCC-TX-0002");
  draw.set_purpose(v1::PURPOSE_PRODUCTION);
  v1::Loan drawn;
  s = applications_->DrawCreditLine(As("rcc-officer").get(), draw, &drawn);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "DRAW_REFUSED");
  EXPECT_NE(s.error_message().find("ABOVE_AVAILABLE"), std::string::npos) << s.error_message();
  draw.set_request_id(NextRequestId());
  draw.mutable_amount()->set_fen(2'000'000);
  s = applications_->DrawCreditLine(As("rcc-officer").get(), draw, &drawn);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(drawn.credit_line(), line.name());
  EXPECT_EQ(drawn.principal().fen(), 2'000'000);
  EXPECT_EQ(drawn.term_months(), 12);
  EXPECT_EQ(drawn.purpose(), v1::PURPOSE_PRODUCTION);
  EXPECT_EQ(drawn.bank_reference(), "RCC-TX-0002");
  EXPECT_FALSE(drawn.has_entrusted_payee());
  ASSERT_TRUE(applications_->GetCreditLine(As("clerk11").get(), get_line, &line).ok());
  EXPECT_EQ(line.available().fen(), 0);
  EXPECT_EQ(line.draw_count(), 2);

  v1::ListLoansRequest loans;
  v1::ListLoansResponse listed;
  loans.set_credit_line(line.name());
  ASSERT_TRUE(servicing_->ListLoans(As("clerk11").get(), loans, &listed).ok());
  EXPECT_EQ(listed.loans_size(), 2);

  // The audit trail: create, submit, survey, review, guarantee, insurance,
  // contract, disbursement (with its credit line and loan), the draw (line and loan).
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox"), 8 + 2 + 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%loans.RecordSurvey%'"), 1);
}

TEST_F(Applications, AnIndustryLoanNeedsTheBenefitSharingAgreementAndChargesTheFeesOnTheApprovedAmount) {
  v1::Application a;
  ASSERT_TRUE(Create(kCooperative, kIndustry, 100'000'000, 24, v1::PURPOSE_BUSINESS_OPERATION, &a).ok());
  grpc::Status s = Submit(a);
  ASSERT_TRUE(s.ok()) << s.error_message();
  s = RecordSurvey(a, "director1", /*agreement=*/false);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Reason(s), "BENEFIT_SHARING_AGREEMENT_REQUIRED");
  EXPECT_NE(s.error_message().find("survey.benefit_sharing_agreement"), std::string::npos);
  ASSERT_TRUE(RecordSurvey(a).ok());
  // base 435 bp × 1.45 = 630.75: 630 passes, 631 is one basis point above.
  s = Review(a, 100'000'000, 24, 631);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(s.error_message().find("RATE_LIMIT"), std::string::npos) << s.error_message();
  s = Review(a, 100'000'000, 24, 630);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_TRUE(Guarantee(a, 100'000'000).ok());
  EXPECT_EQ(a.guarantee().service_fee().fen(), 1'000'000);  // 1.0% of 1,000,000 CNY
  ASSERT_TRUE(Insure(a, v1::INSURANCE_KIND_SURETY, 100'000'000).ok());
  EXPECT_EQ(a.insurance().premium().fen(), 1'200'000);  // 1.2%
  s = Sign(a, 100'000'000, 24, 630);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(a.contract().entrusted_payment());  // above the 500,000 CNY threshold
  // Entrusted payment needs the payee.
  s = Pay(a, 100'000'000, "RCC-TX-9");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("disbursement.entrusted_payee"), std::string::npos);

  // The bank pays the supplier; the loan keeps the purpose, the bank's
  // reference and the payee, whose account only the paying bank reads in clear.
  v1::DisburseRequest pay;
  pay.set_request_id(NextRequestId());
  pay.set_name(a.name());
  pay.set_etag(a.etag());
  v1::DisbursementRecord& d = *pay.mutable_disbursement();
  d.mutable_amount()->set_fen(100'000'000);
  *d.mutable_value_date() = Today();
  d.set_bank_reference("RCC-TX-10");
  d.mutable_entrusted_payee()->set_payee_name("廊坊市冷链设备有限公司");
  d.mutable_entrusted_payee()->set_account_number("1310220000000088");
  d.mutable_entrusted_payee()->set_bank("中国农业银行廊坊分行");
  *d.mutable_entrusted_payee()->mutable_basis() = Doc("purchase-order");
  s = applications_->Disburse(As("rcc-officer").get(), pay, &a);
  ASSERT_TRUE(s.ok()) << s.error_message();
  v1::GetLoanRequest get;
  get.set_name(a.loan());
  v1::Loan loan;
  ASSERT_TRUE(servicing_->GetLoan(As("rcc-officer").get(), get, &loan).ok());
  EXPECT_EQ(loan.purpose(), v1::PURPOSE_BUSINESS_OPERATION);
  EXPECT_EQ(loan.bank_reference(), "RCC-TX-10");
  EXPECT_EQ(loan.entrusted_payee().payee_name(), "廊坊市冷链设备有限公司");
  EXPECT_EQ(loan.entrusted_payee().account_number(), "1310220000000088");
  ASSERT_TRUE(servicing_->GetLoan(As("director1").get(), get, &loan).ok());
  EXPECT_NE(loan.entrusted_payee().account_number(), "1310220000000088");
  EXPECT_NE(loan.entrusted_payee().account_number().find("0088"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%1310220000000088%'"), 0);
}

TEST_F(Applications, UnderTheGuaranteeFreeModelTheGuaranteeStepIsSkipped) {
  Exec("UPDATE county_policies SET settings_json = JSON_SET(settings_json, '$.small_loan_model', 2)");
  v1::Application a = SurveyedSmallLoan();
  ASSERT_TRUE(Review(a, 5'000'000, 36, 435).ok());
  EXPECT_TRUE(a.guarantee_skipped());
  EXPECT_EQ(a.next_step(), v1::APPLICATION_STEP_INSURANCE);
  grpc::Status s = Guarantee(a, 5'000'000);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "INVALID_TRANSITION");
  s = Insure(a, v1::INSURANCE_KIND_SURETY, 5'000'000);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("PERSONAL_ACCIDENT"), std::string::npos);
  s = Insure(a, v1::INSURANCE_KIND_PERSONAL_ACCIDENT, 5'000'000);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(a.state(), v1::APPLICATION_STATE_INSURED);
}

TEST_F(Applications, UnderTheGuaranteedModelTheGuaranteeStepIsRequired) {
  v1::Application a = SurveyedSmallLoan();
  ASSERT_TRUE(Review(a, 5'000'000, 36, 435).ok());
  EXPECT_FALSE(a.guarantee_skipped());
  EXPECT_EQ(a.next_step(), v1::APPLICATION_STEP_GUARANTEE);
  // The insurer cannot come before the guarantee company.
  const grpc::Status s = Insure(a, v1::INSURANCE_KIND_SURETY, 5'000'000);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "INVALID_TRANSITION");
  ASSERT_TRUE(Guarantee(a, 5'000'000).ok());
  EXPECT_EQ(a.next_step(), v1::APPLICATION_STEP_INSURANCE);
}

TEST_F(Applications, ARefusalThatBreaksFourRulesNamesAllFour) {
  Exec("UPDATE borrowers SET body_json = JSON_SET(body_json, '$.birth_date', '1950-01-01') WHERE id = '" +
       std::string(kHousehold) + "'");
  v1::Application a;
  // 50,001 CNY above the 50,000 ceiling, 37 months, personal consumption, and born 1950.
  ASSERT_TRUE(Create(kHousehold, kSmall, 5'000'100, 37, v1::PURPOSE_PERSONAL_CONSUMPTION, &a).ok());
  const grpc::Status s = Submit(a);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "BORROWER_INELIGIBLE");
  for (const char* rule : {"AGE_LIMIT", "CEILING", "TERM_LIMIT", "PURPOSE_CONSUMPTION"}) {
    EXPECT_NE(s.error_message().find(rule), std::string::npos) << rule << " in " << s.error_message();
  }
  const auto violations = rpc::PreconditionViolationsOf(rpc::FromGrpcStatus(s));
  EXPECT_GE(violations.size(), 4u);
  // Nothing changed: still a draft.
  v1::GetApplicationRequest get;
  get.set_name(a.name());
  v1::Application read;
  ASSERT_TRUE(applications_->GetApplication(As("clerk11").get(), get, &read).ok());
  EXPECT_EQ(read.state(), v1::APPLICATION_STATE_DRAFT);
}

}  // namespace huinong::loans::applications_api_test
