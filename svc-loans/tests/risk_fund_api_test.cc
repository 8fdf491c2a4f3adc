// The risk compensation fund through the real server (issue 11 item 7;
// 000:1433, 000:1593). The county's compensation ratio is 70% here, so
// every figure shows its rounding: a loss of 12,345.67 CNY is paid 8,641.97
// (8,641.969 half up), and 5,000 and then 1,000.01 CNY recovered return
// 3,500.00 and 700.01 to the fund. Eight concurrent payments on a fund
// that affords two pay exactly two.
#include <gtest/gtest.h>

#include "svc-loans/tests/losses_fixture.h"

namespace huinong::loans::losses_api_test {

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
  // The finance bureau pays from the fund; it does not set up a county's fund.
  EXPECT_EQ(funds_->CreateRiskFund(Office("finance1").get(), second, &other).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
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

}  // namespace huinong::loans::losses_api_test
