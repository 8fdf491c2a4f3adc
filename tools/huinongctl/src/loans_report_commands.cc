// `huinongctl loans report --month 2026-10 | --quarter 2026Q3 [--county
// units/C] [--csv]`: the county's monthly report or quarterly bulletin
// (ServicingService GetMonthlyReport / GetQuarterlyBulletin, 000:1607) as
// it stood at the period's end — a table, its CSV, or --json. Without
// --county, the one COUNTY unit svc-org lists (a usage error naming the
// choices when there are several).
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/command_common.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/loans_client.h"
#include "tools/huinongctl/src/loans_flags.h"
#include "tools/huinongctl/src/loans_report_format.h"
#include "tools/huinongctl/src/org_client.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;

absl::StatusOr<std::string> CountyOf(const Invocation& inv, const Connection& connection) {
  if (inv.config.Has("county")) {
    ASSIGN_OR_RETURN(const std::string county, RequiredFlag(inv, "county"));
    return ResourceName("units", county);
  }
  const OrgClient org(connection);
  org::v1::ListUnitsRequest request;
  request.set_level(type::v1::LEVEL_COUNTY);
  ASSIGN_OR_RETURN(const std::vector<org::v1::Unit> counties, org.ListAllUnits(request));
  if (counties.size() == 1) return counties[0].name();
  std::vector<std::string> names;
  for (const org::v1::Unit& c : counties) names.push_back(absl::StrCat(c.name(), " (", c.display_name(), ")"));
  return UsageError(counties.empty() ? "no COUNTY unit is listed: give --county units/ID"
                                     : absl::StrCat("which county? --county one of ", absl::StrJoin(names, ", ")));
}

}  // namespace

absl::Status RunLoansReport(const Invocation& inv) {
  if (inv.command != "loans report") return UsageError("unknown command \"" + inv.command + "\"");
  RETURN_IF_ERROR(CheckUsage(inv, {"month", "quarter", "county", "csv"}, 0));
  if (inv.config.Has("month") == inv.config.Has("quarter")) {
    return UsageError("one of --month YYYY-MM or --quarter YYYYQn is required");
  }
  ASSIGN_OR_RETURN(const bool csv, Switch(inv, "csv"));
  const Connection connection(ConnectionOptionsFrom(inv.config));
  ASSIGN_OR_RETURN(const std::string county, CountyOf(inv, connection));
  const LoansClient loans(connection);
  absl::StatusOr<v1::LendingReport> report;
  if (inv.config.Has("month")) {
    v1::GetMonthlyReportRequest request;
    request.set_county(county);
    ASSIGN_OR_RETURN(*request.mutable_month(), RequiredFlag(inv, "month"));
    report = loans.Call<v1::LendingReport>(&v1::ServicingService::Stub::GetMonthlyReport, request);
  } else {
    v1::GetQuarterlyBulletinRequest request;
    request.set_county(county);
    ASSIGN_OR_RETURN(*request.mutable_quarter(), RequiredFlag(inv, "quarter"));
    report = loans.Call<v1::LendingReport>(&v1::ServicingService::Stub::GetQuarterlyBulletin, request);
  }
  if (!report.ok()) return report.status();
  if (inv.json) return PrintProtoJson(*report);
  std::cout << (csv ? LendingReportCsv(*report) : LendingReportText(*report));
  return absl::OkStatus();
}

}  // namespace huinong::ctl
