// See report_snapshot_store.h.
#include "svc-loans/src/store/report_snapshot_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/db/sql_columns.h"
#include "common/db/sql_time.h"
#include "common/db/statements.h"
#include "svc-loans/src/store/report_json.h"

namespace huinong::loans::store {

namespace {

// The county's close_of_business row locked in `mode` (none when the
// county was never closed).
void LockCountyRow(sql::Connection& conn, const std::string& county_id, const char* mode) {
  db::Statement q =
      db::Prepare(conn, absl::StrCat("SELECT county_id FROM close_of_business WHERE county_id = ? ", mode));
  q->setString(1, county_id);
  db::Rows<int>(*q, [](sql::ResultSet&) { return 0; });
}

}  // namespace

absl::Status LockCountyReports(sql::Connection& conn, const std::string& county_id) {
  LockCountyRow(conn, county_id, "FOR UPDATE");
  return absl::OkStatus();
}

absl::StatusOr<std::optional<LendingReportFigures>> StoredReport(sql::Connection& conn, const std::string& county_id,
                                                                 const ReportPeriod& period) {
  db::Statement q = db::Prepare(conn,
      "SELECT body_json FROM report_snapshots WHERE county_id = ? AND period = ? AND format = ?");
  q->setString(1, county_id);
  q->setString(2, period.label);
  q->setInt(3, kReportFormat);
  std::optional<std::string> body = db::First(db::Rows<std::string>(*q, [](sql::ResultSet& rs) {
    return std::string(rs.getString(1));
  }));
  if (!body) return std::nullopt;
  LendingReportFigures report;
  if (!DecodeReportFigures(*body, report)) return std::nullopt;
  report.period = period;
  return report;
}

absl::Status StoreReport(sql::Connection& conn, const std::string& county_id, const LendingReportFigures& report,
                         absl::Time now) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO report_snapshots (county_id, period, last_day, format, body_json, create_time)"
      " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_day = VALUES(last_day), format = VALUES(format),"
      " body_json = VALUES(body_json), create_time = VALUES(create_time)");
  q->setString(1, county_id);
  q->setString(2, report.period.label);
  db::BindDate(*q, 3, report.period.last_day);
  q->setInt(4, kReportFormat);
  q->setString(5, EncodeReportFigures(report));
  db::BindTime(*q, 6, now);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::Status ForgetReportsFrom(sql::Connection& conn, const std::string& county_id, absl::CivilDay day) {
  LockCountyRow(conn, county_id, "LOCK IN SHARE MODE");
  db::Statement q = db::Prepare(conn, "DELETE FROM report_snapshots WHERE county_id = ? AND last_day >= ?");
  q->setString(1, county_id);
  db::BindDate(*q, 2, day);
  q->executeUpdate();
  return absl::OkStatus();
}

}  // namespace huinong::loans::store
