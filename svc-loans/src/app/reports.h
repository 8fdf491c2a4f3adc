// The lending report's use case (000:1607; domain/report.h): who may read a
// county's monthly report or quarterly bulletin, and the figures as they
// stood at the period's end, read on one connection (store/report_store.h)
// and put together by the pure domain (AggregateReport) — once: the
// close-of-business job stores them when it closes the period's last day
// (store/report_snapshot_store.h), and readers read them back.
//
// Who: admin, auditor and service accounts; staff holding
// loans.review.county for the county (ServicingService's "auditor and
// loans.review.county within scope"). The county must be a COUNTY unit.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "common/org_directory/org_view.h"
#include "svc-loans/src/domain/report.h"

namespace sql {
class Connection;
}

namespace huinong::loans {

// The county's own link (its display name): NOT_FOUND for an unknown unit,
// FAILED_PRECONDITION LEVEL_MISMATCH for a unit that is not a county;
// then PERMISSION_DENIED unless the caller may read its reports.
absl::StatusOr<org_directory::UnitLink> AuthorizeCountyReport(org_directory::OrgView& org,
                                                              const auth::Principal& caller,
                                                              const std::string& county_id, absl::CivilDay today);

// Every figure of the period for the county, as it stood at the end of
// period.last_day in `zone`. The NPL ratio is by the measure of the county
// policy in force on the last day (by balance when none was).
// FAILED_PRECONDITION / PERIOD_NOT_CLOSED until the close-of-business job
// has closed the period's last day for the county.
absl::StatusOr<LendingReportFigures> BuildLendingReport(sql::Connection& conn, const std::string& county_id,
                                                        const ReportPeriod& period, const absl::TimeZone& zone);

// The report as stored when it was computed (store/report_snapshot_store.h),
// else BuildLendingReport's: the same figures either way, since once the
// period's last day is closed nothing can change what they read.
absl::StatusOr<LendingReportFigures> LendingReport(sql::Connection& conn, const std::string& county_id,
                                                   const ReportPeriod& period, const absl::TimeZone& zone);

// Computes and stores the county's report of every period whose last day
// is `closed` (PeriodsEndingOn): what the close-of-business job does right
// after closing that day, so the report's readers find it ready.
absl::Status StorePeriodReports(sql::Connection& conn, const std::string& county_id, absl::CivilDay closed,
                                const absl::TimeZone& zone, absl::Time now);

}  // namespace huinong::loans
