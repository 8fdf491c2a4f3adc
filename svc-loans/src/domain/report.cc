// See report.h.
#include "svc-loans/src/domain/report.h"

#include <algorithm>
#include <set>

namespace huinong::loans {
namespace {

void AddIssued(const IssuedRow& row, bool cumulative, LendingFigures& f) {
  (cumulative ? f.cumulative_count : f.issued_count) += row.count;
  (cumulative ? f.cumulative_fen : f.issued_fen) += row.amount_fen;
}

void SetBorrowers(const IssuedRow& row, bool cumulative, LendingFigures& f) {
  (cumulative ? f.cumulative_borrowers : f.issued_borrowers) = row.borrowers;
}

void AddStanding(const StandingRow& row, LendingFigures& f) {
  f.outstanding_count += row.count;
  f.outstanding_fen += row.balance_fen;
  if (row.loan_class != LoanClass::kNormal) {
    f.overdue_count += row.count;
    f.overdue_fen += row.balance_fen;
  }
  if (row.loan_class == LoanClass::kNonPerforming) {
    f.npl_count += row.count;
    f.npl_fen += row.balance_fen;
  }
}

// The breaker's state at `at` from a record without history: its last
// suspension (and the plan and lift that answered it) is all it kept.
BreakerState FromLastSuspension(const TownshipBreakerRecord& r, absl::Time at) {
  if (!r.suspend_time || *r.suspend_time >= at) return BreakerState::kOpen;
  if (r.lift_time && *r.lift_time > *r.suspend_time && *r.lift_time < at) return BreakerState::kOpen;
  if (r.plan && r.plan->file_time > *r.suspend_time && r.plan->file_time < at &&
      !(r.plan->reject_time && *r.plan->reject_time < at)) {
    return BreakerState::kRectifying;
  }
  return BreakerState::kSuspended;
}

}  // namespace

void LendingTally::Add(const std::string& borrower_id, const std::string& township_id, int64_t principal_fen) {
  if (borrower_id != borrower_ || county_.count == 0) {
    borrower_ = borrower_id;
    borrower_townships_.clear();
    ++county_.borrowers;
  }
  IssuedRow& t = townships_[township_id];
  t.township_id = township_id;
  ++t.count;
  t.amount_fen += principal_fen;
  if (std::find(borrower_townships_.begin(), borrower_townships_.end(), township_id) == borrower_townships_.end()) {
    borrower_townships_.push_back(township_id);
    ++t.borrowers;
  }
  ++county_.count;
  county_.amount_fen += principal_fen;
}

std::vector<IssuedRow> LendingTally::Rows() const {
  std::vector<IssuedRow> rows;
  for (const auto& [id, row] : townships_) rows.push_back(row);
  rows.push_back(county_);
  return rows;
}

void StandingTally::Add(const std::string& loan_id, const std::string& township_id, bool active, LoanClass loan_class,
                        int64_t outstanding_fen) {
  if (pending_ && loan_id != loan_) Settle();
  loan_ = loan_id;
  pending_ = true;
  township_ = township_id;
  active_ = active;
  class_ = loan_class;
  outstanding_fen_ = outstanding_fen;
}

void StandingTally::Settle() {
  pending_ = false;
  if (!active_ || outstanding_fen_ <= 0) return;
  StandingRow& row = sums_[{township_, class_}];
  row.township_id = township_;
  row.loan_class = class_;
  ++row.count;
  row.balance_fen += outstanding_fen_;
}

std::vector<StandingRow> StandingTally::Rows() {
  if (pending_) Settle();
  std::vector<StandingRow> rows;
  for (const auto& [key, row] : sums_) rows.push_back(row);
  return rows;
}

int64_t NplRatioBp(const LendingFigures& f, NplMeasure measure) {
  const NplRatio ratio = measure == NplMeasure::kByCount ? NplRatio{f.npl_count, f.outstanding_count}
                                                         : NplRatio{f.npl_fen, f.outstanding_fen};
  return RatioBasisPointsFloor(ratio);
}

LendingReportFigures AggregateReport(const ReportPeriod& period, NplMeasure measure, const ReportRows& rows) {
  std::map<std::string, TownshipReport> townships;
  auto township = [&townships](const std::string& id) -> TownshipReport& {
    TownshipReport& t = townships[id];
    t.township_id = id;
    return t;
  };
  LendingReportFigures out;
  out.period = period;
  out.measure = measure;
  LendingFigures& totals = out.totals;
  for (const ApplicationStateRow& row : rows.applications) {
    township(row.township_id).figures.applications[row.state] += row.count;
    totals.applications[row.state] += row.count;
  }
  for (bool cumulative : {false, true}) {
    for (const IssuedRow& row : cumulative ? rows.cumulative : rows.issued) {
      if (row.township_id.empty()) {  // the county's own row: its distinct borrowers
        SetBorrowers(row, cumulative, totals);
        continue;
      }
      TownshipReport& t = township(row.township_id);
      AddIssued(row, cumulative, t.figures);
      SetBorrowers(row, cumulative, t.figures);
      AddIssued(row, cumulative, totals);
    }
  }
  for (const StandingRow& row : rows.standings) {
    AddStanding(row, township(row.township_id).figures);
    AddStanding(row, totals);
  }
  for (const auto& [id, state] : rows.breakers) township(id).state = state;
  for (auto& [id, t] : townships) {
    t.figures.npl_ratio_bp = NplRatioBp(t.figures, measure);
    if (LendingStatusOf(t.state) != LendingStatus::kOpen) ++out.suspended_townships;
    out.townships.push_back(std::move(t));
  }
  totals.npl_ratio_bp = NplRatioBp(totals, measure);
  return out;
}

bool IsFinal(ApplicationState state) {
  return state == ApplicationState::kDisbursed || state == ApplicationState::kRejected ||
         state == ApplicationState::kWithdrawn;
}

std::optional<ApplicationState> ApplicationStateAt(const Application& a, absl::Time at) {
  if (a.create_time >= at) return std::nullopt;
  ApplicationState state = ApplicationState::kDraft;
  const auto& flow = ApplicationFlow(a.guarantee_required);
  for (const StepRecord& step : a.steps) {
    if (step.at >= at) break;  // steps are recorded in the order taken
    if (absl::StatusOr<ApplicationState> next = flow.Next(state, step.event); next.ok()) state = *next;
  }
  return state;
}

std::optional<ApplicationState> ReportedApplicationState(const Application& a, absl::Time start, absl::Time end) {
  const std::optional<ApplicationState> state = ApplicationStateAt(a, end);
  if (!state || !IsFinal(*state)) return state;
  // Finished: counted only when the step that finished it was in the period.
  const std::optional<ApplicationState> before = ApplicationStateAt(a, start);
  if (before && IsFinal(*before)) return std::nullopt;
  return state;
}

BreakerState BreakerStateAt(const TownshipBreakerRecord& r, absl::Time at) {
  if (r.history.empty()) return FromLastSuspension(r, at);
  BreakerState state = BreakerState::kOpen;
  for (const BreakerStateChange& change : r.history) {
    if (change.at >= at) break;
    state = change.state;
  }
  return state;
}

}  // namespace huinong::loans
