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
// households driven ÷ the organisation's shareholder households ≥ 30%. A
// household borrows only while registered as poor, under either product. The
// product's own limits (borrower types, maximum amount and term, rate band,
// counter-guarantee threshold) apply with the county's; the stricter wins.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/borrower.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/product.h"
#include "svc-loans/src/domain/rule_failures.h"

namespace huinong::loans {

struct LoanRequest {
  ProductKind product = ProductKind::kPovertySmallLoan;
  int64_t amount_fen = 0;
  int term_months = 0;  // including every extension
  int rate_bp = 0;
  Purpose purpose = Purpose::kProduction;
  std::vector<AssetKind> counter_guarantee;  // pledged assets; empty: none
  absl::CivilDay application_date;
  std::optional<absl::CivilDay> contract_date;  // once the bank signs (AgeReference::kContractDate)
};

// Adds a purpose the county does not lend for: personal consumption (a
// house, a car; 000:1487) or one outside the county's plan.
void CheckPurpose(Purpose purpose, const CountyPolicy& policy, RuleFailures& failures);

// Empty when the borrower may take this loan of `product` under `policy`.
// `request.product` is the product's kind.
std::vector<RuleFailure> CheckEligibility(const BorrowerProfile& borrower, const LoanRequest& request,
                                          const Product& product, const CountyPolicy& policy);

}  // namespace huinong::loans
