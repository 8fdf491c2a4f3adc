// See credit_line.h.
#include "svc-loans/src/domain/credit_line.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "svc-loans/src/domain/months.h"

namespace huinong::loans {
namespace {

std::string Fen(int64_t fen) { return absl::StrCat(fen, " fen"); }

}  // namespace

int64_t AvailableFen(const CreditLine& line) {
  return std::max<int64_t>(0, line.limit_fen - line.outstanding_principal_fen);
}

std::vector<RuleFailure> CheckCreditLimit(int64_t limit_fen, const CountyPolicy& policy) {
  if (limit_fen > 0 && limit_fen <= policy.household_small_loan_ceiling_fen) return {};
  return {{"CEILING", "limit", absl::StrCat("1 to ", Fen(policy.household_small_loan_ceiling_fen)), Fen(limit_fen),
           policy.id}};
}

absl::CivilDay DrawMaturity(const Draw& draw) { return AddMonths(draw.day, draw.term_months); }

std::vector<RuleFailure> CheckDraw(const CreditLine& line, const Draw& draw, bool blacklisted,
                                   const CountyPolicy& policy) {
  std::vector<RuleFailure> out;
  auto add = [&](const char* rule, const char* field, std::string limit, std::string actual) {
    out.push_back({rule, field, std::move(limit), std::move(actual), policy.id});
  };
  if (blacklisted) add("BLACKLISTED", "borrower", "not on the blacklist", "blacklisted");
  if (draw.day > line.expiry) {
    add("EXPIRED", "day", absl::StrCat("on or before ", absl::FormatCivilTime(line.expiry)),
        absl::FormatCivilTime(draw.day));
  }
  if (draw.amount_fen <= 0) {
    add("AMOUNT", "amount", "more than 0 fen", Fen(draw.amount_fen));
  } else if (draw.amount_fen > AvailableFen(line)) {
    add("ABOVE_AVAILABLE", "amount", absl::StrCat("at most the available ", Fen(AvailableFen(line))),
        Fen(draw.amount_fen));
  }
  if (draw.term_months <= 0 || draw.term_months > policy.max_term_months) {
    add("TERM_LIMIT", "term_months", absl::StrCat("1 to ", policy.max_term_months, " months"),
        absl::StrCat(draw.term_months, " months"));
  }
  return out;
}

}  // namespace huinong::loans
