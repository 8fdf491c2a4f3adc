// Interest subsidy (issue 11 item 6; 000:1529 分类贴息, 000:1531 先收后贴,
// 000:1433 每半年为一个周期): what a claim for a period of a loan is worth
// and whether the county's trigger lets it be claimed. Pure: no clock, no
// I/O; the loan's principal over time and its interest paid come from the
// replay of its repayments (repayment.h), interest only through InterestFen
// (schedule.h), so a subsidy rounds as the loan's interest does.
//
// Class table (the county policy's settings, 000:1529):
//   household small loan                       all principal at 100% of base_rate_bp
//   household industry loan, up to the         that part at 100% of base_rate_bp
//     threshold (household_subsidy_threshold, 50,000 CNY)
//   household industry loan, above it          that part at household_above_threshold_rate_bp (1%)
//   any other borrower (family farm,           all principal at its band's rate by poor households
//     cooperative, enterprise, share            lifted: < 20 → 2%, 20–29 → 2.5%, ≥ 30 → 3%
//     cooperative: the seed's 家庭农场、农民合作社 (organisation_subsidy_bands: the band with the
//     和扶贫龙头企业、股份合作制经济组织)          largest minimum not above the count)
//
// Amount. The period is a DateRange, both ends counted. Each day of it
// carries the principal outstanding at the end of that day (a repayment
// valued on a day lowers that day's principal, as interest counts it: from
// the value date on). Per class the principal-days are summed exactly and
// the line's amount is InterestFen(principal-days, rate_bp, day count, 1):
// principal × rate_bp × days ÷ (10000 × 365 or 360), half up to the fen,
// once per class. The claim's amount is the lines' sum, never more than the
// interest paid in the period (the cap), nor than the vouchers show.
//
// Trigger (the policy's subsidy_trigger):
//   AFTER_FULL_REPAYMENT  the loan is settled (先收后贴: "贫困户还清本息后");
//   HALF_YEARLY           a period of at most six calendar months, and the
//                         borrower's record on the day of the claim: at
//                         least subsidy_min_on_time_months instalments fell
//                         due by then, every one of them paid in full on or
//                         before its due date (每月按时付息、且满一年) — so
//                         the first half-year is claimed once a year of
//                         on-time interest stands behind it.
// Otherwise FAILED_PRECONDITION / SUBSIDY_NOT_DUE naming what is missing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/borrower.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/product.h"
#include "svc-loans/src/domain/repayment.h"

namespace huinong::loans {

enum class SubsidyClass { kHouseholdBaseRate = 1, kHouseholdAboveThreshold = 2, kOrganisation = 3 };

// Both ends counted; start ≤ end.
struct ClaimPeriod {
  absl::CivilDay start;
  absl::CivilDay end;
  int Days() const { return static_cast<int>(end - start) + 1; }
};

// From `from` on the loan's outstanding principal is `outstanding_fen`.
struct PrincipalStep {
  absl::CivilDay from;
  int64_t outstanding_fen = 0;
};

// What the class table needs to know of the loan and its borrower.
struct SubsidisedLoan {
  BorrowerType borrower_type = BorrowerType::kHousehold;
  ProductKind product_kind = ProductKind::kPovertySmallLoan;
  int poor_households_lifted = 0;  // organisations: sets the band
  DayCount day_count = DayCount::kActual365;
  // In date order, the first on the disbursement date; the last step of a
  // day wins.
  std::vector<PrincipalStep> principal;
};

// One class's share of a claim: the average principal over the days it
// had any, those days, the rate and the amount.
struct SubsidyLine {
  SubsidyClass subsidy_class = SubsidyClass::kHouseholdBaseRate;
  int64_t principal_fen = 0;  // principal-days ÷ days, half up
  int days = 0;
  int rate_bp = 0;
  int64_t amount_fen = 0;
};

struct SubsidyComputation {
  std::vector<SubsidyLine> lines;  // classes with principal in the period, in class order
  int64_t computed_fen = 0;        // the lines' sum
  int64_t amount_fen = 0;          // min(computed, cap)
};

// An organisation's rate by households lifted (the policy's bands); 0 when
// no band starts at or below the count.
int OrganisationSubsidyRateBp(const CountyPolicy& policy, int poor_households_lifted);

// The principal over time of a loan of `principal_fen` disbursed on
// `disbursed` after the replay's allocations (in the order applied).
std::vector<PrincipalStep> PrincipalSteps(int64_t principal_fen, absl::CivilDay disbursed,
                                          const std::vector<Allocation>& allocations);

// Interest the allocations valued inside the period paid (due interest and
// interest accrued to a prepayment's value date).
int64_t InterestPaidIn(const std::vector<Allocation>& allocations, const ClaimPeriod& period);

// The class table over the period, capped at `cap_fen` (the interest paid).
SubsidyComputation ComputeSubsidy(const CountyPolicy& policy, const SubsidisedLoan& loan, const ClaimPeriod& period,
                                  int64_t cap_fen);

// The policy's trigger for a claim of `period` on `today`, with the loan
// as replayed today (its instalments and whether it is settled). OK, or
// FAILED_PRECONDITION SUBSIDY_NOT_DUE saying what is missing.
absl::Status CheckSubsidyDue(const CountyPolicy& policy, const LoanPosition& position, const ClaimPeriod& period,
                             absl::CivilDay today);

absl::string_view SubsidyClassName(SubsidyClass c);

}  // namespace huinong::loans
