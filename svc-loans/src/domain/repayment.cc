// See repayment.h.
#include "svc-loans/src/domain/repayment.h"

#include <algorithm>
#include <limits>
#include <string>
#include <tuple>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "svc-loans/src/domain/extension.h"

namespace huinong::loans {

namespace {

// More than any loan can owe (principal and interest within schedule.h's
// bounds stay far below it), so a quote's copy always settles.
constexpr int64_t kMoreThanOwed = std::numeric_limits<int64_t>::max() / 4;

// Pays up to `remaining` of `owed − paid` into `paid`; returns what it took.
int64_t PayTowards(int64_t owed, int64_t& paid, int64_t& remaining) {
  const int64_t take = std::min(remaining, std::max<int64_t>(0, owed - paid));
  paid += take;
  remaining -= take;
  return take;
}

void MarkIfPaid(ServicedInstalment& instalment, absl::CivilDay value_date) {
  if (instalment.PaidInFull() && !instalment.paid_in_full_on) instalment.paid_in_full_on = value_date;
}

// The interest of the current period accrued to `day` that is still unpaid.
int64_t UnpaidAccruedInterest(const LoanPosition& position, const ServicedInstalment& current, absl::CivilDay day) {
  const int days = static_cast<int>(day - current.accrues_from);
  const int64_t accrued = current.interest_settled_fen + InterestFen(position.outstanding_principal_fen,
                                                                     position.terms.rate_bp, position.terms.day_count,
                                                                     days);
  return std::max<int64_t>(0, accrued - current.interest_paid_fen);
}

// After `prepaid` fen of principal repaid on `day` inside the current
// instalment's period (its accrued interest paid): the current instalment
// holds what was settled on `day` plus the rebuilt rest of its period, and
// the later instalments are the rebuilt ones.
absl::Status RebuildAfterPrepayment(LoanPosition& position, size_t current_at, absl::CivilDay day, int64_t prepaid) {
  absl::StatusOr<std::vector<Instalment>> rebuilt =
      RebuildScheduleFrom(position.terms, day, position.outstanding_principal_fen);
  if (!rebuilt.ok()) return rebuilt.status();
  ServicedInstalment& current = position.instalments[current_at];
  current.principal_paid_fen += prepaid;
  current.interest_settled_fen = current.interest_paid_fen;
  current.accrues_from = day;
  current.due.principal_due_fen = current.principal_paid_fen;
  current.due.interest_due_fen = current.interest_settled_fen;
  if (!rebuilt->empty()) {
    current.due.principal_due_fen += rebuilt->front().principal_due_fen;
    current.due.interest_due_fen += rebuilt->front().interest_due_fen;
  }
  MarkIfPaid(current, day);
  position.instalments.resize(current_at + 1);
  for (size_t k = 1; k < rebuilt->size(); ++k) {
    ServicedInstalment later;
    later.due = (*rebuilt)[k];
    later.accrues_from = later.due.period_start;
    position.instalments.push_back(later);
  }
  return absl::OkStatus();
}

std::vector<std::string> RepaymentViolations(const LoanPosition& position, absl::CivilDay value_date,
                                             int64_t amount_fen) {
  std::vector<std::string> v;
  if (amount_fen <= 0) v.push_back(absl::StrCat("amount_fen must be positive, not ", amount_fen));
  if (value_date < position.terms.disbursement_date) {
    v.push_back(absl::StrCat("value_date ", absl::FormatCivilTime(value_date), " is before the disbursement ",
                             absl::FormatCivilTime(position.terms.disbursement_date)));
  }
  if (position.last_value_date && value_date < *position.last_value_date) {
    v.push_back(absl::StrCat("value_date ", absl::FormatCivilTime(value_date),
                             " is before the last repayment applied (",
                             absl::FormatCivilTime(*position.last_value_date), "): replay the loan instead"));
  }
  return v;
}

}  // namespace

absl::StatusOr<LoanPosition> OpenPosition(const ScheduleTerms& terms) {
  absl::StatusOr<std::vector<Instalment>> schedule = BuildSchedule(terms);
  if (!schedule.ok()) return schedule.status();
  LoanPosition position;
  position.terms = terms;
  position.outstanding_principal_fen = terms.principal_fen;
  for (const Instalment& i : *schedule) {
    ServicedInstalment s;
    s.due = i;
    s.accrues_from = i.period_start;
    position.instalments.push_back(s);
  }
  return position;
}

absl::StatusOr<Allocation> ApplyRepayment(LoanPosition& position, absl::CivilDay value_date, int64_t amount_fen) {
  if (std::vector<std::string> v = RepaymentViolations(position, value_date, amount_fen); !v.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("repayment: ", absl::StrJoin(v, "; ")));
  }
  LoanPosition working = position;  // changed only when the whole allocation succeeds
  Allocation a;
  a.value_date = value_date;
  int64_t remaining = amount_fen;

  // 1-2. What is due on or before the value date: interest, then principal, oldest first.
  for (ServicedInstalment& i : working.instalments) {
    if (i.due.due_date > value_date) break;
    a.interest_fen += PayTowards(i.due.interest_due_fen, i.interest_paid_fen, remaining);
    MarkIfPaid(i, value_date);
  }
  for (ServicedInstalment& i : working.instalments) {
    if (i.due.due_date > value_date) break;
    const int64_t principal = PayTowards(i.due.principal_due_fen, i.principal_paid_fen, remaining);
    working.outstanding_principal_fen -= principal;
    a.principal_fen += principal;
    MarkIfPaid(i, value_date);
  }

  // 3. A prepayment: the current period's interest accrued to the value
  // date, then principal, and the rest of the schedule rebuilt.
  if (remaining > 0 && working.outstanding_principal_fen > 0) {
    const auto current = std::find_if(working.instalments.begin(), working.instalments.end(),
                                      [&](const ServicedInstalment& i) { return i.due.due_date > value_date; });
    if (current != working.instalments.end()) {
      const int64_t accrued = UnpaidAccruedInterest(working, *current, value_date);
      a.interest_fen += PayTowards(current->interest_paid_fen + accrued, current->interest_paid_fen, remaining);
      if (remaining > 0) {
        const int64_t prepaid = std::min(remaining, working.outstanding_principal_fen);
        remaining -= prepaid;
        working.outstanding_principal_fen -= prepaid;
        a.prepaid_principal_fen = prepaid;
        a.rebuilt = true;
        if (absl::Status s = RebuildAfterPrepayment(
                working, static_cast<size_t>(current - working.instalments.begin()), value_date, prepaid);
            !s.ok()) {
          return s;
        }
      }
    }
  }

  // 4. Beyond what settles the loan.
  a.unapplied_fen = remaining;
  a.settled = working.Settled();
  working.last_value_date = value_date;
  position = std::move(working);
  return a;
}

absl::StatusOr<int64_t> PayoffQuoteFen(const LoanPosition& position, absl::CivilDay date) {
  LoanPosition copy = position;
  absl::StatusOr<Allocation> a = ApplyRepayment(copy, date, kMoreThanOwed);
  if (!a.ok()) return a.status();
  return kMoreThanOwed - a->unapplied_fen;
}

int DaysPastDue(const LoanPosition& position, absl::CivilDay date) {
  for (const ServicedInstalment& i : position.instalments) {
    if (i.due.due_date >= date) break;
    if (!i.PaidInFull()) return static_cast<int>(date - i.due.due_date);
  }
  return 0;
}

absl::StatusOr<LoanReplay> ReplayLoan(const ScheduleTerms& terms, std::vector<Repayment> repayments,
                                      absl::CivilDay as_of, int npl_days_past_due) {
  return ReplayLoan(terms, std::move(repayments), {}, as_of, npl_days_past_due);
}

absl::StatusOr<LoanReplay> ReplayLoan(const ScheduleTerms& terms, std::vector<Repayment> repayments,
                                      const std::vector<MaturityChange>& changes, absl::CivilDay as_of,
                                      int npl_days_past_due) {
  std::vector<std::string> v;
  for (size_t k = 0; k < repayments.size(); ++k) {
    const Repayment& r = repayments[k];
    const std::string field = absl::StrCat("repayments[", k, "]");
    if (r.amount_fen <= 0) v.push_back(absl::StrCat(field, ".amount_fen must be positive, not ", r.amount_fen));
    if (r.posting_date < r.value_date) v.push_back(absl::StrCat(field, ".posting_date is before its value_date"));
    if (r.value_date < terms.disbursement_date) {
      v.push_back(absl::StrCat(field, ".value_date is before the disbursement"));
    }
  }
  if (!v.empty()) return absl::InvalidArgumentError(absl::StrCat("repayments: ", absl::StrJoin(v, "; ")));

  absl::StatusOr<LoanPosition> opened = OpenPosition(terms);
  if (!opened.ok()) return opened.status();
  LoanReplay replay;
  replay.position = *std::move(opened);
  std::stable_sort(repayments.begin(), repayments.end(), [](const Repayment& x, const Repayment& y) {
    return std::tie(x.value_date, x.posting_date, x.request_id) < std::tie(y.value_date, y.posting_date, y.request_id);
  });
  auto change = changes.begin();
  // The extensions agreed before `day` (and on or before as_of).
  auto extend_before = [&](absl::CivilDay day) -> absl::Status {
    for (; change != changes.end() && change->effective_date < day && change->effective_date <= as_of; ++change) {
      if (absl::Status s = ApplyExtension(replay.position, *change); !s.ok()) return s;
    }
    return absl::OkStatus();
  };
  for (const Repayment& r : repayments) {
    if (r.value_date > as_of) break;
    if (absl::Status s = extend_before(r.value_date); !s.ok()) return s;
    absl::StatusOr<Allocation> a = ApplyRepayment(replay.position, r.value_date, r.amount_fen);
    if (!a.ok()) return a.status();
    a->request_id = r.request_id;
    a->posting_date = r.posting_date;
    replay.allocations.push_back(*std::move(a));
  }
  if (absl::Status s = extend_before(as_of + 1); !s.ok()) return s;
  replay.days_past_due = DaysPastDue(replay.position, as_of);
  replay.loan_class = Classify(replay.days_past_due, npl_days_past_due);
  return replay;
}

}  // namespace huinong::loans
