// ApplicationService through the real server against a real MariaDB
// (loans_fixture.h): a household's poverty small loan from the village
// station to a disbursed draw on its credit line; a cooperative's industry
// loan with the guarantee (1.0% fee) and surety insurance (1.2% premium);
// the guarantee step skipped under 两免一补 and required under 政银企户保; a
// refusal that breaks four rules naming all four; scope (another village,
// another bank); overdue county reviews listed; replays, stale etags and
// svc-org down; one audit event per change.
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/rpc/errors.h"
#include "svc-loans/src/store/borrower_store.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/src/store/product_store.h"
#include "svc-loans/tests/loans_fixture.h"
#include "svc-loans/tests/loans_seed_data.h"

namespace huinong::loans {
namespace {

constexpr const char* kSmall = kPovertySmallLoanId;
constexpr const char* kIndustry = kIndustryLoanId;
constexpr char kHousehold[] = "01BORROWERHOUSEHOLD0000001";
constexpr char kCooperative[] = "01BORROWERCOOPERATIVE00001";
constexpr char kOther[] = "01BORROWERHOUSEHOLD0000021";  // in v21

Borrower Household(const char* id, const char* unit) {
  Borrower b;
  b.id = id;
  b.unit_id = unit;
  b.display_name = "张三";
  b.id_card_number = std::string("13102219800501") + (std::string(unit) == "v11" ? "0011" : "0021");
  b.profile.type = BorrowerType::kHousehold;
  b.profile.birth_date = absl::CivilDay(1980, 5, 1);
  b.profile.poor_registrations = {{absl::CivilDay(2016, 3, 1), std::nullopt}};
  b.profile.good_credit = true;
  b.profile.settlement_account_at_cooperating_bank = true;
  b.create_time = b.update_time = absl::Now();
  return b;
}

Borrower Cooperative() {
  Borrower b;
  b.id = kCooperative;
  b.unit_id = "v11";
  b.display_name = "固安县柳泉种植专业合作社";
  b.credit_code = "93131022MA0C6XKX3B";
  b.profile.type = BorrowerType::kCooperative;
  b.profile.good_credit = true;
  b.profile.settlement_account_at_cooperating_bank = true;
  b.profile.registered = true;
  b.profile.sound_accounting = true;
  b.profile.shareholder_households = 100;
  b.profile.poor_households_driven = 30;
  b.create_time = b.update_time = absl::Now();
  return b;
}

CountyPolicy Policy(SmallLoanModel model) {
  CountyPolicy p = CountyPolicy2026();
  p.small_loan_model = model;
  return p;
}

type::v1::DocumentRef Doc(const std::string& title) {
  type::v1::DocumentRef d;
  d.set_uri("docs://" + title);
  d.set_title(title);
  return d;
}

type::v1::Date Today() {
  const absl::CivilDay d = absl::ToCivilDay(absl::Now(), absl::FixedTimeZone(8 * 3600));
  type::v1::Date out;
  out.set_year(static_cast<int>(d.year()));
  out.set_month(d.month());
  out.set_day(d.day());
  return out;
}

class Applications : public LoansFixture {
 protected:
  void SetUp() override {
    LoansFixture::SetUp();
    Seed(SmallLoanModel::kGuaranteed);
  }

  void Seed(SmallLoanModel model) {
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(store::InsertPolicy(**conn, Policy(model)).ok());
    ASSERT_TRUE(store::InsertProduct(**conn, PovertySmallLoanProduct()).ok());
    ASSERT_TRUE(store::InsertProduct(**conn, IndustryLoanProduct()).ok());
    ASSERT_TRUE(store::InsertBorrower(**conn, Household(kHousehold, "v11")).ok());
    ASSERT_TRUE(store::InsertBorrower(**conn, Household(kOther, "v21")).ok());
    ASSERT_TRUE(store::InsertBorrower(**conn, Cooperative()).ok());
  }

  void Exec(const std::string& sql) {
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok());
    std::unique_ptr<sql::PreparedStatement> q((*conn)->prepareStatement(sql));
    q->executeUpdate();
  }

  // CreateApplication as clerk11 (or `who`).
  grpc::Status Create(const std::string& borrower, const std::string& product, int64_t fen, int months,
                      v1::Purpose purpose, v1::Application* out, const std::string& who = "clerk11") {
    v1::CreateApplicationRequest req;
    req.set_request_id(NextRequestId());
    v1::Application* a = req.mutable_application();
    a->set_borrower(absl::StrCat("borrowers/", borrower));
    a->set_product(absl::StrCat("products/", product));
    a->mutable_amount()->set_fen(fen);
    a->set_term_months(months);
    a->set_purpose(purpose);
    a->set_purpose_detail("养殖肉牛 10 头");
    return applications_->CreateApplication(As(who).get(), req, out);
  }

  grpc::Status Submit(v1::Application& a, const std::string& who = "clerk11") {
    v1::SubmitApplicationRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(a.name());
    req.set_etag(a.etag());
    return applications_->SubmitApplication(As(who).get(), req, &a);
  }

  v1::SurveyRecord Survey(const std::string& lead, bool with_agreement) {
    v1::SurveyRecord s;
    s.set_lead("staff/" + lead);
    v1::SurveyMember* officer = s.add_members();
    officer->set_display_name("农信社信贷员 李四");
    officer->set_role(v1::SURVEY_ROLE_BANK_CREDIT_OFFICER);
    v1::SurveyMember* cadre = s.add_members();
    cadre->set_display_name("村支书 王五");
    cadre->set_role(v1::SURVEY_ROLE_VILLAGE_CADRE);
    *s.mutable_visit_date() = Today();
    s.set_findings("家庭有劳动力，养殖项目可行");
    *s.mutable_report() = Doc("survey-report");
    *s.mutable_guarantee_application() = Doc("guarantee-application");
    if (with_agreement) *s.mutable_benefit_sharing_agreement() = Doc("benefit-sharing");
    return s;
  }

  grpc::Status RecordSurvey(v1::Application& a, const std::string& who = "director1", bool agreement = true) {
    v1::RecordSurveyRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(a.name());
    req.set_etag(a.etag());
    *req.mutable_survey() = Survey(who, agreement);
    return applications_->RecordSurvey(As(who).get(), req, &a);
  }

  grpc::Status Review(v1::Application& a, int64_t fen, int months, int rate_bp, const std::string& bank = "rcc") {
    v1::ReviewApplicationRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(a.name());
    req.set_etag(a.etag());
    req.mutable_review()->mutable_approved_amount()->set_fen(fen);
    req.mutable_review()->set_approved_term_months(months);
    req.mutable_review()->set_rate_bp(rate_bp);
    req.mutable_review()->set_recommended_bank("units/" + bank);
    return applications_->ReviewApplication(As("reviewer").get(), req, &a);
  }

  grpc::Status Guarantee(v1::Application& a, int64_t fen) {
    v1::RecordGuaranteeRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(a.name());
    req.set_etag(a.etag());
    req.mutable_guarantee()->set_contract_number("DB-2026-001");
    req.mutable_guarantee()->mutable_guaranteed_amount()->set_fen(fen);
    *req.mutable_guarantee()->mutable_contract() = Doc("guarantee-contract");
    return applications_->RecordGuarantee(As("guarantee").get(), req, &a);
  }

  grpc::Status Insure(v1::Application& a, v1::InsuranceKind kind, int64_t fen) {
    v1::RecordInsuranceRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(a.name());
    req.set_etag(a.etag());
    v1::InsuranceRecord* i = req.mutable_insurance();
    i->set_kind(kind);
    i->set_policy_number("PICC-2026-7");
    i->mutable_insured_amount()->set_fen(fen);
    if (kind == v1::INSURANCE_KIND_PERSONAL_ACCIDENT) i->mutable_premium()->set_fen(5'000);
    *i->mutable_cover()->mutable_start() = Today();
    *i->mutable_cover()->mutable_end() = Today();
    i->mutable_cover()->mutable_end()->set_year(Today().year() + 3);
    return applications_->RecordInsurance(As("insure").get(), req, &a);
  }

  grpc::Status Sign(v1::Application& a, int64_t fen, int months, int rate_bp, const std::string& who = "rcc-officer") {
    v1::SignContractRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(a.name());
    req.set_etag(a.etag());
    v1::ContractRecord* c = req.mutable_contract();
    c->set_contract_number("JK-2026-001");
    *c->mutable_signed_date() = Today();
    c->mutable_amount()->set_fen(fen);
    c->set_term_months(months);
    c->set_rate_bp(rate_bp);
    return applications_->SignContract(As(who).get(), req, &a);
  }

  grpc::Status Pay(v1::Application& a, int64_t fen, const std::string& reference) {
    v1::DisburseRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(a.name());
    req.set_etag(a.etag());
    req.mutable_disbursement()->mutable_amount()->set_fen(fen);
    *req.mutable_disbursement()->mutable_value_date() = Today();
    req.mutable_disbursement()->set_bank_reference(reference);
    return applications_->Disburse(As("rcc-officer").get(), req, &a);
  }

  // A household's small loan of 50,000 CNY for 36 months, submitted and surveyed.
  v1::Application SurveyedSmallLoan() {
    v1::Application a;
    EXPECT_TRUE(Create(kHousehold, kSmall, 5'000'000, 36, v1::PURPOSE_PRODUCTION, &a).ok());
    EXPECT_TRUE(Submit(a).ok());
    const grpc::Status s = RecordSurvey(a);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return a;
  }
};

std::string Reason(const grpc::Status& s) { return rpc::ReasonOf(rpc::FromGrpcStatus(s)); }

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

}  // namespace
}  // namespace huinong::loans
