// The county's risk compensation fund (issue 11 item 7; 000:1433 "县财政
// 注入扶贫小额信贷风险补偿金700万元", 000:1593): its balance and totals,
// the movements that change them, and the arithmetic of compensation and of
// the share of a recovery that flows back. Pure.
//
// Guarantees: every movement goes through ApplyMovement, which keeps
// balance = contributions − compensations + recoveries and refuses a
// compensation the balance cannot pay (FAILED_PRECONDITION /
// FUND_INSUFFICIENT, the fund unchanged), so the balance is never
// negative; amounts are integer fen, rounded half up once.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace huinong::loans {

enum class FundMovementKind { kContribution = 1, kReplenishment = 2, kCompensation = 3, kRecovery = 4 };
absl::string_view FundMovementKindName(FundMovementKind kind);

struct RiskFund {
  std::string id;
  std::string county_id;
  std::string title;
  // The organisations whose staff act on the fund (their units; beside the
  // service network's tree): pays and reviews, and reviews.
  std::string finance_bureau_id;
  std::string poverty_office_id;
  int64_t balance_fen = 0;
  int64_t total_contributions_fen = 0;   // contributions and replenishments
  int64_t total_compensations_fen = 0;
  int64_t total_recoveries_fen = 0;
  int64_t version = 1;
  absl::Time create_time;
  absl::Time update_time;
};

struct FundMovement {
  std::string id;
  std::string fund_id;
  FundMovementKind kind = FundMovementKind::kContribution;
  int64_t amount_fen = 0;  // > 0; the kind gives the direction
  absl::CivilDay value_date;
  std::string reference;   // the finance document number
  std::string claim_id;    // compensations and recoveries
  std::string loan_id;
  int64_t balance_after_fen = 0;
  std::string note;
  std::string recorded_by;
  absl::Time record_time;
};

// Applies `movement` to `fund` (balance, the kind's total) and writes the
// balance after it into the movement. INVALID_ARGUMENT for an amount ≤ 0;
// FAILED_PRECONDITION / FUND_INSUFFICIENT when a compensation exceeds the
// balance (both unchanged).
absl::Status ApplyMovement(RiskFund& fund, FundMovement& movement);

// What the fund pays for a loss: loss × ratio_bp ÷ 10000, half up.
int64_t CompensationFen(int64_t loss_fen, int ratio_bp);

// The fund's share of what has been recovered on a compensated loan:
// recovered × paid_out ÷ loss, half up, computed on the running total so the
// shares of several recoveries add up to the share of their sum (each
// recovery returns FundShareFen(total after) − FundShareFen(total before)).
// 0 when nothing was paid out or the loss is 0.
int64_t FundShareFen(int64_t recovered_fen, int64_t paid_out_fen, int64_t loss_fen);

// The ledger check: sums of the movements by kind against the fund's
// stored balance and totals.
struct LedgerSums {
  int64_t contributions_fen = 0;
  int64_t compensations_fen = 0;
  int64_t recoveries_fen = 0;
  int64_t count = 0;
};
struct LedgerCheck {
  LedgerSums sums;
  int64_t expected_balance_fen = 0;  // contributions − compensations + recoveries
  bool balanced = false;             // the stored figures equal the sums, balance ≥ 0
};
LedgerCheck CheckLedger(const RiskFund& fund, const LedgerSums& sums);

}  // namespace huinong::loans
