// See credit_line.h.
#include "svc-loans/src/domain/credit_line.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "svc-loans/src/domain/months.h"

namespace huinong::loans {
int64_t AvailableFen(const CreditLine& line) {
  return std::max<int64_t>(0, line.limit_fen - line.outstanding_principal_fen);
}

std::vector<RuleFailure> CheckCreditLimit(int64_t limit_fen, const CountyPolicy& policy) {
  const int64_t ceiling =
      CeilingFen(policy, BorrowerType::kHousehold, ProductKind::kPovertySmallLoan).value_or(0);
  if (limit_fen > 0 && limit_fen <= ceiling) return {};
  return {{"CEILING", "limit", absl::StrCat("1 to ", FenText(ceiling)), FenText(limit_fen), policy.id}};
}

absl::CivilDay DrawMaturity(const Draw& draw) { return AddMonths(draw.day, draw.term_months); }

std::vector<RuleFailure> CheckDraw(const CreditLine& line, const Draw& draw, bool blacklisted,
                                   const CountyPolicy& policy, absl::CivilDay today) {
  RuleFailures f(policy.id);
  if (blacklisted) f.Add("BLACKLISTED", "borrower", "not on the blacklist", "blacklisted");
  if (const absl::CivilDay latest = std::max(draw.day, today); latest > line.expiry) {
    f.Add("EXPIRED", "day", absl::StrCat("on or before ", absl::FormatCivilTime(line.expiry)),
          absl::FormatCivilTime(latest));
  }
  CheckPurpose(draw.purpose, policy, f);
  if (draw.amount_fen <= 0) {
    f.Add("AMOUNT", "amount", "more than 0 fen", FenText(draw.amount_fen));
  } else if (draw.amount_fen > AvailableFen(line)) {
    f.Add("ABOVE_AVAILABLE", "amount", absl::StrCat("at most the available ", FenText(AvailableFen(line))),
          FenText(draw.amount_fen));
  }
  if (draw.term_months <= 0 || draw.term_months > policy.max_total_term_months) {
    f.Add("TERM_LIMIT", "term_months", absl::StrCat("1 to ", policy.max_total_term_months, " months"),
          absl::StrCat(draw.term_months, " months"));
  }
  return f.Take();
}

}  // namespace huinong::loans
