// The application workflow (000:1511-1525) exhaustively: for both shapes of
// the flow, every state × every event is exactly the documented table —
// the guarantee step skipped under 两免一补 and required under 政银企户保 —
// and each waiting state names the capability of the one who acts on it.
#include <map>

#include <gtest/gtest.h>

#include "common/domain/tests/exhaustive_table.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/domain/application_flow.h"
#include "svc-loans/src/domain/township_guard.h"

namespace huinong::loans {
namespace {

using S = ApplicationState;
using E = ApplicationEvent;

std::map<std::pair<S, E>, S> Documented(bool guarantee) {
  std::map<std::pair<S, E>, S> rows = {
      {{S::kDraft, E::kSubmit}, S::kSubmitted},
      {{S::kSubmitted, E::kRecordSurvey}, S::kSurveyed},
      {{S::kSurveyed, E::kApprove}, S::kApproved},
      {{S::kInsured, E::kSignContract}, S::kContracted},
      {{S::kContracted, E::kDisburse}, S::kDisbursed},
  };
  if (guarantee) {
    rows[{S::kApproved, E::kRecordGuarantee}] = S::kGuaranteed;
    rows[{S::kGuaranteed, E::kRecordInsurance}] = S::kInsured;
    rows[{S::kGuaranteed, E::kReject}] = S::kRejected;
    rows[{S::kGuaranteed, E::kWithdraw}] = S::kWithdrawn;
  } else {
    rows[{S::kApproved, E::kRecordInsurance}] = S::kInsured;
  }
  for (S s : {S::kSubmitted, S::kSurveyed, S::kApproved, S::kInsured, S::kContracted}) {
    rows[{s, E::kReject}] = S::kRejected;
    rows[{s, E::kWithdraw}] = S::kWithdrawn;
  }
  rows[{S::kDraft, E::kWithdraw}] = S::kWithdrawn;
  return rows;
}

void ExpectExactly(bool guarantee) {
  const auto documented = Documented(guarantee);
  const auto& table = ApplicationFlow(guarantee);
  EXPECT_EQ(domain::ExpectExactlyTheDocumentedTable(table, documented), 10 * 9);
}

TEST(ApplicationFlow, WithTheGuaranteeStepEveryStateAndEventIsTheDocumentedTable) { ExpectExactly(true); }

TEST(ApplicationFlow, WithoutItEveryStateAndEventIsTheDocumentedTable) { ExpectExactly(false); }

TEST(ApplicationFlow, TheGuaranteeIsSkippedOnlyForASmallLoanUnderTwoFreeOneSubsidy) {
  EXPECT_FALSE(GuaranteeRequired(ProductKind::kPovertySmallLoan, SmallLoanModel::kGuaranteeFree));
  EXPECT_TRUE(GuaranteeRequired(ProductKind::kPovertySmallLoan, SmallLoanModel::kGuaranteed));
  EXPECT_TRUE(GuaranteeRequired(ProductKind::kIndustryDevelopment, SmallLoanModel::kGuaranteeFree));
  EXPECT_TRUE(GuaranteeRequired(ProductKind::kIndustryDevelopment, SmallLoanModel::kGuaranteed));

  // Under 两免一补 an approved small loan goes to the insurer; recording a guarantee is refused.
  const auto& without = ApplicationFlow(false);
  EXPECT_EQ(*without.Next(S::kApproved, E::kRecordInsurance), S::kInsured);
  const absl::StatusOr<S> guarantee = without.Next(S::kApproved, E::kRecordGuarantee);
  EXPECT_EQ(rpc::ReasonOf(guarantee.status()), "INVALID_TRANSITION");
  // Under 政银企户保 the insurer waits for the guarantee.
  const absl::StatusOr<S> early = ApplicationFlow(true).Next(S::kApproved, E::kRecordInsurance);
  EXPECT_EQ(rpc::ReasonOf(early.status()), "INVALID_TRANSITION");
}

TEST(ApplicationFlow, EachWaitingStateNamesWhoActsOnIt) {
  EXPECT_EQ(StepCapability(S::kDraft, true), "loans.intake");
  EXPECT_EQ(StepCapability(S::kSubmitted, true), "loans.survey.lead");
  EXPECT_EQ(StepCapability(S::kSurveyed, true), "loans.review.county");
  EXPECT_EQ(StepCapability(S::kApproved, true), "loans.guarantee");
  EXPECT_EQ(StepCapability(S::kApproved, false), "loans.insure");
  EXPECT_EQ(StepCapability(S::kGuaranteed, true), "loans.insure");
  EXPECT_EQ(StepCapability(S::kInsured, true), "loans.contract");
  EXPECT_EQ(StepCapability(S::kContracted, true), "loans.disburse");
  for (S final_state : {S::kDisbursed, S::kRejected, S::kWithdrawn}) {
    EXPECT_EQ(StepCapability(final_state, true), "");
    for (E event : ApplicationFlow(true).Events()) {
      EXPECT_FALSE(ApplicationFlow(true).Allows(final_state, event));
    }
  }
}

TEST(TownshipGuard, ASuspendedTownshipMayNotLendAndIsNamed) {
  EXPECT_TRUE(CheckTownshipMayLend(LendingStatus::kOpen, "units/gu-an-town").ok());
  const absl::Status s = CheckTownshipMayLend(LendingStatus::kSuspended, "units/gu-an-town");
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(s), "TOWNSHIP_SUSPENDED");
  EXPECT_EQ(s.message(), "units/gu-an-town is suspended from lending until the county approves its rectification");
}

}  // namespace
}  // namespace huinong::loans
