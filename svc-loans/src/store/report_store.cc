// See report_store.h. Each statement reads one index of migration 0015
// alone (covering: no row lookups), named by FORCE INDEX so the plan does
// not depend on the optimizer's estimate of a table it has just seen grow
// (docs/reports.md, "Speed").
#include "svc-loans/src/store/report_store.h"

#include <map>
#include <memory>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
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

// The states' numbers as an SQL list: the final ones, which a row written
// before the period's start is not counted in (ReportedApplicationState),
// and the open ones, counted whenever written.
std::string StateList(bool final) {
  std::vector<int> out;
  for (ApplicationState s : EveryApplicationState()) {
    if (IsFinal(s) == final) out.push_back(static_cast<int>(s));
  }
  return absl::StrJoin(out, ", ");
}
std::string FinalStates() { return StateList(true); }
std::string OpenStates() { return StateList(false); }

}  // namespace

absl::StatusOr<std::vector<IssuedRow>> LoansDisbursed(sql::Connection& conn, const std::string& county_id,
                                                      absl::CivilDay first_day, absl::CivilDay last_day) {
  // WITH ROLLUP adds the county's row (township NULL) with its own distinct count.
  db::Statement q = db::Prepare(conn,
      "SELECT township_id, COUNT(*) AS n, SUM(principal_fen) AS fen, COUNT(DISTINCT borrower_id) AS borrowers"
      " FROM loans FORCE INDEX (loans_report) WHERE county_id = ? AND disbursement_date BETWEEN ? AND ?"
      " GROUP BY township_id WITH ROLLUP");
  q->setString(1, county_id);
  db::BindDate(*q, 2, first_day);
  db::BindDate(*q, 3, last_day);
  std::vector<IssuedRow> rows = db::Rows<IssuedRow>(*q, [](sql::ResultSet& rs) {
    return IssuedRow{db::StringColumn(rs, "township_id"), rs.getInt64("n"), rs.getInt64("fen"),
                     rs.getInt64("borrowers")};
  });
  // No loan in the period: MariaDB answers no rollup row either.
  if (rows.empty()) rows.push_back(IssuedRow{});
  return rows;
}

absl::StatusOr<std::vector<IssuedRow>> CumulativeLending(sql::Connection& conn, const std::string& county_id,
                                                         absl::CivilDay last_day) {
  db::Statement q = db::Prepare(conn,
      "SELECT borrower_id, township_id, principal_fen FROM loans FORCE INDEX (loans_by_borrower)"
      " WHERE county_id = ? AND disbursement_date <= ? ORDER BY county_id, borrower_id");
  q->setString(1, county_id);
  db::BindDate(*q, 2, last_day);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  LendingTally tally;
  while (rs->next()) tally.Add(rs->getString(1), rs->getString(2), rs->getInt64(3));
  return tally.Rows();
}

absl::StatusOr<std::vector<StandingRow>> StandingsOn(sql::Connection& conn, const std::string& county_id,
                                                     absl::CivilDay day) {
  db::Statement q = db::Prepare(conn,
      "SELECT loan_id, township_id, status, classification, outstanding_principal_fen"
      " FROM loan_standings FORCE INDEX (loan_standings_report)"
      " WHERE county_id = ? AND as_of <= ? ORDER BY county_id, loan_id, as_of");
  q->setString(1, county_id);
  db::BindDate(*q, 2, day);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  StandingTally tally;
  while (rs->next()) {
    tally.Add(rs->getString(1), rs->getString(2), rs->getInt(3) == kActive, static_cast<LoanClass>(rs->getInt(4)),
              rs->getInt64(5));
  }
  return tally.Rows();
}

absl::StatusOr<std::vector<ApplicationStateRow>> ApplicationStatesAt(sql::Connection& conn,
                                                                    const std::string& county_id, absl::Time start,
                                                                    absl::Time end) {
  // Not written since the end: the state column is the state then (every
  // step writes the row, and a final row is never written again).
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT township_id, state, COUNT(*) AS n FROM applications FORCE INDEX (applications_report)"
      " WHERE county_id = ? AND ((state IN (", OpenStates(), ") AND update_time < ?)"
      " OR (state IN (", FinalStates(), ") AND update_time >= ? AND update_time < ?))"
      " GROUP BY township_id, state"));
  q->setString(1, county_id);
  db::BindTime(*q, 2, end);
  db::BindTime(*q, 3, start);
  db::BindTime(*q, 4, end);
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

absl::StatusOr<SubsidyFigures> SubsidyFiguresBetween(sql::Connection& conn, const std::string& county_id,
                                                     absl::Time start, absl::Time end, absl::CivilDay first_day,
                                                     absl::CivilDay last_day) {
  db::Statement q = db::Prepare(conn,
      "SELECT"
      " COALESCE(SUM(create_time >= ? AND create_time < ?), 0) AS applied_count,"
      " COALESCE(SUM(CASE WHEN create_time >= ? AND create_time < ? THEN amount_fen END), 0) AS applied_fen,"
      " COALESCE(SUM(JSON_VALUE(body_json, '$.payment.paid_date') BETWEEN ? AND ?), 0) AS paid_count,"
      " COALESCE(SUM(CASE WHEN JSON_VALUE(body_json, '$.payment.paid_date') BETWEEN ? AND ?"
      "   THEN CAST(JSON_VALUE(body_json, '$.payment.amount_fen') AS SIGNED) END), 0) AS paid_fen"
      " FROM subsidy_claims WHERE county_id = ?");
  for (int at : {1, 3}) {
    db::BindTime(*q, at, start);
    db::BindTime(*q, at + 1, end);
  }
  for (int at : {5, 7}) {
    q->setString(at, db::SqlDate(first_day));
    q->setString(at + 1, db::SqlDate(last_day));
  }
  q->setString(9, county_id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  SubsidyFigures out;
  if (rs->next()) {
    out.applied_count = rs->getInt64("applied_count");
    out.applied_fen = rs->getInt64("applied_fen");
    out.paid_count = rs->getInt64("paid_count");
    out.paid_fen = rs->getInt64("paid_fen");
  }
  return out;
}

absl::StatusOr<std::optional<FundFigures>> FundFiguresOn(sql::Connection& conn, const std::string& county_id,
                                                         absl::Time end) {
  db::Statement fund = db::Prepare(conn,
      "SELECT (SELECT t.balance_after_fen FROM fund_transactions t WHERE t.fund_id = f.id AND t.record_time < ?"
      " ORDER BY t.record_time DESC, t.id DESC LIMIT 1) AS balance FROM risk_funds f"
      " WHERE f.county_id = ? AND f.create_time < ?");
  db::BindTime(*fund, 1, end);
  fund->setString(2, county_id);
  db::BindTime(*fund, 3, end);
  std::unique_ptr<sql::ResultSet> rs(fund->executeQuery());
  if (!rs->next()) return std::nullopt;  // the county had no fund then
  FundFigures out;
  out.balance_fen = rs->isNull("balance") ? 0 : rs->getInt64("balance");

  // A claim's state at `end`: its state now when nothing has changed it
  // since; otherwise PAID or REJECTED if that happened before `end`, else
  // SUBMITTED (a review given after the period's end and before the
  // payment is not dated on the claim row).
  db::Statement claims = db::Prepare(conn,
      "SELECT c.state, c.amount_fen, c.update_time < ? AS unchanged_since,"
      " COALESCE(t.record_time < ?, 0) AS paid_then, COALESCE(c.reject_time < ?, 0) AS rejected_then"
      " FROM compensation_claims c LEFT JOIN fund_transactions t ON t.id = c.payment_transaction_id"
      " WHERE c.county_id = ? AND c.create_time < ?");
  for (int at : {1, 2, 3}) db::BindTime(*claims, at, end);
  claims->setString(4, county_id);
  db::BindTime(*claims, 5, end);
  std::map<int, ClaimStateFigure> by_state;
  std::unique_ptr<sql::ResultSet> c(claims->executeQuery());
  while (c->next()) {
    int state = 1;  // SUBMITTED
    if (c->getBoolean("unchanged_since")) {
      state = c->getInt("state");
    } else if (c->getBoolean("paid_then")) {
      state = 3;  // PAID
    } else if (c->getBoolean("rejected_then")) {
      state = 4;  // REJECTED
    }
    ClaimStateFigure& f = by_state[state];
    f.state = state;
    f.count += 1;
    f.amount_fen += c->getInt64("amount_fen");
  }
  for (const auto& [state, figure] : by_state) out.claims.push_back(figure);
  return out;
}

}  // namespace huinong::loans::store
