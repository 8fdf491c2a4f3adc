// The figures of a lending report (000:1607; report_period.h says which
// period) and how they are put together, pure: the store sums each figure
// by township in SQL (store/report_store.h), and AggregateReport makes the
// townships' figures and the county's from those rows — counts and amounts
// add up; distinct borrowers do not (a borrower with loans in two
// townships is one borrower of the county), so the county's come from the
// store's own county row; the NPL ratio is the breaker's
// (township_breaker.h: non-performing ÷ outstanding by the policy's
// measure, basis points rounded down) over the summed figures.
//
// "At the period's end" is read from history, never from today's state:
// - a loan's standing (status, class, outstanding) is its loan_standings
//   row with the greatest as_of on or before the last day;
// - an application's state is ApplicationStateAt: its workflow replayed
//   from its steps' times (every step records when it was taken);
// - a township's breaker is BreakerStateAt: its recorded history of states,
//   or, for a record written before the history was kept, its last
//   suspension, plan and lift.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "svc-loans/src/domain/application.h"
#include "svc-loans/src/domain/classification.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/report_period.h"
#include "svc-loans/src/domain/township_breaker.h"
#include "svc-loans/src/domain/township_breaker_record.h"

namespace huinong::loans {

// Loans disbursed (in the period, or up to its end) in one township; the
// county's own row has an empty township_id and carries the distinct
// borrowers across the county.
struct IssuedRow {
  std::string township_id;
  int64_t count = 0;
  int64_t amount_fen = 0;
  int64_t borrowers = 0;
};

// ACTIVE loans with principal outstanding at the period's end, of one class
// in one township.
struct StandingRow {
  std::string township_id;
  LoanClass loan_class = LoanClass::kNormal;
  int64_t count = 0;
  int64_t balance_fen = 0;
};

// Applications of one township in one state at the period's end.
struct ApplicationStateRow {
  std::string township_id;
  ApplicationState state = ApplicationState::kDraft;
  int64_t count = 0;
};

// What the store read for a report.
struct ReportRows {
  std::vector<ApplicationStateRow> applications;
  std::vector<IssuedRow> issued;
  std::vector<IssuedRow> cumulative;
  std::vector<StandingRow> standings;
  // The breaker of each township with a record, at the period's end.
  std::map<std::string, BreakerState> breakers;
};

// Subsidy claims in the period and the fund at its end (SubsidyService,
// RiskFundService): reported when svc-loans keeps them (app/reports.h).
struct SubsidyFigures {
  int64_t applied_count = 0;
  int64_t applied_fen = 0;
  int64_t paid_count = 0;
  int64_t paid_fen = 0;
};
struct ClaimStateFigure {
  int state = 0;  // the API's CompensationClaimState value
  int64_t count = 0;
  int64_t amount_fen = 0;
};
struct FundFigures {
  int64_t balance_fen = 0;
  std::vector<ClaimStateFigure> claims;
};

struct LendingFigures {
  std::map<ApplicationState, int64_t> applications;
  int64_t issued_count = 0;
  int64_t issued_fen = 0;
  int64_t issued_borrowers = 0;
  int64_t cumulative_count = 0;
  int64_t cumulative_fen = 0;
  int64_t cumulative_borrowers = 0;
  int64_t outstanding_count = 0;
  int64_t outstanding_fen = 0;
  int64_t overdue_count = 0;  // OVERDUE or NON_PERFORMING
  int64_t overdue_fen = 0;
  int64_t npl_count = 0;
  int64_t npl_fen = 0;
  int64_t npl_ratio_bp = 0;

  bool operator==(const LendingFigures&) const = default;
};

struct TownshipReport {
  std::string township_id;
  BreakerState state = BreakerState::kOpen;  // at the period's end
  LendingFigures figures;
};

struct LendingReportFigures {
  ReportPeriod period;
  NplMeasure measure = NplMeasure::kByBalance;
  LendingFigures totals;
  std::vector<TownshipReport> townships;  // by township id
  int suspended_townships = 0;            // SUSPENDED or RECTIFYING at the end
  std::optional<SubsidyFigures> subsidies;
  std::optional<FundFigures> fund;
};

// Loans disbursed up to a day, summed from one row per loan given in
// borrower order (each borrower's loans adjacent, as the store reads them
// from an index by borrower): count, amount and distinct borrowers per
// township, and the county's row (empty township_id) whose borrowers count
// each borrower once however many townships it borrowed in.
class LendingTally {
 public:
  void Add(const std::string& borrower_id, const std::string& township_id, int64_t principal_fen);
  // The townships' rows by id, then the county's.
  std::vector<IssuedRow> Rows() const;

 private:
  std::string borrower_;
  std::vector<std::string> borrower_townships_;  // where the current borrower was counted
  std::map<std::string, IssuedRow> townships_;
  IssuedRow county_;
};

// Loans' standings on a day, from their history rows given in (loan, as_of)
// order, each loan's rows adjacent and only those on or before the day: a
// loan stands as its last row; ACTIVE loans with principal outstanding are
// summed by township and class.
class StandingTally {
 public:
  void Add(const std::string& loan_id, const std::string& township_id, bool active, LoanClass loan_class,
           int64_t outstanding_fen);
  // Counts the last loan and answers the sums.
  std::vector<StandingRow> Rows();

 private:
  void Settle();
  std::string loan_;
  bool pending_ = false;
  std::string township_;
  bool active_ = false;
  LoanClass class_ = LoanClass::kNormal;
  int64_t outstanding_fen_ = 0;
  std::map<std::pair<std::string, LoanClass>, StandingRow> sums_;
};

// The townships' figures (every township named by a row or a breaker) and
// the county's, as the header says.
LendingReportFigures AggregateReport(const ReportPeriod& period, NplMeasure measure, const ReportRows& rows);

// The NPL ratio of figures, in basis points rounded down, by `measure`.
int64_t NplRatioBp(const LendingFigures& figures, NplMeasure measure);

// The application's state at instant `at`: DRAFT from its creation, then
// each step taken before `at` in order through its flow; none when it was
// created at or after `at`.
std::optional<ApplicationState> ApplicationStateAt(const Application& application, absl::Time at);

// Whether a report of [start, end) counts an application: under way at
// `end`, or finished (DISBURSED, REJECTED, WITHDRAWN) at or after `start`.
// The state it is counted in, or none.
std::optional<ApplicationState> ReportedApplicationState(const Application& application, absl::Time start,
                                                         absl::Time end);

bool IsFinal(ApplicationState state);

// The township's breaker at instant `at` (see the header).
BreakerState BreakerStateAt(const TownshipBreakerRecord& record, absl::Time at);

}  // namespace huinong::loans
