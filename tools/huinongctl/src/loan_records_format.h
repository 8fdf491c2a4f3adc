// How the records servicing keeps on a loan look to a person: an extension
// as one line (`huinongctl loan get` lists them under the loan) and a
// post-loan return visit as a key/value block or a table row (`loan visit`,
// `loan visits`). Pure functions of the protos, tested without a server.
#pragma once

#include <string>
#include <vector>

#include "huinong/loans/v1/servicing.pb.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

// "+12 months on 2026-12-12: 2028-12-02 → 2029-12-02 (countyPolicies/…, staff/…)".
std::string ExtensionText(const loans::v1::Extension& extension);

std::string ReturnVisitDetail(const loans::v1::ReturnVisit& visit);
Table ReturnVisitTable(const std::vector<loans::v1::ReturnVisit>& visits);

}  // namespace huinong::ctl
