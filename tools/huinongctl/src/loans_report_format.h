// The county's lending report (a month's report or a quarter's bulletin,
// reports.proto) as a person or a spreadsheet reads it: a heading (county,
// period, its days, the NPL measure, suspended townships, and the subsidy
// and fund figures when the report has them), then one row per township and
// the county's total row — applications under way and finished, loans
// issued, cumulative lending, outstanding, overdue and non-performing
// balances, the NPL ratio, the breaker's state. Amounts in yuan. The CSV
// has the same rows and columns (RFC 4180 quoting) with amounts in yuan and
// no thousands separators, so it loads as numbers. Pure.
#pragma once

#include <string>

#include "huinong/loans/v1/reports.pb.h"

namespace huinong::ctl {

std::string LendingReportText(const loans::v1::LendingReport& report);
std::string LendingReportCsv(const loans::v1::LendingReport& report);

}  // namespace huinong::ctl
