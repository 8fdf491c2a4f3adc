// See risk_fund.h.
#include "svc-loans/src/domain/risk_fund.h"

#include "absl/strings/str_cat.h"
#include "common/core/money.h"
#include "common/rpc/status_details.h"

namespace huinong::loans {
namespace {

// a × b ÷ c half up, exact (Money's 128-bit arithmetic); amounts here are far
// inside int64, so an overflow cannot happen and reads as 0.
int64_t MulDiv(int64_t a, int64_t b, int64_t c) {
  if (c <= 0) return 0;
  const absl::StatusOr<Money> m = MulDivHalfUp(Money::Fen(a), b, c);
  return m.ok() ? m->fen() : 0;
}

}  // namespace

absl::string_view FundMovementKindName(FundMovementKind kind) {
  switch (kind) {
    case FundMovementKind::kContribution: return "CONTRIBUTION";
    case FundMovementKind::kReplenishment: return "REPLENISHMENT";
    case FundMovementKind::kCompensation: return "COMPENSATION";
    case FundMovementKind::kRecovery: return "RECOVERY";
  }
  return "UNKNOWN";
}

absl::Status ApplyMovement(RiskFund& fund, FundMovement& movement) {
  if (movement.amount_fen <= 0) return rpc::InvalidField("amount", "more than 0 fen");
  switch (movement.kind) {
    case FundMovementKind::kContribution:
    case FundMovementKind::kReplenishment:
      fund.total_contributions_fen += movement.amount_fen;
      fund.balance_fen += movement.amount_fen;
      break;
    case FundMovementKind::kCompensation:
      if (movement.amount_fen > fund.balance_fen) {
        return rpc::FailedPrecondition(
            "FUND_INSUFFICIENT", absl::StrCat("riskFunds/", fund.id, " holds ", Money::Fen(fund.balance_fen).ToString(),
                                              " CNY, less than the ", Money::Fen(movement.amount_fen).ToString(),
                                              " CNY to pay"));
      }
      fund.total_compensations_fen += movement.amount_fen;
      fund.balance_fen -= movement.amount_fen;
      break;
    case FundMovementKind::kRecovery:
      fund.total_recoveries_fen += movement.amount_fen;
      fund.balance_fen += movement.amount_fen;
      break;
  }
  movement.fund_id = fund.id;
  movement.balance_after_fen = fund.balance_fen;
  return absl::OkStatus();
}

int64_t CompensationFen(int64_t loss_fen, int ratio_bp) { return MulDiv(loss_fen, ratio_bp, 10'000); }

int64_t FundShareFen(int64_t recovered_fen, int64_t paid_out_fen, int64_t loss_fen) {
  if (paid_out_fen <= 0 || loss_fen <= 0) return 0;
  return MulDiv(recovered_fen, paid_out_fen, loss_fen);
}

LedgerCheck CheckLedger(const RiskFund& fund, const LedgerSums& sums) {
  LedgerCheck c;
  c.sums = sums;
  c.expected_balance_fen = sums.contributions_fen - sums.compensations_fen + sums.recoveries_fen;
  c.balanced = fund.balance_fen == c.expected_balance_fen && fund.balance_fen >= 0 &&
               fund.total_contributions_fen == sums.contributions_fen &&
               fund.total_compensations_fen == sums.compensations_fen &&
               fund.total_recoveries_fen == sums.recoveries_fen;
  return c;
}

}  // namespace huinong::loans
