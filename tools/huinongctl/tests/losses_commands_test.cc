// What follows a bad loan, against canned svc-loans answers: `loan writeoff
// request|approve|reject`, `loan accountable`, `recovery record|list`,
// `fund create|get|contribute|transactions|check` and `claim
// list|get|review|reject|pay` — the request sent (names, yuan as fen, dates,
// request ids, the --malicious-evasion and --closes-case switches, repeated
// --document and --evidence), what is printed, bad input refused before
// anything is sent, and the server's refusal with its reason. Figures of
// docs/servicing.md: a 12,345.67 loss at 70% pays 8,641.97, and 5,000.00
// recovered on it returns 3,500.00 to the county's 7,000,000 CNY fund.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "common/rpc/status_details.h"
#include "huinong/loans/v1/risk_fund_service.pb.h"
#include "huinong/loans/v1/servicing_service.pb.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/tests/command_test.h"

namespace huinong::ctl::testing {
namespace {

namespace v1 = ::huinong::loans::v1;

class LossesCommandsTest : public CommandTest {};

v1::Loan WrittenOff(v1::WriteOffState state) {
  v1::Loan loan;
  loan.set_name("loans/L1");
  loan.set_status(state == v1::WRITE_OFF_STATE_APPROVED ? v1::LOAN_STATUS_WRITTEN_OFF : v1::LOAN_STATUS_ACTIVE);
  loan.set_classification(v1::LOAN_CLASSIFICATION_NON_PERFORMING);
  v1::WriteOff* w = loan.mutable_write_off();
  w->set_state(state);
  *w->mutable_date() = Day(2026, 12, 3);
  *w->mutable_principal() = Fen(1'200'000);
  *w->mutable_interest() = Fen(34'567);
  w->set_recorded_by("staff/B1");
  if (state != v1::WRITE_OFF_STATE_REQUESTED) {
    w->set_decided_by("staff/C1");
    w->set_decision_comment(state == v1::WRITE_OFF_STATE_APPROVED ? "同意核销" : "");
  }
  if (state == v1::WRITE_OFF_STATE_APPROVED) loan.set_recovery_state(v1::RECOVERY_STATE_IN_PROGRESS);
  loan.set_etag("7");
  return loan;
}

TEST_F(LossesCommandsTest, AWriteOffIsAskedForApprovedAndRefused) {
  suite_.canned().Answer<v1::RequestWriteOffRequest>(WrittenOff(v1::WRITE_OFF_STATE_REQUESTED));
  ASSERT_TRUE(Run({"loan", "writeoff", "request", "L1", "--date", "2026-12-03", "--reason", "失联，保证人无代偿能力",
                   "--document", "decision|docs://rcc-writeoff.pdf", "--document", "docs://lawsuit.pdf", "--etag", "6",
                   "--request-id", "wo-1"}).ok()) << out_;
  const auto asked = suite_.canned().Last<v1::RequestWriteOffRequest>();
  EXPECT_EQ(asked->name(), "loans/L1");
  EXPECT_EQ(DateText(asked->date()), "2026-12-03");
  EXPECT_EQ(asked->reason(), "失联，保证人无代偿能力");
  ASSERT_EQ(asked->documents_size(), 2);
  EXPECT_EQ(asked->documents(0).kind(), "decision");
  EXPECT_EQ(asked->documents(1).uri(), "docs://lawsuit.pdf");
  EXPECT_EQ(asked->etag(), "6");
  EXPECT_EQ(asked->request_id(), "wo-1");
  EXPECT_THAT(out_, StartsWith("asked the county to write off loans/L1\n"));
  EXPECT_EQ(Row("write-off"), "requested 2026-12-03, loss 12,000.00 + interest 345.67  by staff/B1");

  suite_.canned().Answer<v1::ApproveWriteOffRequest>(WrittenOff(v1::WRITE_OFF_STATE_APPROVED));
  ASSERT_TRUE(Run({"loan", "writeoff", "approve", "L1", "--comment", "同意核销"}).ok()) << out_;
  const auto approved = suite_.canned().Last<v1::ApproveWriteOffRequest>();
  EXPECT_EQ(approved->name(), "loans/L1");
  EXPECT_EQ(approved->comment(), "同意核销");
  EXPECT_FALSE(approved->request_id().empty());
  EXPECT_THAT(out_, StartsWith("wrote off loans/L1\n"));
  EXPECT_EQ(Row("decided"), "by staff/C1  同意核销");
  EXPECT_EQ(Row("recovery"), "in-progress, recovered 0.00, compensated 0.00");

  suite_.canned().Answer<v1::RejectWriteOffRequest>(WrittenOff(v1::WRITE_OFF_STATE_REJECTED));
  ASSERT_TRUE(Run({"loan", "writeoff", "reject", "loans/L1", "--reason", "未穷尽追偿手段"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::RejectWriteOffRequest>()->reason(), "未穷尽追偿手段");
  EXPECT_THAT(out_, StartsWith("refused to write off loans/L1\n"));

  ExpectRefusedUnsent({"loan", "writeoff", "request", "L1", "--reason", "r", "--document", "docs://d"}, "--date");
  ExpectRefusedUnsent({"loan", "writeoff", "request", "L1", "--date", "2026-12-3x", "--reason", "r"}, "--date");
  ExpectRefusedUnsent({"loan", "writeoff", "request", "L1", "--date", "2026-12-03"}, "--reason");
  ExpectRefusedUnsent({"loan", "writeoff", "request", "L1", "--date", "2026-12-03", "--reason", "r", "--document",
                       "docs://d#00"}, "--document");
  ExpectRefusedUnsent({"loan", "writeoff", "reject", "L1"}, "--reason");
  ExpectRefusedUnsent({"loan", "writeoff", "approve"}, "loan");
}

TEST_F(LossesCommandsTest, AStaleWriteOffApprovalIsRefusedWithItsReason) {
  suite_.canned().Refuse<v1::ApproveWriteOffRequest>(rpc::FailedPrecondition(
      "WRITE_OFF_STALE", "a repayment valued before the write-off date came after the request: ask again"));
  const std::string text = ExpectServerRefusal({"loan", "writeoff", "approve", "L1", "--request-id", "wa-1"},
                                                absl::StatusCode::kFailedPrecondition, "WRITE_OFF_STALE");
  EXPECT_THAT(text, HasSubstr("retry with --request-id=wa-1"));
}

TEST_F(LossesCommandsTest, AStaffMemberAnswerableForABadLoan) {
  v1::Loan loan = WrittenOff(v1::WRITE_OFF_STATE_APPROVED);
  v1::AccountabilityRecord* a = loan.add_accountability();
  a->set_index(1);
  a->set_staff("staff/S5");
  a->set_kind(v1::ACCOUNTABILITY_KIND_NEGLIGENCE);
  a->set_finding("调查走过场");
  suite_.canned().Answer<v1::RecordAccountabilityRequest>(loan);
  ASSERT_TRUE(Run({"loan", "accountable", "L1", "--staff", "S5", "--kind", "negligence", "--finding", "调查走过场",
                   "--decision", "通报批评", "--document", "county_decision|docs://d.pdf"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::RecordAccountabilityRequest>();
  EXPECT_EQ(sent->name(), "loans/L1");
  EXPECT_EQ(sent->record().staff(), "staff/S5");
  EXPECT_EQ(sent->record().kind(), v1::ACCOUNTABILITY_KIND_NEGLIGENCE);
  EXPECT_EQ(sent->record().finding(), "调查走过场");
  EXPECT_EQ(sent->record().decision(), "通报批评");
  EXPECT_EQ(sent->record().documents(0).kind(), "county_decision");
  EXPECT_FALSE(sent->request_id().empty());
  EXPECT_THAT(out_, StartsWith("recorded who answers for loans/L1\n"));
  EXPECT_EQ(Row("accountable"), "1. staff/S5 (negligence) 调查走过场");

  ExpectRefusedUnsent({"loan", "accountable", "L1", "--kind", "fraud", "--finding", "f"}, "--staff");
  ExpectRefusedUnsent({"loan", "accountable", "L1", "--staff", "S5", "--kind", "laziness", "--finding", "f"}, "--kind");
  ExpectRefusedUnsent({"loan", "accountable", "L1", "--staff", "S5", "--kind", "fraud"}, "--finding");
}

v1::Recovery Recovered5000() {
  v1::Recovery r;
  r.set_name("loans/L1/recoveries/R1");
  *r.mutable_amount() = Fen(500'000);
  *r.mutable_value_date() = Day(2026, 12, 3);
  r.set_source(v1::RECOVERY_SOURCE_BORROWER);
  r.set_bank_reference("ZS-1");
  *r.mutable_fund_share() = Fen(350'000);
  r.set_fund_transaction("riskFunds/F1/transactions/T3");
  return r;
}

TEST_F(LossesCommandsTest, ARecoveryWithTheEvasionAndClosingSwitches) {
  v1::Recovery answer = Recovered5000();
  answer.set_malicious_evasion(true);
  answer.set_blacklist_entry("borrowers/B1/blacklistEntries/E1");
  answer.set_closes_case(true);
  suite_.canned().Answer<v1::RecordRecoveryRequest>(answer);
  ASSERT_TRUE(Run({"recovery", "record", "L1", "--amount", "5,000", "--value-date", "2026-12-03", "--source",
                   "borrower", "--bank-reference", "ZS-1", "--note", "拍卖所得", "--malicious-evasion", "--closes-case",
                   "--evasion-reason", "转移财产", "--evidence", "court_ruling|docs://ruling.pdf", "--evidence",
                   "docs://transfer.pdf", "--request-id", "rc-1"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::RecordRecoveryRequest>();
  EXPECT_EQ(sent->name(), "loans/L1");
  EXPECT_EQ(sent->request_id(), "rc-1");
  EXPECT_EQ(sent->recovery().amount().fen(), 500'000);
  EXPECT_EQ(DateText(sent->recovery().value_date()), "2026-12-03");
  EXPECT_EQ(sent->recovery().source(), v1::RECOVERY_SOURCE_BORROWER);
  EXPECT_EQ(sent->recovery().bank_reference(), "ZS-1");
  EXPECT_EQ(sent->recovery().note(), "拍卖所得");
  EXPECT_TRUE(sent->recovery().malicious_evasion());
  EXPECT_TRUE(sent->recovery().closes_case());
  EXPECT_EQ(sent->evasion_reason(), "转移财产");
  ASSERT_EQ(sent->evasion_evidence_size(), 2);
  EXPECT_EQ(sent->evasion_evidence(0).kind(), "court_ruling");
  EXPECT_THAT(out_, StartsWith("recovered on loans/L1\n"));
  EXPECT_EQ(Row("fund share"), "3,500.00");
  EXPECT_EQ(Row("malicious evasion"), "blacklisted: borrowers/B1/blacklistEntries/E1");
  EXPECT_EQ(Row("case"), "closed");

  // The switches take no value: the loan after them stays the loan.
  suite_.canned().Answer<v1::RecordRecoveryRequest>(Recovered5000());
  ASSERT_TRUE(Run({"recovery", "record", "--closes-case", "L1", "--amount", "5000", "--value-date", "2026-12-03",
                   "--source", "collateral", "--bank-reference", "ZS-2"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::RecordRecoveryRequest>()->name(), "loans/L1");
  EXPECT_TRUE(suite_.canned().Last<v1::RecordRecoveryRequest>()->recovery().closes_case());
  EXPECT_FALSE(suite_.canned().Last<v1::RecordRecoveryRequest>()->recovery().malicious_evasion());
}

TEST_F(LossesCommandsTest, ARecoverysBadInputIsRefusedBeforeItIsSent) {
  ExpectRefusedUnsent({"recovery", "record", "L1", "--amount", "5000.005", "--value-date", "2026-12-03", "--source",
                       "borrower", "--bank-reference", "ZS-1"}, "--amount");
  ExpectRefusedUnsent({"recovery", "record", "L1", "--value-date", "2026-12-03", "--source", "borrower",
                       "--bank-reference", "ZS-1"}, "--amount");
  ExpectRefusedUnsent({"recovery", "record", "L1", "--amount", "5000", "--value-date", "2026-12-03", "--source",
                       "lottery", "--bank-reference", "ZS-1"}, "--source");
  ExpectRefusedUnsent({"recovery", "record", "L1", "--amount", "5000", "--source", "borrower", "--bank-reference",
                       "ZS-1"}, "--value-date");
  ExpectRefusedUnsent({"recovery", "record", "L1", "--amount", "5000", "--value-date", "2026-12-03", "--source",
                       "borrower"}, "--bank-reference");
  ExpectRefusedUnsent({"recovery", "record", "L1", "--amount", "5000", "--value-date", "2026-12-03", "--source",
                       "borrower", "--bank-reference", "ZS-1", "--closes-case=perhaps"}, "closes_case");
}

TEST_F(LossesCommandsTest, TooMuchRecoveredIsRefusedWithItsReason) {
  suite_.canned().Refuse<v1::RecordRecoveryRequest>(
      rpc::FailedPrecondition("AMOUNT_EXCEEDS_BALANCE", "recoveries would exceed the loss of 12,345.67"));
  ExpectServerRefusal({"recovery", "record", "L1", "--amount", "20000", "--value-date", "2026-12-03", "--source",
                       "borrower", "--bank-reference", "ZS-9"},
                      absl::StatusCode::kFailedPrecondition, "AMOUNT_EXCEEDS_BALANCE");
}

TEST_F(LossesCommandsTest, ALoansRecoveries) {
  v1::ListRecoveriesResponse recoveries;
  *recoveries.add_recoveries() = Recovered5000();
  suite_.canned().Answer<v1::ListRecoveriesRequest>(recoveries);
  ASSERT_TRUE(Run({"recovery", "list", "L1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::ListRecoveriesRequest>()->name(), "loans/L1");
  EXPECT_THAT(out_, HasSubstr("loans/L1/recoveries/R1  5,000.00  2026-12-03  borrower  ZS-1       3,500.00"));
  ExpectRefusedUnsent({"recovery", "list"}, "loan");
}

v1::RiskFund FundF1(int64_t balance_fen) {
  v1::RiskFund f;
  f.set_name("riskFunds/F1");
  f.set_county("units/C1");
  f.set_title("固安县扶贫小额信贷风险补偿金");
  f.set_finance_bureau("units/FIN");
  f.set_poverty_office("units/POV");
  *f.mutable_balance() = Fen(balance_fen);
  *f.mutable_total_contributions() = Fen(700'000'000);
  f.set_etag("1");
  return f;
}

TEST_F(LossesCommandsTest, AFundIsCreatedAndContributedTo) {
  suite_.canned().Answer<v1::CreateRiskFundRequest>(FundF1(0));
  ASSERT_TRUE(Run({"fund", "create", "--county", "C1", "--title", "固安县扶贫小额信贷风险补偿金", "--finance-bureau",
                   "FIN", "--poverty-office", "units/POV", "--request-id", "fc-1"}).ok()) << out_;
  const auto created = suite_.canned().Last<v1::CreateRiskFundRequest>();
  EXPECT_EQ(created->request_id(), "fc-1");
  EXPECT_EQ(created->fund().county(), "units/C1");
  EXPECT_EQ(created->fund().title(), "固安县扶贫小额信贷风险补偿金");
  EXPECT_EQ(created->fund().finance_bureau(), "units/FIN");
  EXPECT_EQ(created->fund().poverty_office(), "units/POV");
  EXPECT_THAT(out_, StartsWith("created the risk fund\n"));
  EXPECT_EQ(Row("fund"), "固安县扶贫小额信贷风险补偿金  riskFunds/F1");

  v1::FundTransaction t;
  t.set_name("riskFunds/F1/transactions/T1");
  t.set_kind(v1::FUND_TRANSACTION_KIND_CONTRIBUTION);
  *t.mutable_amount() = Fen(700'000'000);
  *t.mutable_value_date() = Day(2026, 1, 5);
  t.set_reference("财预12号");
  *t.mutable_balance_after() = Fen(700'000'000);
  suite_.canned().Answer<v1::RecordFundContributionRequest>(t);
  ASSERT_TRUE(Run({"fund", "contribute", "F1", "--amount", "7,000,000", "--value-date", "2026-01-05", "--reference",
                   "财预12号"}).ok()) << out_;
  auto sent = suite_.canned().Last<v1::RecordFundContributionRequest>();
  EXPECT_EQ(sent->name(), "riskFunds/F1");
  EXPECT_EQ(sent->transaction().kind(), v1::FUND_TRANSACTION_KIND_CONTRIBUTION);  // the default
  EXPECT_EQ(sent->transaction().amount().fen(), 700'000'000);
  EXPECT_EQ(DateText(sent->transaction().value_date()), "2026-01-05");
  EXPECT_EQ(sent->transaction().reference(), "财预12号");
  EXPECT_FALSE(sent->request_id().empty());
  EXPECT_THAT(out_, StartsWith("added to riskFunds/F1\n"));
  EXPECT_EQ(Row("balance after"), "7,000,000.00");

  ASSERT_TRUE(Run({"fund", "contribute", "F1", "--kind", "replenishment", "--amount", "8,641.97", "--value-date",
                   "2027-01-05", "--reference", "财预3号", "--note", "补足代偿"}).ok()) << out_;
  sent = suite_.canned().Last<v1::RecordFundContributionRequest>();
  EXPECT_EQ(sent->transaction().kind(), v1::FUND_TRANSACTION_KIND_REPLENISHMENT);
  EXPECT_EQ(sent->transaction().amount().fen(), 864'197);
  EXPECT_EQ(sent->transaction().note(), "补足代偿");

  ExpectRefusedUnsent({"fund", "create", "--county", "C1", "--title", "t", "--finance-bureau", "FIN"},
                      "--poverty-office");
  ExpectRefusedUnsent({"fund", "create", "--title", "t", "--finance-bureau", "FIN", "--poverty-office", "POV"},
                      "--county");
  ExpectRefusedUnsent({"fund", "contribute", "F1", "--amount", "7百万", "--value-date", "2026-01-05", "--reference",
                       "r"}, "--amount");
  ExpectRefusedUnsent({"fund", "contribute", "F1", "--amount", "7000000", "--value-date", "2026-01-05"},
                      "--reference");
  ExpectRefusedUnsent({"fund", "contribute", "F1", "--amount", "7000000", "--value-date", "2026-01-05", "--reference",
                       "r", "--kind", "gift"}, "--kind");
  ExpectRefusedUnsent({"fund", "contribute", "--amount", "7000000", "--value-date", "2026-01-05", "--reference", "r"},
                      "fund");
}

TEST_F(LossesCommandsTest, OneFundTheFundsInScopeItsMovementsAndItsLedger) {
  v1::RiskFund fund = FundF1(699'135'803);  // 7,000,000.00 − 8,641.97
  *fund.mutable_total_compensations() = Fen(864'197);
  suite_.canned().Answer<v1::GetRiskFundRequest>(fund);
  ASSERT_TRUE(Run({"fund", "get", "F1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetRiskFundRequest>()->name(), "riskFunds/F1");
  EXPECT_EQ(Row("balance"), "6,991,358.03");
  EXPECT_EQ(Row("compensations"), "8,641.97");

  v1::ListRiskFundsResponse funds;
  *funds.add_funds() = fund;
  suite_.canned().Answer<v1::ListRiskFundsRequest>(funds);
  ASSERT_TRUE(Run({"fund", "get", "--county", "C1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::ListRiskFundsRequest>()->county(), "units/C1");
  EXPECT_THAT(out_, HasSubstr("riskFunds/F1  units/C1  6,991,358.03"));

  v1::ListFundTransactionsResponse movements;
  v1::FundTransaction* paid = movements.add_transactions();
  paid->set_name("riskFunds/F1/transactions/T2");
  paid->set_kind(v1::FUND_TRANSACTION_KIND_COMPENSATION);
  *paid->mutable_amount() = Fen(864'197);
  *paid->mutable_value_date() = Day(2026, 12, 3);
  *paid->mutable_balance_after() = Fen(699'135'803);
  paid->set_reference("财拨7号");
  paid->set_claim("compensationClaims/K1");
  suite_.canned().Answer<v1::ListFundTransactionsRequest>(movements);
  ASSERT_TRUE(Run({"fund", "transactions", "F1", "--kind", "compensation"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::ListFundTransactionsRequest>()->name(), "riskFunds/F1");
  EXPECT_EQ(suite_.canned().Last<v1::ListFundTransactionsRequest>()->kind(), v1::FUND_TRANSACTION_KIND_COMPENSATION);
  EXPECT_THAT(out_, HasSubstr("riskFunds/F1/transactions/T2  compensation  8,641.97  2026-12-03  6,991,358.03"));
  ExpectRefusedUnsent({"fund", "transactions", "F1", "--kind", "theft"}, "--kind");

  // The ledger: balanced, or exit 1 with the figures that do not add up.
  v1::FundLedger* ledger = fund.mutable_ledger();
  *ledger->mutable_contributions() = Fen(700'000'000);
  *ledger->mutable_compensations() = Fen(864'197);
  *ledger->mutable_expected_balance() = Fen(699'135'803);
  ledger->set_transaction_count(2);
  ledger->set_balanced(true);
  suite_.canned().Answer<v1::GetRiskFundRequest>(fund);
  ASSERT_TRUE(Run({"fund", "check", "F1"}).ok()) << out_;
  EXPECT_EQ(out_,
            "riskFunds/F1  balanced\n"
            "  balance   6,991,358.03\n"
            "  expected  6,991,358.03 = 7,000,000.00 − 8,641.97 + 0.00  (2 movements)\n");
  *fund.mutable_balance() = Fen(700'000'000);
  ledger->set_balanced(false);
  suite_.canned().Answer<v1::GetRiskFundRequest>(fund);
  const absl::Status unbalanced = Run({"fund", "check", "F1"});
  EXPECT_EQ(ExitCode(unbalanced), 1);
  EXPECT_THAT(out_, StartsWith("riskFunds/F1  NOT balanced\n"));
  ExpectRefusedUnsent({"fund", "check"}, "fund");
}

v1::CompensationClaim ClaimK1(v1::CompensationClaimState state) {
  v1::CompensationClaim c;
  c.set_name("compensationClaims/K1");
  c.set_fund("riskFunds/F1");
  c.set_loan("loans/L1");
  *c.mutable_loss() = Fen(1'234'567);
  c.set_ratio_bp(7'000);
  c.set_policy("countyPolicies/P1");
  *c.mutable_amount() = Fen(864'197);
  c.set_state(state);
  c.set_etag("2");
  return c;
}

TEST_F(LossesCommandsTest, AClaimsJointReviewAndPayment) {
  v1::CompensationClaim reviewed = ClaimK1(v1::COMPENSATION_CLAIM_STATE_POVERTY_OFFICE_APPROVED);
  v1::PartyReview* r = reviewed.add_reviews();
  r->set_party(v1::REVIEW_PARTY_POVERTY_OFFICE);
  r->set_approved(true);
  r->set_reviewer("staff/P1");
  r->set_comment("属实");
  suite_.canned().Answer<v1::ReviewCompensationClaimRequest>(reviewed);
  ASSERT_TRUE(Run({"claim", "review", "K1", "--party", "poverty-office", "--comment", "属实", "--etag", "1",
                   "--request-id", "cr-1"}).ok()) << out_;
  const auto review = suite_.canned().Last<v1::ReviewCompensationClaimRequest>();
  EXPECT_EQ(review->name(), "compensationClaims/K1");
  EXPECT_EQ(review->party(), v1::REVIEW_PARTY_POVERTY_OFFICE);
  EXPECT_EQ(review->comment(), "属实");
  EXPECT_EQ(review->etag(), "1");
  EXPECT_EQ(review->request_id(), "cr-1");
  EXPECT_THAT(out_, StartsWith("approved compensationClaims/K1\n"));
  EXPECT_EQ(Row("amount"), "8,641.97 (7000 bp (70.00%) of the loss, countyPolicies/P1)");
  EXPECT_EQ(Row("poverty-office"), "approved by staff/P1  属实");

  v1::CompensationClaim paid = ClaimK1(v1::COMPENSATION_CLAIM_STATE_PAID);
  paid.set_payment_transaction("riskFunds/F1/transactions/T2");
  suite_.canned().Answer<v1::PayCompensationClaimRequest>(paid);
  ASSERT_TRUE(Run({"claim", "pay", "K1", "--value-date", "2026-12-03", "--reference", "财拨7号"}).ok()) << out_;
  const auto pay = suite_.canned().Last<v1::PayCompensationClaimRequest>();
  EXPECT_EQ(DateText(pay->value_date()), "2026-12-03");
  EXPECT_EQ(pay->reference(), "财拨7号");
  EXPECT_EQ(Row("state"), "paid");
  EXPECT_EQ(Row("payment"), "riskFunds/F1/transactions/T2");

  v1::CompensationClaim rejected = ClaimK1(v1::COMPENSATION_CLAIM_STATE_REJECTED);
  rejected.mutable_rejection()->set_reason("非建档立卡户");
  suite_.canned().Answer<v1::RejectCompensationClaimRequest>(rejected);
  ASSERT_TRUE(Run({"claim", "reject", "K1", "--party", "finance-bureau", "--reason", "非建档立卡户"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::RejectCompensationClaimRequest>()->party(), v1::REVIEW_PARTY_FINANCE_BUREAU);
  EXPECT_EQ(suite_.canned().Last<v1::RejectCompensationClaimRequest>()->reason(), "非建档立卡户");
  EXPECT_THAT(out_, StartsWith("rejected compensationClaims/K1\n"));

  ExpectRefusedUnsent({"claim", "review", "K1"}, "--party");
  ExpectRefusedUnsent({"claim", "review", "K1", "--party", "the-bank"}, "--party");
  ExpectRefusedUnsent({"claim", "reject", "K1", "--party", "finance-bureau"}, "--reason");
  ExpectRefusedUnsent({"claim", "pay", "K1", "--reference", "r"}, "--value-date");
  ExpectRefusedUnsent({"claim", "pay", "K1", "--value-date", "2026/12/03", "--reference", "r"}, "--value-date");
  ExpectRefusedUnsent({"claim", "pay", "K1", "--value-date", "2026-12-03"}, "--reference");
}

TEST_F(LossesCommandsTest, AClaimTheFundCannotAffordIsRefusedWithItsReason) {
  suite_.canned().Refuse<v1::PayCompensationClaimRequest>(
      rpc::FailedPrecondition("FUND_INSUFFICIENT", "the fund holds 5,000.00, the claim is 8,641.97"));
  ExpectServerRefusal({"claim", "pay", "K1", "--value-date", "2026-12-03", "--reference", "财拨7号"},
                      absl::StatusCode::kFailedPrecondition, "FUND_INSUFFICIENT");
}

TEST_F(LossesCommandsTest, ClaimsByFundLoanAndState) {
  v1::ListCompensationClaimsResponse claims;
  *claims.add_claims() = ClaimK1(v1::COMPENSATION_CLAIM_STATE_SUBMITTED);
  suite_.canned().Answer<v1::ListCompensationClaimsRequest>(claims);
  ASSERT_TRUE(Run({"claim", "list", "--fund", "F1", "--loan", "L1", "--state", "submitted"}).ok()) << out_;
  const auto sent = suite_.canned().Last<v1::ListCompensationClaimsRequest>();
  EXPECT_EQ(sent->fund(), "riskFunds/F1");
  EXPECT_EQ(sent->loan(), "loans/L1");
  EXPECT_EQ(sent->state(), v1::COMPENSATION_CLAIM_STATE_SUBMITTED);
  EXPECT_THAT(out_, HasSubstr("compensationClaims/K1  submitted  loans/L1  12,345.67  8,641.97"));
  ExpectRefusedUnsent({"claim", "list", "--state", "pending"}, "--state");

  suite_.canned().Answer<v1::GetCompensationClaimRequest>(ClaimK1(v1::COMPENSATION_CLAIM_STATE_SUBMITTED));
  ASSERT_TRUE(Run({"claim", "get", "K1"}).ok()) << out_;
  EXPECT_EQ(suite_.canned().Last<v1::GetCompensationClaimRequest>()->name(), "compensationClaims/K1");
  EXPECT_EQ(Row("loss"), "12,345.67");
  EXPECT_THAT(suite_.canned().Calls(), ElementsAre("RiskFundService/ListCompensationClaims",
                                                   "RiskFundService/GetCompensationClaim"));
}

}  // namespace
}  // namespace huinong::ctl::testing
