// How interest-subsidy claims look to a person: one key/value block per
// claim (period, lines by class, amount, state, each step with who took it,
// the notice, objections, payment, clawback), a table per list, and the
// public notice as CSV for the notice board or a spreadsheet
// (`subsidy notice --csv`). The bank card is shown as the server returned
// it (always masked). Pure functions of the protos, tested without a server.
#pragma once

#include <string>
#include <vector>

#include "huinong/loans/v1/subsidies.pb.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

std::string SubsidyClaimDetail(const loans::v1::SubsidyClaim& claim);
Table SubsidyClaimTable(const std::vector<loans::v1::SubsidyClaim>& claims);
// A header record, then one record per claim: claim, borrower, township,
// loan, period, amount, notice start, notice end (first day payment is
// allowed), where the notice is posted.
std::string SubsidyNoticeCsv(const std::vector<loans::v1::SubsidyClaim>& claims);

}  // namespace huinong::ctl
