// See extension.h.
#include "svc-loans/src/domain/extension.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "svc-loans/src/domain/months.h"

namespace huinong::loans {
namespace {

int ExtendedMonths(const Loan& loan) {
  int months = 0;
  for (const LoanExtension& e : loan.extensions) months += e.months;
  return months;
}

std::string DayText(absl::CivilDay day) { return absl::FormatCivilTime(day); }

}  // namespace

int TotalTermMonths(const Loan& loan) { return loan.term_months + ExtendedMonths(loan); }

absl::CivilDay ExtendedMaturity(const Loan& loan, int months) {
  return AddMonths(OriginalMaturity(loan), ExtendedMonths(loan) + months);
}

std::vector<RuleFailure> CheckExtension(const Loan& loan, const ExtensionFacts& facts, const CountyPolicy& policy) {
  RuleFailures f(policy.id);
  if (facts.months < 1) {
    f.Add("MONTHS", "months", "at least 1 month", absl::StrCat(facts.months, " months"));
  } else {
    const int total = TotalTermMonths(loan) + facts.months;
    if (total > policy.max_total_term_months) {
      f.Add("TERM_LIMIT_EXCEEDED", "months",
            absl::StrCat("a total term of at most ", policy.max_total_term_months,
                         " months including every extension (", TotalTermMonths(loan), " so far)"),
            absl::StrCat(total, " months"));
    }
    const absl::CivilDay maturity = ExtendedMaturity(loan, facts.months);
    if (facts.credit_line_expiry && maturity > *facts.credit_line_expiry) {
      f.Add("CREDIT_LINE_EXPIRED", "months",
            absl::StrCat("maturing on or before the credit line's expiry, ", DayText(*facts.credit_line_expiry)),
            absl::StrCat("maturing on ", DayText(maturity)));
    }
  }
  if (facts.today >= loan.maturity_date) {
    f.Add("LOAN_MATURED", "name", absl::StrCat("agreed before the maturity date, ", DayText(loan.maturity_date)),
          absl::StrCat("asked on ", DayText(facts.today)));
  }
  if (facts.days_past_due > 0) {
    f.Add("LOAN_PAST_DUE", "name", "nothing past due", absl::StrCat(facts.days_past_due, " days past due"));
  }
  return f.Take();
}

std::vector<MaturityChange> MaturityChangesOf(const Loan& loan) {
  std::vector<MaturityChange> out;
  out.reserve(loan.extensions.size());
  for (const LoanExtension& e : loan.extensions) out.push_back({e.effective_date, e.new_maturity_date});
  return out;
}

absl::Status ApplyExtension(LoanPosition& position, const MaturityChange& change) {
  if (change.new_maturity_date <= position.terms.maturity_date) {
    return absl::InvalidArgumentError(absl::StrCat("extension: the new maturity ", DayText(change.new_maturity_date),
                                                   " is not after ", DayText(position.terms.maturity_date)));
  }
  ScheduleTerms terms = position.terms;
  terms.maturity_date = change.new_maturity_date;
  if (position.Settled()) {
    position.terms = terms;
    return absl::OkStatus();
  }
  const auto current = std::find_if(position.instalments.begin(), position.instalments.end(),
                                    [&](const ServicedInstalment& i) { return i.due.due_date > change.effective_date; });
  if (current == position.instalments.end()) {
    return absl::InvalidArgumentError(absl::StrCat("extension: nothing falls due after ",
                                                   DayText(change.effective_date), " to regenerate"));
  }
  int64_t not_yet_due = 0;  // the principal of the instalments from `current` on, unpaid
  for (auto i = current; i != position.instalments.end(); ++i) {
    not_yet_due += i->due.principal_due_fen - i->principal_paid_fen;
  }
  if (not_yet_due == 0) {
    position.terms = terms;
    return absl::OkStatus();
  }
  absl::StatusOr<std::vector<Instalment>> rebuilt = RebuildScheduleFrom(terms, current->accrues_from, not_yet_due);
  if (!rebuilt.ok()) return rebuilt.status();
  // The current instalment keeps its period start and what was settled in
  // it; its due date is the regenerated first one (the same, unless it was
  // an off-anchor maturity).
  const Instalment& front = rebuilt->front();
  current->due.due_date = front.due_date;
  current->due.days = static_cast<int>(front.due_date - current->due.period_start);
  current->due.principal_due_fen = current->principal_paid_fen + front.principal_due_fen;
  current->due.interest_due_fen = current->interest_settled_fen + front.interest_due_fen;
  if (!current->PaidInFull()) current->paid_in_full_on.reset();
  position.instalments.erase(current + 1, position.instalments.end());
  for (size_t k = 1; k < rebuilt->size(); ++k) {
    ServicedInstalment later;
    later.due = (*rebuilt)[k];
    later.accrues_from = later.due.period_start;
    position.instalments.push_back(later);
  }
  position.terms = terms;
  return absl::OkStatus();
}

}  // namespace huinong::loans
