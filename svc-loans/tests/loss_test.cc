// What follows a loss, as pure rules (issue 11 items 4, 7, 8): the
// write-off's and the compensation claim's tables exhaustively (every state
// × every event), the fund's arithmetic with hand-computed figures — the
// payout at the county's ratio half up, the share of recoveries on the
// running total, a compensation the balance cannot pay refused — the
// ledger check, the recovery's limits, and which loans the fund covers
// (000:1593: poverty small loans of registered poor households).
#include <map>

#include <gtest/gtest.h>

#include "common/domain/tests/exhaustive_table.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/domain/compensation_claim.h"
#include "svc-loans/src/domain/recovery.h"
#include "svc-loans/src/domain/risk_fund.h"
#include "svc-loans/src/domain/write_off.h"

namespace huinong::loans {
namespace {

TEST(WriteOffFlow, IsExactlyRequestThenTheCountysDecisionAndARejectedOneMayBeAskedAgain) {
  using S = WriteOffState;
  using E = WriteOffEvent;
  const std::map<std::pair<S, E>, S> documented = {
      {{S::kNone, E::kRequest}, S::kRequested},
      {{S::kRequested, E::kApprove}, S::kApproved},
      {{S::kRequested, E::kReject}, S::kRejected},
      {{S::kRejected, E::kRequest}, S::kRequested},
  };
  EXPECT_EQ(domain::ExpectExactlyTheDocumentedTable(WriteOffFlow(), documented), 4 * 3);
  // Approved is final: nothing, not even a second request, moves it.
  EXPECT_EQ(rpc::ReasonOf(WriteOffFlow().Next(S::kApproved, E::kRequest).status()), "INVALID_TRANSITION");
}

TEST(ClaimFlow, NeedsBothReviewersInEitherOrderBeforeThePaymentAndEitherMayRejectUntilPaid) {
  using S = ClaimState;
  using E = ClaimEvent;
  const std::map<std::pair<S, E>, S> documented = {
      {{S::kSubmitted, E::kPovertyOfficeApproves}, S::kPovertyOfficeApproved},
      {{S::kSubmitted, E::kFinanceBureauApproves}, S::kFinanceBureauApproved},
      {{S::kPovertyOfficeApproved, E::kFinanceBureauApproves}, S::kApproved},
      {{S::kFinanceBureauApproved, E::kPovertyOfficeApproves}, S::kApproved},
      {{S::kApproved, E::kPay}, S::kPaid},
      {{S::kSubmitted, E::kReject}, S::kRejected},
      {{S::kPovertyOfficeApproved, E::kReject}, S::kRejected},
      {{S::kFinanceBureauApproved, E::kReject}, S::kRejected},
      {{S::kApproved, E::kReject}, S::kRejected},
  };
  EXPECT_EQ(domain::ExpectExactlyTheDocumentedTable(ClaimFlow(), documented), 6 * 4);
  // One party twice is not the joint review.
  EXPECT_FALSE(ClaimFlow().Allows(S::kPovertyOfficeApproved, E::kPovertyOfficeApproves));
  EXPECT_EQ(ReviewCapability(ReviewParty::kPovertyOffice), "loans.fund.review.poverty");
  EXPECT_EQ(ReviewCapability(ReviewParty::kFinanceBureau), "loans.fund.review.finance");
}

TEST(Compensation, IsTheLossAtTheCountysRatioRoundedHalfUpToTheFen) {
  // 12,345.67 CNY at 70%: 8,641.969 CNY → 8,641.97.
  EXPECT_EQ(CompensationFen(1'234'567, 7'000), 864'197);
  EXPECT_EQ(CompensationFen(1'234'567, 10'000), 1'234'567);
  // Exactly half a fen rounds up: 3 fen at 50% is 1.5 → 2; 1 fen → 1.
  EXPECT_EQ(CompensationFen(3, 5'000), 2);
  EXPECT_EQ(CompensationFen(1, 5'000), 1);
  EXPECT_EQ(CompensationFen(5'000'000, 0), 0);
}

TEST(Compensation, RecoveriesFlowBackProRataOnTheRunningTotal) {
  // Loss 12,345.67, the fund paid 8,641.97. 5,000 CNY recovered:
  // 500,000 × 864,197 ÷ 1,234,567 = 350,000.04 → 350,000 fen.
  EXPECT_EQ(FundShareFen(500'000, 864'197, 1'234'567), 350'000);
  // Then 1,000.01 more: the total 600,001 gives 420,000.75 → 420,001, so
  // the second recovery returns 70,001 (alone it would be 70,000.70 → 70,001
  // too, but the shares are taken on the total so they never drift).
  EXPECT_EQ(FundShareFen(600'001, 864'197, 1'234'567) - FundShareFen(500'000, 864'197, 1'234'567), 70'001);
  // Everything recovered: everything paid goes back.
  EXPECT_EQ(FundShareFen(1'234'567, 864'197, 1'234'567), 864'197);
  // Nothing paid out, nothing owed back.
  EXPECT_EQ(FundShareFen(500'000, 0, 1'234'567), 0);
}

FundMovement Movement(FundMovementKind kind, int64_t fen) {
  FundMovement m;
  m.kind = kind;
  m.amount_fen = fen;
  return m;
}

TEST(RiskFund, NeverPaysMoreThanItsBalanceAndKeepsTheLedger) {
  RiskFund fund;
  fund.id = "f";
  FundMovement in = Movement(FundMovementKind::kContribution, 700'000'000);  // 7,000,000 CNY (000:1433)
  ASSERT_TRUE(ApplyMovement(fund, in).ok());
  EXPECT_EQ(in.balance_after_fen, 700'000'000);
  FundMovement too_much = Movement(FundMovementKind::kCompensation, 700'000'001);
  const absl::Status refused = ApplyMovement(fund, too_much);
  EXPECT_EQ(rpc::ReasonOf(refused), "FUND_INSUFFICIENT");
  EXPECT_EQ(fund.balance_fen, 700'000'000);
  EXPECT_EQ(fund.total_compensations_fen, 0);
  FundMovement all = Movement(FundMovementKind::kCompensation, 700'000'000);
  ASSERT_TRUE(ApplyMovement(fund, all).ok());
  EXPECT_EQ(fund.balance_fen, 0);
  FundMovement back = Movement(FundMovementKind::kRecovery, 350'000);
  ASSERT_TRUE(ApplyMovement(fund, back).ok());
  FundMovement more = Movement(FundMovementKind::kReplenishment, 100'000'000);
  ASSERT_TRUE(ApplyMovement(fund, more).ok());
  EXPECT_EQ(fund.balance_fen, 100'350'000);

  const LedgerSums sums{800'000'000, 700'000'000, 350'000, 4};
  const LedgerCheck check = CheckLedger(fund, sums);
  EXPECT_TRUE(check.balanced);
  EXPECT_EQ(check.expected_balance_fen, 100'350'000);
  RiskFund drifted = fund;
  drifted.balance_fen += 1;
  EXPECT_FALSE(CheckLedger(drifted, sums).balanced);

  FundMovement nothing = Movement(FundMovementKind::kContribution, 0);
  EXPECT_EQ(ApplyMovement(fund, nothing).code(), absl::StatusCode::kInvalidArgument);
}

TEST(Recovery, NeverExceedsTheLossAndAClosedCaseTakesNoMore) {
  EXPECT_TRUE(CheckRecovery(RecoveryState::kInProgress, 1'000, 400, 600).ok());
  EXPECT_EQ(rpc::ReasonOf(CheckRecovery(RecoveryState::kInProgress, 1'000, 400, 601)), "AMOUNT_EXCEEDS_BALANCE");
  EXPECT_EQ(rpc::ReasonOf(CheckRecovery(RecoveryState::kClosed, 1'000, 0, 1)), "RECOVERY_CLOSED");
}

TEST(Coverage, IsAPovertySmallLoanOfAHouseholdRegisteredPoorWhenItWasDisbursed) {
  Loan loan;
  loan.product_kind = ProductKind::kPovertySmallLoan;
  loan.disbursement_date = absl::CivilDay(2026, 3, 10);
  Borrower household;
  household.profile.type = BorrowerType::kHousehold;
  household.profile.poor_registrations = {{absl::CivilDay(2016, 3, 1), std::nullopt}};
  EXPECT_TRUE(CoveredByFund(loan, household));
  // Lifted out of poverty after the disbursement: the loan stays covered.
  household.profile.poor_registrations[0].lifted = absl::CivilDay(2026, 6, 1);
  EXPECT_TRUE(CoveredByFund(loan, household));
  // Lifted before it: not a registered poor household's loan.
  household.profile.poor_registrations[0].lifted = absl::CivilDay(2026, 3, 10);
  EXPECT_FALSE(CoveredByFund(loan, household));
  household.profile.poor_registrations[0].lifted.reset();
  loan.product_kind = ProductKind::kIndustryDevelopment;
  EXPECT_FALSE(CoveredByFund(loan, household));
}

}  // namespace
}  // namespace huinong::loans
