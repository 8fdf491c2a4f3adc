// Write-off, the risk compensation fund, recovery and accountability
// through the real server (issue 11 items 4, 7, 8; 000:1433, 000:1537-1539,
// 000:1593). Loans are disbursed through ApplicationService and made
// non-performing in SQL as the close-of-business job will. The county's
// compensation ratio is 70% here, so every figure shows its rounding:
// a loss of 12,345.67 CNY is paid 8,641.97 (8,641.969 half up), and 5,000
// and then 1,000.01 CNY recovered return 3,500.00 and 700.01 to the fund.
// Eight concurrent payments on a fund that affords two pay exactly two.
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"
#include "svc-loans/tests/applications_fixture.h"

namespace huinong::loans::losses_api_test {

using applications_api_test::Applications;
using applications_api_test::Doc;
using applications_api_test::kHousehold;
using applications_api_test::kSmall;
using applications_api_test::Reason;
using applications_api_test::Today;

std::set<std::string> BadFields(const grpc::Status& s) {
  std::set<std::string> fields;
  for (const rpc::FieldViolation& f : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) fields.insert(f.field);
  return fields;
}

class Losses : public Applications {
 protected:
  void SetUp() override {
    LoansFixture::SetUp();
    Seed(SmallLoanModel::kGuaranteed, [](CountyPolicy& p) { p.compensation_ratio_bp = 7'000; });
    org_->Grant("reviewer", "loans.writeoff.approve", "county");
    // The county's finance bureau and poverty-alleviation office: government
    // departments beside the service network's tree.
    org_->AddUnit("finance", type::v1::LEVEL_UNSPECIFIED);
    org_->AddUnit("poverty", type::v1::LEVEL_UNSPECIFIED);
    org_->Grant("poverty1", "loans.fund.review.poverty", "poverty");
    org_->Grant("finance1", "loans.fund.review.finance", "finance");
    org_->Grant("finance1", "loans.fund.pay", "finance");
    org_->Grant("rcc-officer", "loans.recovery", "rcc-b1");
  }

  std::unique_ptr<grpc::ClientContext> Office(const std::string& who) {
    return AsStaff(who, who == "poverty1" ? "poverty" : "finance");
  }

  // A loan of `fen` on a new household small loan's credit line, classified
  // non-performing; its credit line in `line` when asked.
  std::string NonPerforming(int64_t fen, std::string* line = nullptr) {
    v1::Application a = Signed();
    const std::string id = Disbursed(fen, a);
    Classify(id, fen, LoanClass::kNonPerforming);
    if (line) *line = a.credit_line();
    return id;
  }

  v1::RequestWriteOffRequest WriteOffAsk(const std::string& loan_id) {
    v1::RequestWriteOffRequest req;
    req.set_request_id(NextRequestId());
    req.set_name("loans/" + loan_id);
    *req.mutable_date() = Today();
    req.set_reason("借款人外出务工失联，保证人无代偿能力");
    *req.add_documents() = Doc("bank-write-off-decision");
    return req;
  }

  grpc::Status RequestWriteOff(const std::string& loan_id, v1::Loan* out, const std::string& who = "rcc-officer") {
    return servicing_->RequestWriteOff(As(who).get(), WriteOffAsk(loan_id), out);
  }

  grpc::Status Approve(const std::string& loan_id, v1::Loan* out, const std::string& who = "reviewer",
                       const std::string& request_id = "") {
    v1::ApproveWriteOffRequest req;
    req.set_request_id(request_id.empty() ? NextRequestId() : request_id);
    req.set_name("loans/" + loan_id);
    req.set_comment("经县金融扶贫服务中心审核，同意核销");
    return servicing_->ApproveWriteOff(As(who).get(), req, out);
  }

  // The county's fund with `fen` contributed.
  v1::RiskFund Fund(int64_t fen) {
    v1::CreateRiskFundRequest create;
    create.set_request_id(NextRequestId());
    create.mutable_fund()->set_county("units/county");
    create.mutable_fund()->set_title("固安县扶贫小额信贷风险补偿金");
    create.mutable_fund()->set_finance_bureau("units/finance");
    create.mutable_fund()->set_poverty_office("units/poverty");
    v1::RiskFund fund;
    grpc::Status s = funds_->CreateRiskFund(Office("finance1").get(), create, &fund);
    EXPECT_TRUE(s.ok()) << s.error_message();
    v1::RecordFundContributionRequest in;
    in.set_request_id(NextRequestId());
    in.set_name(fund.name());
    in.mutable_transaction()->set_kind(v1::FUND_TRANSACTION_KIND_CONTRIBUTION);
    in.mutable_transaction()->mutable_amount()->set_fen(fen);
    *in.mutable_transaction()->mutable_value_date() = Today();
    in.mutable_transaction()->set_reference("财预〔2026〕12号");
    v1::FundTransaction t;
    s = funds_->RecordFundContribution(Office("finance1").get(), in, &t);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return GetFund(fund.name());
  }

  v1::RiskFund GetFund(const std::string& name) {
    v1::GetRiskFundRequest req;
    req.set_name(name);
    v1::RiskFund fund;
    const grpc::Status s = funds_->GetRiskFund(Auditor().get(), req, &fund);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return fund;
  }

  v1::CompensationClaim ClaimOf(const std::string& loan_id) {
    v1::ListCompensationClaimsRequest req;
    req.set_loan("loans/" + loan_id);
    v1::ListCompensationClaimsResponse resp;
    EXPECT_TRUE(funds_->ListCompensationClaims(Office("poverty1").get(), req, &resp).ok());
    EXPECT_EQ(resp.claims_size(), 1);
    return resp.claims_size() == 1 ? resp.claims(0) : v1::CompensationClaim();
  }

  grpc::Status Review(v1::CompensationClaim& c, v1::ReviewParty party, const std::string& who) {
    v1::ReviewCompensationClaimRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(c.name());
    req.set_party(party);
    req.set_comment("材料齐全，同意补偿");
    return funds_->ReviewCompensationClaim(Office(who).get(), req, &c);
  }

  grpc::Status Pay(v1::CompensationClaim& c, const std::string& who = "finance1") {
    v1::PayCompensationClaimRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(c.name());
    *req.mutable_value_date() = Today();
    req.set_reference(absl::StrCat("财拨-", NextRequestId()));
    return funds_->PayCompensationClaim(Office(who).get(), req, &c);
  }

  // A claim both reviewers approved.
  v1::CompensationClaim Approved(const std::string& loan_id) {
    v1::CompensationClaim c = ClaimOf(loan_id);
    EXPECT_TRUE(Review(c, v1::REVIEW_PARTY_POVERTY_OFFICE, "poverty1").ok());
    EXPECT_TRUE(Review(c, v1::REVIEW_PARTY_FINANCE_BUREAU, "finance1").ok());
    return c;
  }

  v1::RecordRecoveryRequest Recovery(const std::string& loan_id, int64_t fen, const std::string& reference) {
    v1::RecordRecoveryRequest req;
    req.set_request_id(NextRequestId());
    req.set_name("loans/" + loan_id);
    req.mutable_recovery()->mutable_amount()->set_fen(fen);
    *req.mutable_recovery()->mutable_value_date() = Today();
    req.mutable_recovery()->set_source(v1::RECOVERY_SOURCE_BORROWER);
    req.mutable_recovery()->set_bank_reference(reference);
    return req;
  }

  v1::Loan Get(const std::string& loan_id) {
    v1::GetLoanRequest req;
    req.set_name("loans/" + loan_id);
    v1::Loan loan;
    EXPECT_TRUE(servicing_->GetLoan(Admin().get(), req, &loan).ok());
    return loan;
  }

  // Audit events written so far of a resource type.
  int Events(const std::string& type) {
    int n = 0;
    for (const audit::v1::Event& e : OutboxEvents()) n += e.resource_type() == type ? 1 : 0;
    return n;
  }
  // Audit events written so far by a method ("loans.<Method>").
  int Actions(const std::string& method) {
    int n = 0;
    for (const audit::v1::Event& e : OutboxEvents()) n += absl::EndsWith(e.action(), "." + method) ? 1 : 0;
    return n;
  }
};

TEST_F(Losses, TheBankRequestsTheCountyApprovesAndTheCoveredLoanGetsItsClaim) {
  const v1::RiskFund fund = Fund(700'000'000);  // 7,000,000 CNY (000:1433)
  std::string line;
  v1::Application a = Signed();
  const std::string loan = Disbursed(1'234'567, a);
  line = a.credit_line();
  v1::Loan drawn;
  ASSERT_TRUE(Draw(line, 1'000'000, &drawn).ok());  // a sound loan in the same township

  v1::Loan out;
  // Not non-performing yet.
  EXPECT_EQ(Reason(RequestWriteOff(loan, &out)), "NOT_NON_PERFORMING");
  Classify(loan, 1'234'567, LoanClass::kNonPerforming);
  // Only the bank that paid it asks.
  EXPECT_EQ(RequestWriteOff(loan, &out, "abc-officer").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // Every bad field at once, and nothing changes.
  v1::RequestWriteOffRequest bad = WriteOffAsk(loan);
  bad.clear_date();
  bad.clear_reason();
  bad.clear_documents();
  grpc::Status s = servicing_->RequestWriteOff(As("rcc-officer").get(), bad, &out);
  EXPECT_EQ(BadFields(s), (std::set<std::string>{"date", "reason", "documents"}));
  EXPECT_FALSE(Get(loan).has_write_off());
  // Nothing to approve before the bank asks.
  EXPECT_EQ(Reason(Approve(loan, &out)), "INVALID_TRANSITION");

  s = RequestWriteOff(loan, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.status(), v1::LOAN_STATUS_ACTIVE);
  EXPECT_EQ(out.write_off().state(), v1::WRITE_OFF_STATE_REQUESTED);
  EXPECT_EQ(out.write_off().principal().fen(), 1'234'567);  // disbursed today: no interest yet
  EXPECT_EQ(out.write_off().interest().fen(), 0);
  EXPECT_EQ(out.write_off().recorded_by(), "staff/rcc-officer");

  // The county approves; the bank cannot.
  EXPECT_EQ(Approve(loan, &out, "rcc-officer").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  s = Approve(loan, &out, "reviewer", "approve-once");
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.status(), v1::LOAN_STATUS_WRITTEN_OFF);
  EXPECT_EQ(out.write_off().state(), v1::WRITE_OFF_STATE_APPROVED);
  EXPECT_EQ(out.write_off().decided_by(), "staff/reviewer");
  EXPECT_EQ(out.recovery_state(), v1::RECOVERY_STATE_IN_PROGRESS);
  // A retry changes nothing and answers the same.
  v1::Loan again;
  ASSERT_TRUE(Approve(loan, &again, "reviewer", "approve-once").ok());
  EXPECT_EQ(again.etag(), out.etag());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM compensation_claims"), 1);
  // Written off loans are final.
  EXPECT_EQ(Reason(RequestWriteOff(loan, &out)), "LOAN_NOT_ACTIVE");

  // The standing history has the written-off day; the township was measured
  // in the same transaction, without the written-off loan.
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM loan_standings WHERE loan_id = '", loan, "' AND status = 3")), 1);
  v1::GetTownshipStatusRequest town;
  town.set_name("units/town1");
  v1::TownshipStatus status;
  ASSERT_TRUE(breakers_->GetTownshipStatus(As("reviewer").get(), town, &status).ok());
  EXPECT_EQ(status.outstanding_balance().fen(), 1'000'000);
  EXPECT_EQ(status.npl_balance().fen(), 0);
  EXPECT_EQ(status.state(), v1::TOWNSHIP_LENDING_STATE_OPEN);

  // The claim: 12,345.67 × 70% = 8,641.969 → 8,641.97.
  const v1::CompensationClaim claim = ClaimOf(loan);
  EXPECT_EQ(claim.state(), v1::COMPENSATION_CLAIM_STATE_SUBMITTED);
  EXPECT_EQ(claim.fund(), fund.name());
  EXPECT_EQ(claim.loss().fen(), 1'234'567);
  EXPECT_EQ(claim.ratio_bp(), 7'000);
  EXPECT_EQ(claim.amount().fen(), 864'197);
  EXPECT_EQ(Events("compensation_claim"), 1);
  // The refused and repeated calls wrote nothing: one request, one approval
  // (the loan and the claim it opened).
  EXPECT_EQ(Actions("RequestWriteOff"), 1);
  EXPECT_EQ(Actions("ApproveWriteOff"), 2);
}

TEST_F(Losses, AWriteOffTheCountyRejectsMayBeAskedAgain) {
  Fund(100'000'000);
  const std::string loan = NonPerforming(1'000'000);
  v1::Loan out;
  ASSERT_TRUE(RequestWriteOff(loan, &out).ok());
  v1::RejectWriteOffRequest reject;
  reject.set_request_id(NextRequestId());
  reject.set_name("loans/" + loan);
  grpc::Status s = servicing_->RejectWriteOff(As("reviewer").get(), reject, &out);
  EXPECT_EQ(BadFields(s), std::set<std::string>{"reason"});
  reject.set_reason("追偿手段未用尽，请先处置抵押物");
  ASSERT_TRUE(servicing_->RejectWriteOff(As("reviewer").get(), reject, &out).ok());
  EXPECT_EQ(out.write_off().state(), v1::WRITE_OFF_STATE_REJECTED);
  EXPECT_EQ(out.status(), v1::LOAN_STATUS_ACTIVE);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM compensation_claims"), 0);
  ASSERT_TRUE(RequestWriteOff(loan, &out).ok());
  EXPECT_EQ(out.write_off().state(), v1::WRITE_OFF_STATE_REQUESTED);
  EXPECT_EQ(out.write_off().decided_by(), "");
}

TEST_F(Losses, TheClaimIsReviewedJointlyPaidAndRecoveriesFlowBackProRata) {
  v1::RiskFund fund = Fund(700'000'000);
  std::string line;
  const std::string loan = NonPerforming(1'234'567, &line);
  v1::Loan out;
  ASSERT_TRUE(RequestWriteOff(loan, &out).ok());
  ASSERT_TRUE(Approve(loan, &out).ok());
  v1::CompensationClaim claim = ClaimOf(loan);

  // Not before both reviewers; each party once; the right capability.
  EXPECT_EQ(Reason(Pay(claim)), "INVALID_TRANSITION");
  EXPECT_EQ(Review(claim, v1::REVIEW_PARTY_FINANCE_BUREAU, "poverty1").error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(Review(claim, v1::REVIEW_PARTY_POVERTY_OFFICE, "poverty1").ok());
  EXPECT_EQ(claim.state(), v1::COMPENSATION_CLAIM_STATE_POVERTY_OFFICE_APPROVED);
  EXPECT_EQ(Reason(Review(claim, v1::REVIEW_PARTY_POVERTY_OFFICE, "poverty1")), "INVALID_TRANSITION");
  ASSERT_TRUE(Review(claim, v1::REVIEW_PARTY_FINANCE_BUREAU, "finance1").ok());
  EXPECT_EQ(claim.state(), v1::COMPENSATION_CLAIM_STATE_APPROVED);
  EXPECT_EQ(claim.reviews_size(), 2);
  EXPECT_EQ(Pay(claim, "poverty1").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(Pay(claim).ok());
  EXPECT_EQ(claim.state(), v1::COMPENSATION_CLAIM_STATE_PAID);
  fund = GetFund(fund.name());
  EXPECT_EQ(fund.balance().fen(), 700'000'000 - 864'197);
  EXPECT_EQ(Get(loan).compensated().fen(), 864'197);

  // 5,000 CNY recovered: 500,000 × 864,197 ÷ 1,234,567 = 350,000.04 → 3,500.00 back.
  v1::Recovery r;
  grpc::Status s = servicing_->RecordRecovery(As("rcc-officer").get(), Recovery(loan, 500'000, "ZS-1"), &r);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(r.fund_share().fen(), 350'000);
  EXPECT_FALSE(r.fund_transaction().empty());
  // The same reference and amount again answers the first; another amount is refused.
  v1::Recovery same;
  ASSERT_TRUE(servicing_->RecordRecovery(As("rcc-officer").get(), Recovery(loan, 500'000, "ZS-1"), &same).ok());
  EXPECT_EQ(same.name(), r.name());
  EXPECT_EQ(Reason(servicing_->RecordRecovery(As("rcc-officer").get(), Recovery(loan, 1, "ZS-1"), &same)),
            "BANK_REFERENCE_USED");

  // 1,000.01 more from a borrower evading maliciously: the running total
  // 600,001 gives 420,000.75 → 420,001, so 700.01 goes back; the borrower
  // is blacklisted.
  v1::RecordRecoveryRequest evasion = Recovery(loan, 100'001, "ZS-2");
  evasion.mutable_recovery()->set_malicious_evasion(true);
  s = servicing_->RecordRecovery(As("rcc-officer").get(), evasion, &r);
  EXPECT_EQ(BadFields(s), (std::set<std::string>{"evasion_reason", "evasion_evidence"}));
  evasion.set_evasion_reason("有还款能力拒不还款，转移财产");
  *evasion.add_evasion_evidence() = Doc("court-judgment");
  s = servicing_->RecordRecovery(As("rcc-officer").get(), evasion, &r);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(r.fund_share().fen(), 70'001);
  EXPECT_FALSE(r.blacklist_entry().empty());

  fund = GetFund(fund.name());
  EXPECT_EQ(fund.total_recoveries().fen(), 420'001);
  EXPECT_EQ(fund.balance().fen(), 700'000'000 - 864'197 + 420'001);
  EXPECT_TRUE(fund.ledger().balanced());
  EXPECT_EQ(fund.ledger().expected_balance().fen(), fund.balance().fen());
  EXPECT_EQ(fund.ledger().transaction_count(), 4);
  EXPECT_EQ(ClaimOf(loan).recovered_to_fund().fen(), 420'001);
  const v1::Loan written_off = Get(loan);
  EXPECT_EQ(written_off.recovered().fen(), 600'001);
  EXPECT_EQ(written_off.recovery_state(), v1::RECOVERY_STATE_IN_PROGRESS);

  // The blacklist blocks a new application (judged at submission) and a draw.
  const auto rules_of = [](const grpc::Status& refused) {
    std::set<std::string> rules;
    for (const auto& p : rpc::PreconditionViolationsOf(rpc::FromGrpcStatus(refused))) rules.insert(p.type);
    return rules;
  };
  v1::Application next;
  ASSERT_TRUE(Create(kHousehold, kSmall, 1'000'000, 12, v1::PURPOSE_PRODUCTION, &next).ok());
  s = Submit(next);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(rules_of(s).contains("BLACKLISTED")) << s.error_message();
  s = Draw(line, 100'000);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(rules_of(s).contains("BLACKLISTED")) << s.error_message();

  // Never more than the loss; a closed case takes no more.
  EXPECT_EQ(Reason(servicing_->RecordRecovery(As("rcc-officer").get(),
                                              Recovery(loan, 1'234'567 - 600'001 + 1, "ZS-3"), &r)),
            "AMOUNT_EXCEEDS_BALANCE");
  v1::RecordRecoveryRequest last = Recovery(loan, 10'000, "ZS-4");
  last.mutable_recovery()->set_closes_case(true);
  ASSERT_TRUE(servicing_->RecordRecovery(As("rcc-officer").get(), last, &r).ok());
  EXPECT_EQ(Get(loan).recovery_state(), v1::RECOVERY_STATE_CLOSED);
  EXPECT_EQ(Reason(servicing_->RecordRecovery(As("rcc-officer").get(), Recovery(loan, 1, "ZS-5"), &r)),
            "RECOVERY_CLOSED");

  v1::ListRecoveriesRequest list;
  list.set_name("loans/" + loan);
  v1::ListRecoveriesResponse listed;
  ASSERT_TRUE(servicing_->ListRecoveries(As("reviewer").get(), list, &listed).ok());
  EXPECT_EQ(listed.recoveries_size(), 3);
  EXPECT_TRUE(GetFund(fund.name()).ledger().balanced());
  EXPECT_EQ(Events("recovery"), 3);
  EXPECT_EQ(Events("blacklist_entry"), 1);
}

TEST_F(Losses, EightConcurrentPaymentsPayExactlyWhatTheFundAffords) {
  // One credit line: a disbursement and seven draws of 5,000 CNY, each
  // written off and claimed at 70%: 3,500 CNY a claim, 28,000 in all,
  // on a fund of 10,000 — two can be paid, 3,000 remain.
  const v1::RiskFund fund = Fund(1'000'000);
  v1::Application a = Signed();
  std::vector<std::string> loans = {Disbursed(500'000, a)};
  for (int i = 0; i < 7; ++i) {
    v1::Loan drawn;
    const grpc::Status s = Draw(a.credit_line(), 500'000, &drawn);
    ASSERT_TRUE(s.ok()) << s.error_message();
    loans.push_back(drawn.name().substr(std::string("loans/").size()));
  }
  std::vector<v1::CompensationClaim> claims;
  for (const std::string& loan : loans) {
    Classify(loan, 500'000, LoanClass::kNonPerforming);
    v1::Loan out;
    ASSERT_TRUE(RequestWriteOff(loan, &out).ok());
    ASSERT_TRUE(Approve(loan, &out).ok());
    claims.push_back(Approved(loan));
    ASSERT_EQ(claims.back().amount().fen(), 350'000);
  }

  std::vector<grpc::Status> results(claims.size());
  std::vector<std::thread> payers;
  for (size_t i = 0; i < claims.size(); ++i) {
    payers.emplace_back([&, i] {
      v1::PayCompensationClaimRequest req;
      req.set_request_id(absl::StrCat("pay-", i));
      req.set_name(claims[i].name());
      *req.mutable_value_date() = Today();
      req.set_reference(absl::StrCat("财拨-", i));
      v1::CompensationClaim paid;
      results[i] = funds_->PayCompensationClaim(Office("finance1").get(), req, &paid);
    });
  }
  for (std::thread& t : payers) t.join();

  int paid = 0;
  for (const grpc::Status& s : results) {
    if (s.ok()) {
      ++paid;
      continue;
    }
    EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
    EXPECT_EQ(Reason(s), "FUND_INSUFFICIENT");
  }
  EXPECT_EQ(paid, 2);
  const v1::RiskFund after = GetFund(fund.name());
  EXPECT_EQ(after.balance().fen(), 300'000);
  EXPECT_GE(after.balance().fen(), 0);
  EXPECT_EQ(after.total_compensations().fen(), 700'000);
  EXPECT_TRUE(after.ledger().balanced());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM compensation_claims WHERE state = 3"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM fund_transactions WHERE kind = 3"), 2);
}

TEST_F(Losses, AFundTakesOnlyWellFormedContributionsAndOneFundPerCounty) {
  const v1::RiskFund fund = Fund(700'000'000);
  EXPECT_EQ(fund.balance().fen(), 700'000'000);
  EXPECT_TRUE(fund.ledger().balanced());

  v1::RecordFundContributionRequest bad;
  bad.set_request_id(NextRequestId());
  bad.set_name(fund.name());
  bad.mutable_transaction()->set_kind(v1::FUND_TRANSACTION_KIND_COMPENSATION);
  v1::FundTransaction t;
  const grpc::Status s = funds_->RecordFundContribution(Office("finance1").get(), bad, &t);
  EXPECT_EQ(BadFields(s), (std::set<std::string>{"transaction.kind", "transaction.amount",
                                                 "transaction.value_date", "transaction.reference"}));
  EXPECT_EQ(GetFund(fund.name()).ledger().transaction_count(), 1);

  v1::CreateRiskFundRequest second;
  second.set_request_id(NextRequestId());
  second.mutable_fund()->set_county("units/county");
  second.mutable_fund()->set_title("另一个");
  second.mutable_fund()->set_finance_bureau("units/finance");
  second.mutable_fund()->set_poverty_office("units/poverty");
  v1::RiskFund other;
  EXPECT_EQ(Reason(funds_->CreateRiskFund(Admin().get(), second, &other)), "FUND_EXISTS");
  second.mutable_fund()->set_county("units/town1");
  EXPECT_EQ(BadFields(funds_->CreateRiskFund(Admin().get(), second, &other)), std::set<std::string>{"fund.county"});
  // A village's staff read their county's fund, the poverty office the
  // fund it reviews; a bank's staff do not, and the poverty office pays nothing.
  v1::GetRiskFundRequest get;
  get.set_name(fund.name());
  EXPECT_TRUE(funds_->GetRiskFund(As("clerk11").get(), get, &other).ok());
  EXPECT_TRUE(funds_->GetRiskFund(Office("poverty1").get(), get, &other).ok());
  v1::RecordFundContributionRequest in;
  in.set_request_id(NextRequestId());
  in.set_name(fund.name());
  in.mutable_transaction()->set_kind(v1::FUND_TRANSACTION_KIND_REPLENISHMENT);
  in.mutable_transaction()->mutable_amount()->set_fen(100);
  *in.mutable_transaction()->mutable_value_date() = Today();
  in.mutable_transaction()->set_reference("补充-1");
  EXPECT_EQ(Reason(funds_->RecordFundContribution(Office("poverty1").get(), in, &t)), "NOT_FUND_ORGANISATION");
  ASSERT_TRUE(funds_->RecordFundContribution(Office("finance1").get(), in, &t).ok());
  EXPECT_EQ(t.balance_after().fen(), 700'000'100);
  EXPECT_EQ(funds_->GetRiskFund(As("rcc-officer").get(), get, &other).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(Losses, AccountabilityNamesStaffSvcOrgKnows) {
  const std::string loan = NonPerforming(1'000'000);
  v1::RecordAccountabilityRequest req;
  req.set_request_id(NextRequestId());
  req.set_name("loans/" + loan);
  req.mutable_record();
  v1::Loan out;
  grpc::Status s = servicing_->RecordAccountability(As("reviewer").get(), req, &out);
  EXPECT_EQ(BadFields(s), (std::set<std::string>{"record.staff", "record.kind", "record.finding"}));

  req.mutable_record()->set_staff("staff/ghost");
  req.mutable_record()->set_kind(v1::ACCOUNTABILITY_KIND_NEGLIGENCE);
  req.mutable_record()->set_finding("入户调查走过场，未核实借款用途");
  EXPECT_EQ(servicing_->RecordAccountability(As("reviewer").get(), req, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(servicing_->RecordAccountability(As("rcc-officer").get(), req, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  req.mutable_record()->set_staff("staff/director1");
  s = servicing_->RecordAccountability(As("reviewer").get(), req, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(out.accountability_size(), 1);
  EXPECT_EQ(out.accountability(0).index(), 1);
  EXPECT_EQ(out.accountability(0).staff(), "staff/director1");
  EXPECT_EQ(out.accountability(0).recorded_by(), "staff/reviewer");
  // A retry changes nothing.
  v1::Loan again;
  ASSERT_TRUE(servicing_->RecordAccountability(As("reviewer").get(), req, &again).ok());
  EXPECT_EQ(Get(loan).accountability_size(), 1);
}

}  // namespace huinong::loans::losses_api_test
