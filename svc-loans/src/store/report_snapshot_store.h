// Computed lending reports (table report_snapshots, migration 0016): a
// county's report for a period, stored once its period's last day is
// closed (app/reports.h). Reads answer only a row of the current
// store::kReportFormat; a write replaces the period's row; business booked
// into a closed period forgets the stored reports it changes.
#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "svc-loans/src/domain/report.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

// The stored figures of `period` (its label) with `period` filled in;
// nullopt when none, or only one of an older format, is stored.
// Locks the county's close_of_business row (nothing when the county was
// never closed) before a report is computed to be stored: business that
// forgets stored reports (ForgetReportsFrom) waits for the store, or the
// computation for that business, so a stored report never misses it.
absl::Status LockCountyReports(sql::Connection& conn, const std::string& county_id);

absl::StatusOr<std::optional<LendingReportFigures>> StoredReport(sql::Connection& conn, const std::string& county_id,
                                                                 const ReportPeriod& period);
absl::Status StoreReport(sql::Connection& conn, const std::string& county_id, const LendingReportFigures& report,
                         absl::Time now);
// Deletes the county's stored reports of every period whose last day is on
// or after `day`: called by what books business dated `day` (a disbursement
// valued back, a subsidy paid on an earlier date), so the next reading
// computes them with it; first takes the county's row in share mode (see
// LockCountyReports).
absl::Status ForgetReportsFrom(sql::Connection& conn, const std::string& county_id, absl::CivilDay day);

}  // namespace huinong::loans::store
