// See product.h.
#include "svc-loans/src/domain/product.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace huinong::loans {

namespace {

using FieldViolations = std::vector<std::pair<std::string, std::string>>;

}  // namespace

FieldViolations ProductViolations(const Product& p) {
  FieldViolations v;
  auto add = [&v](std::string field, std::string description) {
    v.emplace_back(std::move(field), std::move(description));
  };
  const bool small_loan = p.kind == ProductKind::kPovertySmallLoan;
  if (p.max_amount_fen <= 0) add("max_amount", absl::StrCat("must be more than 0 fen, not ", p.max_amount_fen));
  if (small_loan && p.max_amount_fen > kSmallLoanMaximumFen) {
    add("max_amount", "a poverty small loan is at most 50,000 CNY (000:1497)");
  }
  if (p.max_term_months < 1 || p.max_term_months > 36) {
    add("max_term_months", absl::StrCat("must be 1–36 months including extensions (000:1509), not ",
                                        p.max_term_months));
  }
  if (p.min_rate_multiple_bp < 1) add("min_rate_multiple_bp", "must be at least 1");
  if (p.max_rate_multiple_bp < p.min_rate_multiple_bp) {
    add("max_rate_multiple_bp", absl::StrCat("must not be below min_rate_multiple_bp (", p.min_rate_multiple_bp, ")"));
  }
  if (p.revolving && !small_loan) add("revolving", "only a poverty small loan is a revolving credit line (000:1497)");
  if (p.counter_guarantee_threshold_fen < 0) add("counter_guarantee_threshold", "must not be below 0 fen");
  for (size_t i = 0; i < p.borrower_types.size(); ++i) {
    if (small_loan && p.borrower_types[i] != BorrowerType::kHousehold) {
      add(absl::StrCat("borrower_types[", i, "]"), "a poverty small loan is for households only (000:1497)");
    }
  }
  return v;
}

FieldViolations PolicyCapViolations(const Product& p, const CountyPolicy& policy) {
  FieldViolations v;
  auto add = [&v](std::string field, std::string description) {
    v.emplace_back(std::move(field), std::move(description));
  };
  if (p.max_term_months > policy.max_total_term_months) {
    add("max_term_months", absl::StrCat("the county allows at most ", policy.max_total_term_months,
                                        " months including extensions"));
  }
  const int cap = p.kind == ProductKind::kPovertySmallLoan ? policy.small_loan_rate_multiple_bp
                                                           : policy.max_industry_rate_multiple_bp;
  if (p.max_rate_multiple_bp > cap) {
    add("max_rate_multiple_bp", absl::StrCat("the county allows at most ", cap, " (basis points of the base rate)"));
  }
  std::optional<int64_t> largest;
  for (BorrowerType type : p.borrower_types) {
    if (std::optional<int64_t> c = CeilingFen(policy, type, p.kind)) largest = std::max(largest.value_or(0), *c);
  }
  if (largest && p.max_amount_fen > *largest) {
    add("max_amount", absl::StrCat("above the largest county ceiling of its borrower types (", *largest, " fen)"));
  }
  return v;
}

}  // namespace huinong::loans
