// A poverty small loan's revolving credit line (000:1497, "一次核定、随用随贷、
// 余额控制、周转使用"): approved once with a limit and an expiry, drawn when
// needed, the balance capped, repaid principal available again. Each draw
// is a loan with its own term and maturity. Pure.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/eligibility.h"

namespace huinong::loans {

struct CreditLine {
  int64_t limit_fen = 0;
  absl::CivilDay expiry;  // the last day a draw may be made
  int64_t outstanding_principal_fen = 0;  // of the loans drawn and not repaid
};

// limit − outstanding principal, never below zero.
int64_t AvailableFen(const CreditLine& line);

// The limit a county approval may set: more than zero and at most the
// county's ceiling for a household's small loan (50,000 CNY by default).
// Failures as CheckEligibility's.
std::vector<RuleFailure> CheckCreditLimit(int64_t limit_fen, const CountyPolicy& policy);

struct Draw {
  int64_t amount_fen = 0;
  int term_months = 0;
  absl::CivilDay day;  // the draw's value date
  Purpose purpose = Purpose::kProduction;
};

// The day a draw matures: its term in calendar months after the draw.
absl::CivilDay DrawMaturity(const Draw& draw);

// Every reason a draw recorded on `today` is refused: the line expired by
// the value date or by today — a back-dated value date does not revive an
// expired line (EXPIRED), more than is available (ABOVE_AVAILABLE), a
// blacklisted borrower (BLACKLISTED), a term of no months or over the
// policy's cap (TERM_LIMIT), nothing drawn (AMOUNT), a purpose the county
// does not lend for (PURPOSE_CONSUMPTION, PURPOSE_OUTSIDE_PLAN, as
// eligibility judges it).
std::vector<RuleFailure> CheckDraw(const CreditLine& line, const Draw& draw, bool blacklisted,
                                   const CountyPolicy& policy, absl::CivilDay today);

}  // namespace huinong::loans
