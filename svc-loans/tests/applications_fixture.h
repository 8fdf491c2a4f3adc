// What the loans API tests share (applications_api_test.cc,
// application_access_api_test.cc, breaker_api_test.cc, losses_api_test.cc):
// the seeds' products, policy and borrowers written to the store, one
// helper per workflow step, each taken with the token of the fixture
// person whose post holds it, and loans disbursed, drawn and classified.
#pragma once

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <gtest/gtest.h>

#include <functional>

#include "absl/strings/str_cat.h"
#include "common/rpc/errors.h"
#include "svc-loans/src/domain/classification.h"
#include "svc-loans/src/store/borrower_store.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/src/store/product_store.h"
#include "svc-loans/tests/loans_fixture.h"
#include "svc-loans/tests/loans_seed_data.h"

// A namespace of their own: the fixture class may share its name with a
// handler class of svc-loans (BorrowersApi), which an unnamed namespace
// per test file used to keep apart.
namespace huinong::loans::applications_api_test {

inline constexpr const char* kSmall = kPovertySmallLoanId;
inline constexpr const char* kIndustry = kIndustryLoanId;
inline constexpr char kHousehold[] = "01BORROWERHOUSEHOLD0000001";
inline constexpr char kCooperative[] = "01BORROWERCOOPERATIVE00001";
inline constexpr char kOther[] = "01BORROWERHOUSEHOLD0000021";  // in v21

inline Borrower Household(const char* id, const char* unit) {
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

inline Borrower Cooperative() {
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

inline CountyPolicy Policy(SmallLoanModel model) {
  CountyPolicy p = CountyPolicy2026();
  p.small_loan_model = model;
  return p;
}

inline type::v1::DocumentRef Doc(const std::string& title) {
  type::v1::DocumentRef d;
  d.set_uri("docs://" + title);
  d.set_title(title);
  return d;
}

inline type::v1::Date Today() {
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

  // The seeds' policy under `model`, with `adjust` applied when given.
  void Seed(SmallLoanModel model, const std::function<void(CountyPolicy&)>& adjust = nullptr) {
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok());
    CountyPolicy policy = Policy(model);
    if (adjust) adjust(policy);
    ASSERT_TRUE(store::InsertPolicy(**conn, policy).ok());
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

  grpc::Status Guarantee(v1::Application& a, int64_t fen, const std::string& who = "guarantee") {
    v1::RecordGuaranteeRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(a.name());
    req.set_etag(a.etag());
    req.mutable_guarantee()->set_contract_number("DB-2026-001");
    req.mutable_guarantee()->mutable_guaranteed_amount()->set_fen(fen);
    *req.mutable_guarantee()->mutable_contract() = Doc("guarantee-contract");
    return applications_->RecordGuarantee(As(who).get(), req, &a);
  }

  grpc::Status Insure(v1::Application& a, v1::InsuranceKind kind, int64_t fen, const std::string& who = "insure") {
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
    return applications_->RecordInsurance(As(who).get(), req, &a);
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

  // A household small loan (50,000 CNY line, 36 months) up to the bank's
  // contract, in `clerk`'s village with `director` surveying.
  v1::Application Signed(const std::string& borrower = kHousehold, const std::string& clerk = "clerk11",
                         const std::string& director = "director1") {
    v1::Application a;
    EXPECT_TRUE(Create(borrower, kSmall, 5'000'000, 36, v1::PURPOSE_PRODUCTION, &a, clerk).ok());
    EXPECT_TRUE(Submit(a, clerk).ok());
    EXPECT_TRUE(RecordSurvey(a, director).ok());
    EXPECT_TRUE(Review(a, 5'000'000, 36, 435).ok());
    EXPECT_TRUE(Guarantee(a, 5'000'000).ok());
    EXPECT_TRUE(Insure(a, v1::INSURANCE_KIND_SURETY, 5'000'000).ok());
    const grpc::Status s = Sign(a, 5'000'000, 36, 435);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return a;
  }

  // The loan id of a disbursement of `fen` on a Signed application.
  std::string Disbursed(int64_t fen, v1::Application& a) {
    const grpc::Status s = Pay(a, fen, absl::StrCat("RCC-TX-", NextRequestId()));
    EXPECT_TRUE(s.ok()) << s.error_message();
    return a.loan().substr(std::string("loans/").size());
  }

  // What the daily job will write: the loan's outstanding principal and class.
  void Classify(const std::string& loan_id, int64_t outstanding_fen, LoanClass loan_class) {
    Exec(absl::StrCat("UPDATE loans SET outstanding_principal_fen = ", outstanding_fen,
                      ", classification = ", static_cast<int>(loan_class), " WHERE id = '", loan_id, "'"));
  }

  // A 12-month draw of `fen` on the credit line `line_name` by the bank's
  // officer, valued today; the loan it makes in `drawn` when given.
  grpc::Status Draw(const std::string& line_name, int64_t fen, v1::Loan* drawn = nullptr) {
    v1::GetCreditLineRequest get;
    get.set_name(line_name);
    v1::CreditLine line;
    EXPECT_TRUE(applications_->GetCreditLine(As("rcc-officer").get(), get, &line).ok());
    v1::DrawCreditLineRequest draw;
    draw.set_request_id(NextRequestId());
    draw.set_name(line.name());
    draw.set_etag(line.etag());
    draw.mutable_amount()->set_fen(fen);
    *draw.mutable_value_date() = Today();
    draw.set_term_months(12);
    draw.set_bank_reference(absl::StrCat("RCC-DRAW-", NextRequestId()));
    draw.set_purpose(v1::PURPOSE_PRODUCTION);
    v1::Loan loan;
    return applications_->DrawCreditLine(As("rcc-officer").get(), draw, drawn ? drawn : &loan);
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

inline std::string Reason(const grpc::Status& s) { return rpc::ReasonOf(rpc::FromGrpcStatus(s)); }

}  // namespace huinong::loans::applications_api_test
