// Eligibility: every lending rule of the seeds (000:1487-1509, 000:1519,
// 000:1525) judged in one pure function that returns EVERY failed rule at
// once — the village clerk, the county reviewer and the bank (again before
// the contract) see the whole list, not the first refusal. Each failure
// names the rule, the request field it is about, the limit and what was
// asked, and the policy version that set the limit.
//
// Boundaries are inclusive where the seeds say "不超过" (at most): 50,000 CNY
// passes and 50,000.01 fails; 60 years passes and the 61st birthday fails;
// 36 months passes; a rate of base × 1.45 passes. The 30% rule is poor
// households driven ÷ the organisation's shareholder households ≥ 30%.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/borrower.h"
#include "svc-loans/src/domain/county_policy.h"

namespace huinong::loans {

enum class ProductKind {
  kPovertySmallLoan = 1,     // 扶贫小额信贷: registered poor households, a credit line
  kIndustryDevelopment = 2,  // 产业发展贷款
};

// What the money is for (000:1487, 000:1523, 000:1573): production or an
// investment in an industry of the county's plan — never personal
// consumption such as a house or a car.
enum class Purpose {
  kProduction = 1,                  // planting, breeding, processing
  kShareCooperativeInvestment = 2,  // invested in a share-cooperative
  kPairedEnterpriseInvestment = 3,  // invested in a paired enterprise
  kBusinessOperation = 4,           // an organisation's operations
  kConsumptionHouse = 5,
  kConsumptionCar = 6,
  kConsumptionOther = 7,
};

struct LoanRequest {
  ProductKind product = ProductKind::kPovertySmallLoan;
  int64_t amount_fen = 0;
  int term_months = 0;  // including every extension
  int rate_bp = 0;
  Purpose purpose = Purpose::kProduction;
  std::string industry;  // e.g. "kiwi-fruit"; must be in the policy's plan when it has one
  std::vector<AssetKind> counter_guarantee;  // pledged assets; empty: none
  absl::CivilDay application_date;
};

struct RuleFailure {
  std::string rule;            // e.g. "AGE_LIMIT"
  std::string field;           // the request's field, e.g. "borrower.birth_date"
  std::string limit;           // e.g. "at most 60 years on 2026-12-02"
  std::string actual;          // e.g. "61 years"
  std::string policy_version;  // the CountyPolicy version that set the limit

  bool operator==(const RuleFailure&) const = default;
};

// Empty when the borrower may take this loan under `policy`.
std::vector<RuleFailure> CheckEligibility(const BorrowerProfile& borrower, const LoanRequest& request,
                                          const CountyPolicy& policy);

// The inclusive ceiling for this borrower and product; none when the policy
// sets no ceiling of its own (a household's industry loan by default).
std::optional<int64_t> CeilingFen(const CountyPolicy& policy, BorrowerType type, ProductKind product);

}  // namespace huinong::loans
