// County policy versions between the API (products.proto CountyPolicy) and
// the domain (domain/county_policy.h). The readers are the request checks:
// every bad field of the API's shape, and every rule of the policy's own
// (PolicyViolations), named under the request path ("policy.ceilings[0]
// .ceiling") in one Violations list. Output-only fields are ignored.
//
// Unset enums read as the proto comments say: fee_schedule ONCE,
// age_reference APPLICATION_DATE, npl_measure BY_BALANCE, subsidy_trigger
// AFTER_FULL_REPAYMENT; npl_days_past_due 0 reads as 90. Every other number
// is taken as given (0 is a setting, e.g. no guarantee fee under 两免一补).
#pragma once

#include <functional>
#include <set>
#include <string>

#include "common/rpc/status_details.h"
#include "huinong/loans/v1/products.pb.h"
#include "svc-loans/src/domain/county_policy.h"

namespace huinong::loans {

std::string PolicyName(const std::string& id);  // "countyPolicies/{id}"

// A new version: county, effective_from and every setting.
CountyPolicy PolicyFromProto(const v1::CountyPolicy& proto, const std::string& field, rpc::Violations& v);

// The settings an update may set (every field but name, county,
// effective_from and the output-only ones).
const std::set<std::string>& UpdatablePolicyFields();
// The edit that sets the settings in `paths` from `proto`; only their bad
// fields are named (the edited version is judged whole by the use case).
std::function<void(CountyPolicy&)> PolicyEditFromProto(const v1::CountyPolicy& proto,
                                                       const std::set<std::string>& paths, const std::string& field,
                                                       rpc::Violations& v);

v1::CountyPolicy ToProto(const CountyPolicy& policy);

}  // namespace huinong::loans
