// A county's lending policy: one dated version of the settings the seeds
// leave to each county (000:1469-1539, 郏县 000:1417-1453, 固安
// 000:1541-1667). Every decision that reads the policy records `version`,
// so a decision can be explained later against the settings it used.
//
// Money is integer fen, rates and ratios integer basis points (1% = 100 bp).
// The defaults are the seeds' numbers where the seeds give one; the base
// rate is not in the seeds (435 bp was the one-to-five-year benchmark of
// those years and is the demo's value).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace huinong::loans {

// The small-loan model (000:1433, 000:1587): under 政银企户保 a guarantee
// company guarantees and surety insurance backs the loan; under 两免一补 (no
// guarantee, no collateral, full subsidy) the guarantee step is skipped and
// the insurance is personal-accident insurance.
enum class SmallLoanModel { kGuaranteeAndSuretyInsurance = 1, kNoGuaranteeNoCollateral = 2 };

// On which day a borrower's age is judged (the seeds say only "not over 60").
enum class AgeReference { kApplicationDate = 1, kMaturityDate = 2 };

enum class FeeSchedule { kOnceAtDisbursement = 1, kYearly = 2 };

struct CountyPolicy {
  std::string id;         // of this dated version; decisions record it
  std::string county_id;  // the county unit it governs
  int64_t revision = 1;   // the etag: edits before it is in force
  absl::Time create_time;
  absl::Time update_time;
  absl::CivilDay effective_from;

  int base_rate_bp = 435;
  SmallLoanModel small_loan_model = SmallLoanModel::kGuaranteeAndSuretyInsurance;

  // The industries of the county's poverty-alleviation plan a loan may fund
  // (000:1487); empty: the county has set none, and no industry is refused.
  std::vector<std::string> planned_industries;

  // Ceilings per borrower, inclusive (000:1503).
  int64_t household_small_loan_ceiling_fen = 5'000'000;     // 50,000 CNY
  int64_t family_farm_ceiling_fen = 100'000'000;            // 1,000,000 CNY
  int64_t cooperative_ceiling_fen = 300'000'000;            // 3,000,000 CNY
  int64_t leading_enterprise_ceiling_fen = 500'000'000;     // 5,000,000 CNY
  // Not in the seeds: none means no ceiling of its own.
  std::optional<int64_t> share_cooperative_ceiling_fen;
  std::optional<int64_t> household_industry_ceiling_fen;

  // Term including every extension (000:1509).
  int max_term_months = 36;
  // Industry loans: at most the base rate × 1.45 (000:1505), as a multiple in bp.
  int industry_rate_max_multiple_bp = 14'500;
  // Fees on the loan amount (000:1505).
  int surety_premium_bp = 120;
  int guarantee_fee_bp = 100;
  FeeSchedule fee_schedule = FeeSchedule::kOnceAtDisbursement;

  int max_age_years = 60;  // 000:1489
  AgeReference age_reference = AgeReference::kApplicationDate;
  // Poor households driven ÷ the organisation's shareholder households (000:1491).
  int min_driven_share_bp = 3'000;
  // A household's industry loan: the part above this needs a counter-guarantee (000:1519).
  int64_t counter_guarantee_above_fen = 5'000'000;
  // Above this, the bank pays the borrower's suppliers directly (受托支付).
  int64_t entrusted_payment_above_fen = 50'000'000;

  // The county review's deadline in working days after arrival (000:1517).
  int small_loan_review_working_days = 2;
  int industry_loan_review_working_days = 5;

  // Servicing (the next issue): non-performing from this many days past
  // due; the township breaker trips at this ratio (000:1535); the share of a
  // loss the fund compensates; public-notice days of a subsidy (000:1531).
  int npl_days_past_due = 90;
  int breaker_ratio_bp = 300;
  bool breaker_by_count = false;
  int compensation_ratio_bp = 10'000;
  int subsidy_notice_days = 7;
};

// Every setting out of its range, as (field, description) with the field
// named as the API names it ("base_rate_bp", …): rates and ceilings above
// zero, the term at most 36 months (000:1509), the industry multiple at
// least 1×, ratios within 0–100%, review deadlines 1–30 working days.
std::vector<std::pair<std::string, std::string>> PolicyViolations(const CountyPolicy& policy);

// The version in force on `day`: the one with the latest effective_from on
// or before it; nullptr when none has started.
const CountyPolicy* PolicyInForce(const std::vector<CountyPolicy>& versions, absl::CivilDay day);

}  // namespace huinong::loans
