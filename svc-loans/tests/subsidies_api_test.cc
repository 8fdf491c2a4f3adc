// SubsidyService through the real server (issue 11 item 6; 000:1529-1531,
// 000:1433, 000:1603) against a real MariaDB (loans_fixture.h), with the
// source documents' numbers: a household's industry loan of 80,000 CNY for
// a year at the 4.35% base rate, disbursed a year ago (written to the store
// as the disbursement writes it) and repaid month by month through
// RecordRepayment, is subsidised 50,000 × 4.35% + 30,000 × 1% = 2,475 CNY;
// the claim goes through the township's check, the county's review, the
// 7-day notice with an objection and a second notice, the finance bureau's
// payment (refused before the notice ends) and a clawback that takes the
// subsidy from the loan. A cooperative of 3,000,000 CNY lifting 19 / 20 /
// 30 households gets 2% / 2.5% / 3%. Retries change nothing; bad input
// names every bad field.
#include <set>

#include <gtest/gtest.h>

#include "common/rpc/proto_time.h"
#include "svc-loans/src/domain/months.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/tests/applications_fixture.h"

namespace huinong::loans::subsidies_api_test {

using applications_api_test::Applications;
using applications_api_test::Doc;
using applications_api_test::kCooperative;
using applications_api_test::kHousehold;
using applications_api_test::Reason;

constexpr char kCard[] = "6222021234567890123";

std::set<std::string> Fields(const grpc::Status& s) {
  std::set<std::string> out;
  for (const rpc::FieldViolation& f : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) out.insert(f.field);
  return out;
}

absl::CivilDay Day(const type::v1::Date& d) { return absl::CivilDay(d.year(), d.month(), d.day()); }

class Subsidies : public Applications {
 protected:
  void SetUp() override {
    clock_ = BusinessClock::Settable(absl::Now(), kDefaultCountyTimeZone);
    Applications::SetUp();
    org_->Grant("director1", "loans.subsidy.check.township", "town1");  // the township's financial-service station
    org_->Grant("reviewer", "loans.subsidy.review.county", "county");   // the poverty-alleviation office
    org_->Grant("policy", "loans.subsidy.pay", "county");               // the finance bureau
  }

  void AdvanceDays(int days) { clock_->Advance(absl::Hours(24 * days)); }

  // A loan disbursed a year ago (12 months, 435 bp, monthly interest and the
  // principal at maturity), as the disbursement writes it.
  std::string Lent(const std::string& id, const std::string& borrower, BorrowerType type, ProductKind kind,
                   int64_t fen) {
    Loan l;
    l.id = id;
    l.application_id = "01APPLICATION" + id.substr(13);
    l.place = {borrower, kind == ProductKind::kPovertySmallLoan ? kPovertySmallLoanId : kIndustryLoanId, "v11",
               "town1", "county", "rcc"};
    l.borrower_type = type;
    l.product_kind = kind;
    l.bank_reference = "RCC-TX-" + id.substr(20);
    l.principal_fen = l.outstanding_principal_fen = fen;
    l.rate_bp = 435;
    l.term_months = 12;
    l.maturity_date = clock_->Today();
    l.disbursement_date = AddMonths(l.maturity_date, -12);
    l.create_time = l.update_time = absl::Now();
    auto conn = pool_->Connect();
    EXPECT_TRUE(conn.ok());
    EXPECT_TRUE(store::InsertLoan(**conn, l).ok());
    return "loans/" + id;
  }

  // Every instalment paid by the bank on its due date; the interest paid.
  int64_t RepaidOnTime(const std::string& loan, int instalments = 12) {
    v1::GetRepaymentScheduleRequest get;
    get.set_name(loan);
    v1::RepaymentSchedule schedule;
    EXPECT_TRUE(servicing_->GetRepaymentSchedule(As("rcc-officer").get(), get, &schedule).ok());
    int64_t interest = 0;
    for (int i = 0; i < instalments && i < schedule.instalments_size(); ++i) {
      const v1::Instalment& due = schedule.instalments(i);
      v1::RecordRepaymentRequest req;
      req.set_request_id(NextRequestId());
      req.set_name(loan);
      req.mutable_repayment()->mutable_amount()->set_fen(due.principal_due().fen() + due.interest_due().fen());
      *req.mutable_repayment()->mutable_value_date() = due.due_date();
      req.mutable_repayment()->set_bank_reference(absl::StrCat("RCC-REPAY-", NextRequestId()));
      v1::Repayment r;
      const grpc::Status s = servicing_->RecordRepayment(As("rcc-officer").get(), req, &r);
      EXPECT_TRUE(s.ok()) << s.error_message();
      interest += due.interest_due().fen();
    }
    return interest;
  }

  v1::ApplyForSubsidyRequest Claim(const std::string& loan, int64_t interest_paid) {
    v1::ApplyForSubsidyRequest req;
    req.set_request_id(NextRequestId());
    v1::SubsidyClaim* c = req.mutable_claim();
    c->set_loan(loan);
    *c->mutable_period()->mutable_start() = rpc::ToDate(AddMonths(clock_->Today(), -12));
    *c->mutable_period()->mutable_end() = rpc::ToDate(clock_->Today());
    c->mutable_interest_paid()->set_fen(interest_paid);
    *c->add_vouchers() = Doc("repayment-vouchers");
    c->set_bank_card_number(kCard);
    return req;
  }

  grpc::Status Apply(const v1::ApplyForSubsidyRequest& req, v1::SubsidyClaim* out, const std::string& who = "clerk11") {
    return subsidies_->ApplyForSubsidy(As(who).get(), req, out);
  }

  template <class Request>
  Request StepOn(const v1::SubsidyClaim& c) {
    Request req;
    req.set_request_id(NextRequestId());
    req.set_name(c.name());
    req.set_etag(c.etag());
    return req;
  }

  grpc::Status Check(v1::SubsidyClaim& c, const std::string& who = "director1") {
    auto req = StepOn<v1::CheckSubsidyClaimRequest>(c);
    req.set_comment("凭证与还款记录相符");
    return subsidies_->CheckSubsidyClaim(As(who).get(), req, &c);
  }

  grpc::Status Review(v1::SubsidyClaim& c, const std::string& who = "reviewer") {
    auto req = StepOn<v1::ReviewSubsidyClaimRequest>(c);
    req.set_comment("县扶贫办联审通过");
    *req.mutable_notice() = Doc("subsidy-notice-board");
    return subsidies_->ReviewSubsidyClaim(As(who).get(), req, &c);
  }

  grpc::Status Object(v1::SubsidyClaim& c, const std::string& who = "reviewer") {
    auto req = StepOn<v1::FileSubsidyObjectionRequest>(c);
    req.set_objector("李四");
    req.set_content("该户贷款用于购置小汽车，未用于养殖");
    return subsidies_->FileSubsidyObjection(As(who).get(), req, &c);
  }

  v1::PaySubsidyClaimRequest PayOrder(const v1::SubsidyClaim& c) {
    auto req = StepOn<v1::PaySubsidyClaimRequest>(c);
    *req.mutable_paid_date() = rpc::ToDate(clock_->Today());
    req.set_finance_reference("CZ-TX-2026-0042");
    return req;
  }

  grpc::Status Pay(v1::SubsidyClaim& c) { return subsidies_->PaySubsidyClaim(As("policy").get(), PayOrder(c), &c); }

  grpc::Status ClawBack(v1::SubsidyClaim& c) {
    auto req = StepOn<v1::ClawBackSubsidyRequest>(c);
    req.set_category(v1::CLAWBACK_CATEGORY_DIVERTED);
    req.set_finding("贴息贷款挪作他用（000:1603）");
    return subsidies_->ClawBackSubsidy(As("reviewer").get(), req, &c);
  }

  v1::SubsidyClaim Get(const std::string& name, const std::string& who = "reviewer") {
    v1::GetSubsidyClaimRequest req;
    req.set_name(name);
    v1::SubsidyClaim out;
    const grpc::Status s = subsidies_->GetSubsidyClaim(As(who).get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  std::vector<v1::SubsidyClaim> InNotice(const std::string& who = "reviewer") {
    v1::ListSubsidyClaimsRequest req;
    req.set_state(v1::SUBSIDY_CLAIM_STATE_IN_NOTICE);
    v1::ListSubsidyClaimsResponse resp;
    EXPECT_TRUE(subsidies_->ListSubsidyClaims(As(who).get(), req, &resp).ok());
    return {resp.claims().begin(), resp.claims().end()};
  }
};

TEST_F(Subsidies, AHouseholdIndustryLoanOf80000FromApplicationThroughTheNoticeToPaymentAndClawback) {
  const std::string loan =
      Lent("01LOANHOUSEHOLDINDUSTRY001", kHousehold, BorrowerType::kHousehold, ProductKind::kIndustryDevelopment,
           8'000'000);
  const int64_t interest = RepaidOnTime(loan);
  EXPECT_GT(interest, 247'500);  // a year's interest on 80,000 at 4.35%, about 3,480 CNY

  v1::SubsidyClaim c;
  const v1::ApplyForSubsidyRequest apply = Claim(loan, interest);
  grpc::Status s = Apply(apply, &c);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(c.state(), v1::SUBSIDY_CLAIM_STATE_SUBMITTED);
  ASSERT_EQ(c.lines_size(), 2);
  EXPECT_EQ(c.lines(0).subsidy_class(), v1::SUBSIDY_CLASS_HOUSEHOLD_BASE_RATE);
  EXPECT_EQ(c.lines(0).principal().fen(), 5'000'000);
  EXPECT_EQ(c.lines(0).rate_bp(), 435);
  EXPECT_EQ(c.lines(0).amount().fen(), 217'500);  // 2,175 CNY
  EXPECT_EQ(c.lines(1).subsidy_class(), v1::SUBSIDY_CLASS_HOUSEHOLD_ABOVE_THRESHOLD);
  EXPECT_EQ(c.lines(1).rate_bp(), 100);
  EXPECT_EQ(c.lines(1).amount().fen(), 30'000);  // 300 CNY
  EXPECT_EQ(c.amount().fen(), 247'500);          // 2,475 CNY
  EXPECT_EQ(c.bank_card_number(), "6222***********0123");
  EXPECT_EQ(c.borrower(), std::string("borrowers/") + kHousehold);
  EXPECT_EQ(c.township(), "units/town1");

  // The same request_id again: the first answer, no second claim.
  v1::SubsidyClaim again;
  ASSERT_TRUE(Apply(apply, &again).ok());
  EXPECT_EQ(again.name(), c.name());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM subsidy_claims"), 1);
  // A new request for the same days: PERIOD_OVERLAP.
  EXPECT_EQ(Reason(Apply(Claim(loan, interest), &again)), "PERIOD_OVERLAP");

  // The county cannot review before the township has checked.
  EXPECT_EQ(Reason(Review(c)), "INVALID_TRANSITION");
  // The clerk does not hold the township's check.
  EXPECT_EQ(Check(c, "clerk11").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(Check(c).ok());
  EXPECT_EQ(c.state(), v1::SUBSIDY_CLAIM_STATE_CHECKED);
  EXPECT_EQ(c.township_check().decided_by(), "staff/director1");

  ASSERT_TRUE(Review(c).ok());
  EXPECT_EQ(c.state(), v1::SUBSIDY_CLAIM_STATE_IN_NOTICE);
  const absl::CivilDay first_notice = clock_->Today();
  EXPECT_EQ(Day(c.notice_start_date()), first_notice);
  EXPECT_EQ(Day(c.notice_end_date()), first_notice + 7);
  ASSERT_EQ(InNotice().size(), 1u);  // the public notice list
  EXPECT_EQ(InNotice("director1").size(), 1u);
  EXPECT_EQ(InNotice("clerk21").size(), 0u);  // another village's clerk sees none

  // Day 3 of the notice: payment refused; an objection sends it back to review.
  AdvanceDays(2);
  EXPECT_EQ(Reason(Pay(c)), "NOTICE_NOT_ENDED");
  ASSERT_TRUE(Object(c).ok());
  EXPECT_EQ(c.state(), v1::SUBSIDY_CLAIM_STATE_CHECKED);
  ASSERT_EQ(c.objections_size(), 1);
  EXPECT_FALSE(c.objections(0).resolved());
  EXPECT_TRUE(InNotice().empty());

  // Reviewed again: a new 7-day notice from today, the objection resolved.
  ASSERT_TRUE(Review(c).ok());
  EXPECT_TRUE(c.objections(0).resolved());
  EXPECT_EQ(Day(c.notice_end_date()), clock_->Today() + 7);
  AdvanceDays(6);  // the notice's last day
  EXPECT_EQ(Reason(Pay(c)), "NOTICE_NOT_ENDED");
  AdvanceDays(1);  // the end date: payment from today, objections no longer
  EXPECT_EQ(Reason(Object(c)), "NOTICE_ENDED");
  // Stored reports of periods ending on or after the paid date are
  // forgotten (the payment counts in them); earlier ones are kept.
  for (const auto& [period, last_day] : {std::pair{"P-BEFORE", clock_->Today() - 1}, std::pair{"P-ON", clock_->Today()}}) {
    Exec(absl::StrCat("INSERT INTO report_snapshots (county_id, period, last_day, format, body_json, create_time)"
                      " VALUES ('county', '", period, "', '", absl::FormatCivilTime(last_day), "', 1, '{}', NOW(6))"));
  }
  const v1::PaySubsidyClaimRequest pay = PayOrder(c);
  s = subsidies_->PaySubsidyClaim(As("policy").get(), pay, &c);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM report_snapshots WHERE period = 'P-BEFORE'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM report_snapshots WHERE period = 'P-ON'"), 0);
  EXPECT_EQ(c.state(), v1::SUBSIDY_CLAIM_STATE_PAID);
  EXPECT_EQ(c.payment().amount().fen(), 247'500);
  EXPECT_EQ(c.payment().finance_reference(), "CZ-TX-2026-0042");
  EXPECT_EQ(c.payment().paid_by(), "staff/policy");
  // The payment retried with its request_id: the same answer, nothing more.
  v1::SubsidyClaim paid_again;
  ASSERT_TRUE(subsidies_->PaySubsidyClaim(As("policy").get(), pay, &paid_again).ok());
  EXPECT_EQ(paid_again.etag(), c.etag());

  // Diverted: the subsidy is clawed back and the loan loses it.
  ASSERT_TRUE(ClawBack(c).ok());
  EXPECT_EQ(c.state(), v1::SUBSIDY_CLAIM_STATE_CLAWED_BACK);
  EXPECT_EQ(c.clawback().amount().fen(), 247'500);
  v1::ApplyForSubsidyRequest later = Claim(loan, 1);
  *later.mutable_claim()->mutable_period()->mutable_start() = rpc::ToDate(clock_->Today() - 20);
  EXPECT_EQ(Reason(Apply(later, &again)), "SUBSIDY_FORFEITED");
  v1::GetLoanRequest get_loan;
  get_loan.set_name(loan);
  v1::Loan forfeited;
  ASSERT_TRUE(servicing_->GetLoan(As("rcc-officer").get(), get_loan, &forfeited).ok());
  EXPECT_TRUE(forfeited.subsidy_forfeited());

  // Every change is audited, the bank card masked in every event.
  std::vector<std::string> actions;
  for (const audit::v1::Event& e : OutboxEvents()) {
    if (e.action().find("Subsid") == std::string::npos) continue;
    actions.push_back(e.action());
    EXPECT_EQ(e.after_json().find(kCard), std::string::npos) << e.after_json();
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"loans.ApplyForSubsidy", "loans.CheckSubsidyClaim",
                                               "loans.ReviewSubsidyClaim", "loans.FileSubsidyObjection",
                                               "loans.ReviewSubsidyClaim", "loans.PaySubsidyClaim",
                                               "loans.ClawBackSubsidy"}));
  EXPECT_EQ(Get(c.name(), "director1").state(), v1::SUBSIDY_CLAIM_STATE_CLAWED_BACK);
}

TEST_F(Subsidies, NeverMoreThanTheInterestTheVouchersShowNorMoreThanTheRepaymentsPaid) {
  const std::string loan =
      Lent("01LOANHOUSEHOLDINDUSTRY002", kHousehold, BorrowerType::kHousehold, ProductKind::kIndustryDevelopment,
           8'000'000);
  const int64_t interest = RepaidOnTime(loan);
  v1::SubsidyClaim c;
  EXPECT_EQ(Reason(Apply(Claim(loan, interest + 1), &c)), "VOUCHERS_MISMATCH");
  ASSERT_TRUE(Apply(Claim(loan, 200'000), &c).ok());
  EXPECT_EQ(c.amount().fen(), 200'000);  // capped at the 2,000 CNY the vouchers show
  EXPECT_EQ(c.lines(0).amount().fen() + c.lines(1).amount().fen(), 247'500);
}

TEST_F(Subsidies, NotDueUntilTheLoanIsRepaidInFull) {
  const std::string loan =
      Lent("01LOANHOUSEHOLDINDUSTRY003", kHousehold, BorrowerType::kHousehold, ProductKind::kIndustryDevelopment,
           8'000'000);
  const int64_t interest = RepaidOnTime(loan, 11);  // the principal still owed
  v1::SubsidyClaim c;
  EXPECT_EQ(Reason(Apply(Claim(loan, interest), &c)), "SUBSIDY_NOT_DUE");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM subsidy_claims"), 0);
}

TEST_F(Subsidies, ACooperativeOf3000000Lifting19Or20Or30HouseholdsGets2Or2Point5Or3Percent) {
  int n = 0;
  for (const auto& [lifted, rate, fen] : std::vector<std::tuple<int, int, int64_t>>{
           {19, 200, 6'000'000}, {20, 250, 7'500'000}, {30, 300, 9'000'000}}) {
    {
      auto conn = pool_->Connect();
      ASSERT_TRUE(conn.ok());
      std::optional<Borrower> b = *store::GetBorrower(**conn, kCooperative);
      ASSERT_TRUE(b.has_value());
      b->poor_households_lifted = lifted;
      ASSERT_TRUE(store::UpdateBorrower(**conn, *b).ok());
    }
    const std::string loan = Lent(absl::StrCat("01LOANCOOPERATIVE00000000", ++n), kCooperative,
                                  BorrowerType::kCooperative, ProductKind::kIndustryDevelopment, 300'000'000);
    const int64_t interest = RepaidOnTime(loan);
    v1::SubsidyClaim c;
    const grpc::Status s = Apply(Claim(loan, interest), &c);
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_EQ(c.lines_size(), 1);
    EXPECT_EQ(c.lines(0).subsidy_class(), v1::SUBSIDY_CLASS_ORGANISATION);
    EXPECT_EQ(c.lines(0).rate_bp(), rate) << lifted;
    EXPECT_EQ(c.amount().fen(), fen) << lifted;  // 60,000 / 75,000 / 90,000 CNY
  }
}

TEST_F(Subsidies, BadInputNamesEveryBadFieldAndChangesNothing) {
  v1::ApplyForSubsidyRequest req;
  req.set_request_id(NextRequestId());
  req.mutable_claim()->set_bank_card_number("12ab");
  v1::SubsidyClaim c;
  grpc::Status s = Apply(req, &c);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"claim.loan", "claim.period.start", "claim.period.end",
                                              "claim.interest_paid", "claim.vouchers", "claim.bank_card_number"}));

  // A period before the loan and ending tomorrow: both ends named.
  const std::string loan =
      Lent("01LOANHOUSEHOLDINDUSTRY004", kHousehold, BorrowerType::kHousehold, ProductKind::kIndustryDevelopment,
           8'000'000);
  v1::ApplyForSubsidyRequest outside = Claim(loan, 100);
  *outside.mutable_claim()->mutable_period()->mutable_start() = rpc::ToDate(AddMonths(clock_->Today(), -13));
  *outside.mutable_claim()->mutable_period()->mutable_end() = rpc::ToDate(clock_->Today() + 1);
  EXPECT_EQ(Fields(Apply(outside, &c)), (std::set<std::string>{"claim.period.start", "claim.period.end"}));

  v1::PaySubsidyClaimRequest pay;
  pay.set_request_id(NextRequestId());
  pay.set_name("subsidyClaims/");
  s = subsidies_->PaySubsidyClaim(As("policy").get(), pay, &c);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"name", "paid_date", "finance_reference"}));
  v1::ClawBackSubsidyRequest claw;
  claw.set_request_id(NextRequestId());
  claw.set_name("subsidyClaims/01CLAIM");
  claw.mutable_amount()->set_fen(-1);
  EXPECT_EQ(Fields(subsidies_->ClawBackSubsidy(As("reviewer").get(), claw, &c)),
            (std::set<std::string>{"category", "amount", "finding"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM subsidy_claims"), 0);
  for (const audit::v1::Event& e : OutboxEvents()) EXPECT_EQ(e.action().find("Subsid"), std::string::npos);
}

}  // namespace huinong::loans::subsidies_api_test
