// The lending report (domain/report.h) as the API's LendingReport
// (reports.proto): the county's figures, one row per township with its
// display name from svc-org, and the subsidy and fund figures only when the
// report has them. Enums keep the API's numbers.
#pragma once

#include <map>
#include <string>

#include "absl/time/time.h"
#include "huinong/loans/v1/reports.pb.h"
#include "svc-loans/src/domain/report.h"

namespace huinong::loans {

// `names`: the display name of each township id (missing: empty).
v1::LendingReport ReportProto(const LendingReportFigures& report, const std::string& county_id,
                              const std::string& county_display_name,
                              const std::map<std::string, std::string>& names, absl::Time generate_time);

}  // namespace huinong::loans
