// Write-off, recovery and accountability through the real server (issue
// 11 items 4, 8; 000:1537-1539): the bank asks, the county approves or
// rejects, a covered loan gets its compensation claim; staff recorded on a
// loan must be known to svc-org. The fund's side is risk_fund_api_test.cc.
#include <gtest/gtest.h>

#include "common/rpc/proto_time.h"
#include "svc-loans/tests/losses_fixture.h"

namespace huinong::loans::losses_api_test {

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

// A business clock the test moves: a repayment the bank books while the
// county decides.
class LossesOverDays : public Losses {
 protected:
  void SetUp() override {
    clock_ = BusinessClock::Settable(absl::Now(), kDefaultCountyTimeZone);
    Losses::SetUp();
  }
};

TEST_F(LossesOverDays, ARepaymentAfterTheWriteOffsDateStopsItsApproval) {
  const std::string loan = NonPerforming(1'234'567);
  v1::Loan out;
  ASSERT_TRUE(RequestWriteOff(loan, &out).ok());
  clock_->Advance(absl::Hours(24));
  v1::RecordRepaymentRequest repay;
  repay.set_request_id(NextRequestId());
  repay.set_name("loans/" + loan);
  repay.mutable_repayment()->mutable_amount()->set_fen(100);
  *repay.mutable_repayment()->mutable_value_date() = rpc::ToDate(clock_->Today());
  repay.mutable_repayment()->set_bank_reference("RCC-LATE-1");
  v1::Repayment r;
  const grpc::Status paid = servicing_->RecordRepayment(As("rcc-officer").get(), repay, &r);
  ASSERT_TRUE(paid.ok()) << paid.error_message();

  const grpc::Status s = Approve(loan, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "WRITE_OFF_STALE");
  EXPECT_EQ(Get(loan).status(), v1::LOAN_STATUS_ACTIVE);
  EXPECT_EQ(Get(loan).write_off().state(), v1::WRITE_OFF_STATE_REQUESTED);
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
