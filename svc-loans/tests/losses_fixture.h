// The fixture of the loss tests (write-off, the risk compensation fund,
// recovery and accountability; losses_api_test.cc, risk_fund_api_test.cc):
// the real server with the county's compensation ratio at 70%, loans
// disbursed through ApplicationService and made non-performing in SQL as
// the close-of-business job does, and the calls the tests make.
#pragma once

#include <set>
#include <string>
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


inline std::set<std::string> BadFields(const grpc::Status& s) {
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
    // Set up by the county that writes its lending policy (loans.policy).
    grpc::Status s = funds_->CreateRiskFund(AsStaff("policy", "county").get(), create, &fund);
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


}  // namespace huinong::loans::losses_api_test
