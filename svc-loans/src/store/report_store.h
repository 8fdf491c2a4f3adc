// SQL of the lending report (domain/report.h): each figure summed by
// township in one statement over an index (migration 0015), read as it
// stood at the period's end — the loans' standings from loan_standings
// (never today's loans columns), the applications' states from their
// steps, the townships' breakers from their history. Runs on the caller's
// connection; Connector/C++ exceptions are left to the pool.
//
// Loans disbursed are read from the loans table's disbursement facts —
// county, township, borrower, principal and disbursement date — which no
// later change rewrites.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "svc-loans/src/domain/report.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

// Loans disbursed in the county from `first_day` to `last_day`, by
// township, with the county's own row (empty township_id: its distinct
// borrowers across townships) — one statement over the period's range of
// loans_report (county, disbursement date, ...).
absl::StatusOr<std::vector<IssuedRow>> LoansDisbursed(sql::Connection& conn, const std::string& county_id,
                                                      absl::CivilDay first_day, absl::CivilDay last_day);

// Every loan disbursed in the county up to `last_day`, summed the same way
// — one pass over loans_by_borrower (county, borrower, ...) in borrower
// order, counted by LendingTally (a COUNT(DISTINCT) per township and for
// the county costs MariaDB a second structure per group; in borrower order
// the distinct count is a comparison with the row before).
absl::StatusOr<std::vector<IssuedRow>> CumulativeLending(sql::Connection& conn, const std::string& county_id,
                                                         absl::CivilDay last_day);

// The county's ACTIVE loans with principal outstanding on `day`, each by
// its standing that day (its loan_standings row with the greatest as_of on
// or before `day`), summed by township and class — one pass over
// loan_standings_report (county, loan, as_of, ...) in loan order, each
// loan's last row kept by StandingTally (no sort, no window function).
absl::StatusOr<std::vector<StandingRow>> StandingsOn(sql::Connection& conn, const std::string& county_id,
                                                     absl::CivilDay day);

// The county's applications a report of [start, end) counts
// (ReportedApplicationState), by township and their state at `end`. Rows
// not written since `end` are counted from their state column in SQL over
// applications_report (county, state, update_time, ...): every row of an
// open state, and of the final states only those written in the period —
// so the many applications finished long ago are not read. The few
// written since (a step taken after the period) are replayed from their
// steps.
absl::StatusOr<std::vector<ApplicationStateRow>> ApplicationStatesAt(sql::Connection& conn,
                                                                    const std::string& county_id, absl::Time start,
                                                                    absl::Time end);

// Each township of the county with a breaker record, in its state at `at`.
absl::StatusOr<std::map<std::string, BreakerState>> BreakersAt(sql::Connection& conn, const std::string& county_id,
                                                               absl::Time at);

// Subsidy claims of the county applied for in [start, end) (the period's
// instants: when the claim was filed) and paid from `first_day` to
// `last_day` (the finance bureau's paid date), whatever each claim's state
// is now: a later clawback or objection does not rewrite a past month. One
// statement over the county's claims (subsidy_claims, migration 0012).
absl::StatusOr<SubsidyFigures> SubsidyFiguresBetween(sql::Connection& conn, const std::string& county_id,
                                                     absl::Time start, absl::Time end, absl::CivilDay first_day,
                                                     absl::CivilDay last_day);

// The county's risk fund (migration 0013) as it stood at `end`: the
// balance after its last transaction recorded before then, and the claims
// filed before then by their state then (PAID or REJECTED as dated; a
// claim changed since and neither is counted SUBMITTED). None when the
// county had no fund.
absl::StatusOr<std::optional<FundFigures>> FundFiguresOn(sql::Connection& conn, const std::string& county_id,
                                                         absl::Time end);

}  // namespace huinong::loans::store
