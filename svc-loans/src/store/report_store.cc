// See report_store.h. Each statement reads one index of migration 0015
// alone (covering: no row lookups), so a report at 200,000 loans stays
// under a second (docs/reports.md, "Speed").
#include "svc-loans/src/store/report_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/db/sql_columns.h"
#include "common/db/sql_time.h"
#include "common/db/statements.h"
#include "svc-loans/src/domain/loan.h"
#include "svc-loans/src/store/application_store.h"
#include "svc-loans/src/store/township_store.h"

namespace huinong::loans::store {
namespace {

constexpr int kActive = static_cast<int>(LoanStatus::kActive);

// The final states, which a row written before the period's start and
// still final is not counted in (ReportedApplicationState).
std::string FinalStates() {
  return absl::StrCat(static_cast<int>(ApplicationState::kDisbursed), ", ",
                      static_cast<int>(ApplicationState::kRejected), ", ",
                      static_cast<int>(ApplicationState::kWithdrawn));
}

}  // namespace

absl::StatusOr<std::vector<IssuedRow>> LoansDisbursed(sql::Connection& conn, const std::string& county_id,
                                                      std::optional<absl::CivilDay> first_day,
                                                      absl::CivilDay last_day) {
  // WITH ROLLUP adds the county's row (township NULL) with its own distinct count.
  db::Statement q = db::Prepare(conn,
      "SELECT township_id, COUNT(*) AS n, SUM(principal_fen) AS fen, COUNT(DISTINCT borrower_id) AS borrowers"
      " FROM loans WHERE county_id = ? AND disbursement_date BETWEEN ? AND ?"
      " GROUP BY township_id WITH ROLLUP");
  q->setString(1, county_id);
  db::BindDate(*q, 2, first_day.value_or(absl::CivilDay(1970, 1, 1)));
  db::BindDate(*q, 3, last_day);
  return db::Rows<IssuedRow>(*q, [](sql::ResultSet& rs) {
    return IssuedRow{db::StringColumn(rs, "township_id"), rs.getInt64("n"), rs.getInt64("fen"),
                     rs.getInt64("borrowers")};
  });
}

absl::StatusOr<std::vector<StandingRow>> StandingsOn(sql::Connection& conn, const std::string& county_id,
                                                     absl::CivilDay day) {
  // Each loan's newest row on or before the day, from the covering index
  // loan_standings_report (county_id, as_of, ...): one pass over the
  // county's rows, one sort by loan.
  db::Statement q = db::Prepare(conn,
      "SELECT township_id, classification, COUNT(*) AS n, SUM(outstanding_principal_fen) AS fen FROM ("
      " SELECT township_id, status, classification, outstanding_principal_fen,"
      "  ROW_NUMBER() OVER (PARTITION BY loan_id ORDER BY as_of DESC) AS newest"
      " FROM loan_standings WHERE county_id = ? AND as_of <= ?) s"
      " WHERE newest = 1 AND status = ? AND outstanding_principal_fen > 0"
      " GROUP BY township_id, classification");
  q->setString(1, county_id);
  db::BindDate(*q, 2, day);
  q->setInt(3, kActive);
  return db::Rows<StandingRow>(*q, [](sql::ResultSet& rs) {
    return StandingRow{db::StringColumn(rs, "township_id"), static_cast<LoanClass>(rs.getInt("classification")),
                       rs.getInt64("n"), rs.getInt64("fen")};
  });
}

absl::StatusOr<std::vector<ApplicationStateRow>> ApplicationStatesAt(sql::Connection& conn,
                                                                    const std::string& county_id, absl::Time start,
                                                                    absl::Time end) {
  // Not written since the end: the state column is the state then (every
  // step writes the row, and a final row is never written again).
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT township_id, state, COUNT(*) AS n FROM applications"
      " WHERE county_id = ? AND update_time < ? AND (state NOT IN (", FinalStates(), ") OR update_time >= ?)"
      " GROUP BY township_id, state"));
  q->setString(1, county_id);
  db::BindTime(*q, 2, end);
  db::BindTime(*q, 3, start);
  std::vector<ApplicationStateRow> rows = db::Rows<ApplicationStateRow>(*q, [](sql::ResultSet& rs) {
    return ApplicationStateRow{db::StringColumn(rs, "township_id"),
                               static_cast<ApplicationState>(rs.getInt("state")), rs.getInt64("n")};
  });
  // Written since: replayed from their steps' times.
  ASSIGN_OR_RETURN(const std::vector<Application> changed, ApplicationsWrittenSince(conn, county_id, end, end));
  for (const Application& a : changed) {
    if (const std::optional<ApplicationState> state = ReportedApplicationState(a, start, end)) {
      rows.push_back({a.township_id, *state, 1});
    }
  }
  return rows;
}

absl::StatusOr<std::map<std::string, BreakerState>> BreakersAt(sql::Connection& conn, const std::string& county_id,
                                                               absl::Time at) {
  std::map<std::string, BreakerState> out;
  std::string after;
  while (true) {  // a county has tens of townships: one page, as a rule
    ASSIGN_OR_RETURN(const std::vector<TownshipBreakerRecord> page,
                     ListTownshipBreakers(conn, BreakerFilter{county_id, "", std::nullopt}, after, 500));
    for (const TownshipBreakerRecord& r : page) out[r.township_id] = BreakerStateAt(r, at);
    if (page.size() < 500) return out;
    after = page.back().township_id;
  }
}

absl::StatusOr<std::optional<SubsidyFigures>> SubsidyFiguresBetween(sql::Connection&, const std::string&,
                                                                     absl::CivilDay, absl::CivilDay) {
  return std::nullopt;  // not yet reported: see report_store.h
}

absl::StatusOr<std::optional<FundFigures>> FundFiguresOn(sql::Connection&, const std::string&, absl::CivilDay) {
  return std::nullopt;  // not yet reported: see report_store.h
}

}  // namespace huinong::loans::store
