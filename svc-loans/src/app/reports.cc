// See reports.h.
#include "svc-loans/src/app/reports.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/app/application_load.h"
#include "svc-loans/src/store/close_of_business_store.h"
#include "svc-loans/src/store/report_snapshot_store.h"
#include "svc-loans/src/store/report_store.h"

namespace huinong::loans {

absl::StatusOr<org_directory::UnitLink> AuthorizeCountyReport(org_directory::OrgView& org,
                                                              const auth::Principal& caller,
                                                              const std::string& county_id, absl::CivilDay today) {
  ASSIGN_OR_RETURN(const UnitLineage place, org.Lineage(county_id));
  if (place.unit().level != type::v1::LEVEL_COUNTY) {
    return rpc::FailedPrecondition("LEVEL_MISMATCH", absl::StrCat("units/", county_id, " is not a county"));
  }
  if (!ReadsAll(caller)) RETURN_IF_ERROR(RequireCapability(org, caller, "loans.review.county", county_id, today));
  return place.unit();
}

absl::StatusOr<LendingReportFigures> BuildLendingReport(sql::Connection& conn, const std::string& county_id,
                                                        const ReportPeriod& period, const absl::TimeZone& zone) {
  // A loan's class on a day is written when the close-of-business job
  // closes that day: before it has closed the period's last day the report
  // would read a history still being written, and differ when asked later.
  ASSIGN_OR_RETURN(const std::optional<store::CobProgress> progress, store::LoadProgress(conn, county_id, false));
  if (!progress || !progress->last_closed_date || *progress->last_closed_date < period.last_day) {
    return rpc::FailedPrecondition(
        "PERIOD_NOT_CLOSED",
        absl::StrCat(period.label, " ends on ", absl::FormatCivilTime(period.last_day),
                     " and the close-of-business job has closed units/", county_id, "'s dates ",
                     progress && progress->last_closed_date
                         ? absl::StrCat("through ", absl::FormatCivilTime(*progress->last_closed_date))
                         : std::string("not at all"),
                     ": the report waits until it closes the period's last day"));
  }
  const absl::Time start = PeriodStart(period, zone);
  const absl::Time end = PeriodEnd(period, zone);
  ReportRows rows;
  ASSIGN_OR_RETURN(rows.applications, store::ApplicationStatesAt(conn, county_id, start, end));
  ASSIGN_OR_RETURN(rows.issued, store::LoansDisbursed(conn, county_id, period.first_day, period.last_day));
  ASSIGN_OR_RETURN(rows.cumulative, store::CumulativeLending(conn, county_id, period.last_day));
  ASSIGN_OR_RETURN(rows.standings, store::StandingsOn(conn, county_id, period.last_day));
  ASSIGN_OR_RETURN(rows.breakers, store::BreakersAt(conn, county_id, end));
  NplMeasure measure = NplMeasure::kByBalance;
  if (absl::StatusOr<CountyPolicy> policy = LoadPolicyInForce(conn, county_id, period.last_day); policy.ok()) {
    measure = policy->npl_measure;
  } else if (rpc::ReasonOf(policy.status()) != "NO_POLICY") {
    return policy.status();
  }
  LendingReportFigures report = AggregateReport(period, measure, rows);
  ASSIGN_OR_RETURN(report.subsidies,
                   store::SubsidyFiguresBetween(conn, county_id, start, end, period.first_day, period.last_day));
  ASSIGN_OR_RETURN(report.fund, store::FundFiguresOn(conn, county_id, end));
  return report;
}

absl::StatusOr<LendingReportFigures> LendingReport(sql::Connection& conn, const std::string& county_id,
                                                   const ReportPeriod& period, const absl::TimeZone& zone) {
  ASSIGN_OR_RETURN(std::optional<LendingReportFigures> stored, store::StoredReport(conn, county_id, period));
  if (stored) return *std::move(stored);
  return BuildLendingReport(conn, county_id, period, zone);
}

absl::Status StorePeriodReports(sql::Connection& conn, const std::string& county_id, absl::CivilDay closed,
                                const absl::TimeZone& zone, absl::Time now) {
  const std::vector<ReportPeriod> periods = PeriodsEndingOn(closed);
  if (periods.empty()) return absl::OkStatus();
  RETURN_IF_ERROR(store::LockCountyReports(conn, county_id));
  for (const ReportPeriod& period : periods) {
    ASSIGN_OR_RETURN(const LendingReportFigures report, BuildLendingReport(conn, county_id, period, zone));
    RETURN_IF_ERROR(store::StoreReport(conn, county_id, report, now));
  }
  return absl::OkStatus();
}

}  // namespace huinong::loans
