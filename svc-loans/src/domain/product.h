// A loan product (000:1495-1509): who may borrow under it, its own maximum
// amount and term, the rate band it lends at (a multiple of the county's
// base rate), whether it is a revolving credit line, how it is repaid, and
// — for households — the amount above which a counter-guarantee is needed
// (000:1519). The county policy's limits apply as well; the smaller wins.
// ProductViolations is the one list of a product's own rules, and of the
// caps a county policy puts on any product it lends under.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "svc-loans/src/domain/county_policy.h"

namespace huinong::loans {

// How a loan repays; schedule.h builds each one's instalments.
enum class RepaymentMethod { kMonthlyInterestBullet = 1, kEqualPrincipal = 2, kEqualInstalments = 3 };
enum class DayCount { kActual360 = 1, kActual365 = 2 };
enum class ProductStatus { kActive = 1, kRetired = 2 };

struct Product {
  std::string id;
  std::string code;
  std::string title;
  ProductKind kind = ProductKind::kPovertySmallLoan;
  std::vector<BorrowerType> borrower_types;
  int64_t max_amount_fen = 0;
  int max_term_months = 0;
  int min_rate_multiple_bp = 10'000;  // of the county's base rate
  int max_rate_multiple_bp = 10'000;
  bool revolving = false;
  RepaymentMethod repayment_method = RepaymentMethod::kMonthlyInterestBullet;
  DayCount day_count = DayCount::kActual365;
  std::optional<FeeSchedule> fee_schedule;  // none: the county's
  int64_t counter_guarantee_threshold_fen = 0;  // households; 0: none needed
  ProductStatus status = ProductStatus::kActive;
  int64_t version = 1;
  absl::Time create_time;
  absl::Time update_time;
};

// Every rule of its own the product breaks, as (field, description) with
// the field named as the API names it ("max_term_months",
// "borrower_types[1]", …): a term of 1–36 months (000:1509); 1 ≤ min ≤ max
// rate multiple; a poverty small loan at most 50,000 CNY and for households
// only (000:1497); a revolving credit line only for a poverty small loan.
std::vector<std::pair<std::string, std::string>> ProductViolations(const Product& product);

// The county policy's caps the product exceeds, named the same way: the
// term within max_total_term_months, the maximum rate multiple within the
// policy's multiple for the kind (small_loan_rate_multiple_bp,
// max_industry_rate_multiple_bp), and the maximum amount within the largest
// ceiling any of its borrower types has for the kind (a product above every
// ceiling could never lend its maximum).
std::vector<std::pair<std::string, std::string>> PolicyCapViolations(const Product& product,
                                                                     const CountyPolicy& policy);

}  // namespace huinong::loans
