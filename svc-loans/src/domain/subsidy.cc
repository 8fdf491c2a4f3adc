// See subsidy.h.
#include "svc-loans/src/domain/subsidy.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/domain/months.h"

namespace huinong::loans {
namespace {

// Principal-days and days with principal of one class.
struct ClassSum {
  int64_t principal_days = 0;
  int days = 0;
  void Add(int64_t principal_fen, int days_in_segment) {
    if (principal_fen <= 0 || days_in_segment <= 0) return;
    principal_days += principal_fen * days_in_segment;
    days += days_in_segment;
  }
};

// Divides half up (both positive).
int64_t AverageHalfUp(int64_t total, int64_t count) { return (2 * total + count) / (2 * count); }

}  // namespace

absl::string_view SubsidyClassName(SubsidyClass c) {
  switch (c) {
    case SubsidyClass::kHouseholdBaseRate: return "HOUSEHOLD_BASE_RATE";
    case SubsidyClass::kHouseholdAboveThreshold: return "HOUSEHOLD_ABOVE_THRESHOLD";
    case SubsidyClass::kOrganisation: return "ORGANISATION";
  }
  return "UNKNOWN";
}

int OrganisationSubsidyRateBp(const CountyPolicy& policy, int poor_households_lifted) {
  int rate = 0, best_min = -1;
  for (const SubsidyBand& b : policy.organisation_subsidy_bands) {
    if (b.min_households_lifted <= poor_households_lifted && b.min_households_lifted > best_min) {
      best_min = b.min_households_lifted;
      rate = b.rate_bp;
    }
  }
  return rate;
}

std::vector<PrincipalStep> PrincipalSteps(int64_t principal_fen, absl::CivilDay disbursed,
                                          const std::vector<Allocation>& allocations) {
  std::vector<PrincipalStep> steps = {{disbursed, principal_fen}};
  int64_t outstanding = principal_fen;
  for (const Allocation& a : allocations) {
    const int64_t repaid = a.principal_fen + a.prepaid_principal_fen;
    if (repaid == 0) continue;  // interest only: the principal stands
    outstanding -= repaid;
    if (steps.back().from == a.value_date) {
      steps.back().outstanding_fen = outstanding;
    } else {
      steps.push_back({a.value_date, outstanding});
    }
  }
  return steps;
}

int64_t InterestPaidIn(const std::vector<Allocation>& allocations, const ClaimPeriod& period) {
  int64_t paid = 0;
  for (const Allocation& a : allocations) {
    if (a.value_date >= period.start && a.value_date <= period.end) paid += a.interest_fen;
  }
  return paid;
}

SubsidyComputation ComputeSubsidy(const CountyPolicy& policy, const SubsidisedLoan& loan, const ClaimPeriod& period,
                                  int64_t cap_fen) {
  std::map<SubsidyClass, ClassSum> sums;
  std::map<SubsidyClass, int> rates;
  const bool household = loan.borrower_type == BorrowerType::kHousehold;
  const bool split = household && loan.product_kind == ProductKind::kIndustryDevelopment;
  if (household) {
    rates[SubsidyClass::kHouseholdBaseRate] = policy.base_rate_bp;
    rates[SubsidyClass::kHouseholdAboveThreshold] = policy.household_above_threshold_rate_bp;
  } else {
    rates[SubsidyClass::kOrganisation] = OrganisationSubsidyRateBp(policy, loan.poor_households_lifted);
  }

  // Each step holds from its day to the day before the next (or the period's end).
  for (size_t i = 0; i < loan.principal.size(); ++i) {
    const absl::CivilDay from = std::max(loan.principal[i].from, period.start);
    const absl::CivilDay to =
        i + 1 < loan.principal.size() ? std::min(loan.principal[i + 1].from - 1, period.end) : period.end;
    if (to < from) continue;
    const int days = static_cast<int>(to - from) + 1;
    const int64_t p = loan.principal[i].outstanding_fen;
    if (!household) {
      sums[SubsidyClass::kOrganisation].Add(p, days);
    } else if (!split) {
      sums[SubsidyClass::kHouseholdBaseRate].Add(p, days);
    } else {
      sums[SubsidyClass::kHouseholdBaseRate].Add(std::min(p, policy.household_subsidy_threshold_fen), days);
      sums[SubsidyClass::kHouseholdAboveThreshold].Add(p - policy.household_subsidy_threshold_fen, days);
    }
  }

  SubsidyComputation out;
  for (const auto& [subsidy_class, sum] : sums) {
    if (sum.days == 0) continue;
    SubsidyLine line;
    line.subsidy_class = subsidy_class;
    line.days = sum.days;
    line.principal_fen = AverageHalfUp(sum.principal_days, sum.days);
    line.rate_bp = rates[subsidy_class];
    line.amount_fen = InterestFen(sum.principal_days, line.rate_bp, loan.day_count, 1);
    out.computed_fen += line.amount_fen;
    out.lines.push_back(line);
  }
  out.amount_fen = std::clamp<int64_t>(cap_fen, 0, out.computed_fen);
  return out;
}

absl::Status CheckSubsidyDue(const CountyPolicy& policy, const LoanPosition& position, const ClaimPeriod& period,
                             absl::CivilDay today) {
  if (policy.subsidy_trigger == SubsidyTrigger::kAfterFullRepayment) {
    if (position.Settled()) return absl::OkStatus();
    return rpc::FailedPrecondition("SUBSIDY_NOT_DUE",
                                   "the county subsidises after full repayment (先收后贴) and the loan still owes "
                                   "principal");
  }
  if (period.end >= AddMonths(period.start, 6)) {
    return rpc::FailedPrecondition("SUBSIDY_NOT_DUE",
                                   "the county subsidises half-yearly: a period of at most six months");
  }
  int due = 0;
  for (const ServicedInstalment& i : position.instalments) {
    if (i.due.due_date > today) continue;
    if (i.due.due_date == today && !i.paid_in_full_on) continue;  // due today: not late yet
    ++due;
    if (!i.paid_in_full_on || *i.paid_in_full_on > i.due.due_date) {
      return rpc::FailedPrecondition(
          "SUBSIDY_NOT_DUE", absl::StrCat("instalment ", i.due.index, " due ", absl::FormatCivilTime(i.due.due_date),
                                          " was not paid on time; the half-yearly subsidy needs every month's "
                                          "interest on time"));
    }
  }
  if (due < policy.subsidy_min_on_time_months) {
    return rpc::FailedPrecondition(
        "SUBSIDY_NOT_DUE", absl::StrCat(due, " monthly instalment(s) fell due so far; the half-yearly "
                                             "subsidy needs ",
                                        policy.subsidy_min_on_time_months, " paid on time"));
  }
  return absl::OkStatus();
}

}  // namespace huinong::loans
