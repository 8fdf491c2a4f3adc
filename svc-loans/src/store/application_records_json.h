// The JSON of an application's step records (survey, review, guarantee,
// insurance, contract, disbursement, rejection) and its collateral, inside
// applications.body_json (application_json.h). Each Encode/Decode pair
// round-trips its record exactly; a member missing or of the wrong type
// reads as empty, like every JSON column of svc-loans.
#pragma once

#include "common/core/json_fields.h"
#include "svc-loans/src/domain/application.h"

namespace huinong::loans::store {

json::Json CollateralJson(const std::vector<Collateral>& list);
std::vector<Collateral> CollateralOf(const json::Json& v);

json::Json SurveyJson(const Survey& s);
Survey SurveyOf(const json::Json& v);
json::Json ReviewJson(const Review& r);
Review ReviewOf(const json::Json& v);
json::Json GuaranteeJson(const Guarantee& g);
Guarantee GuaranteeOf(const json::Json& v);
json::Json InsuranceJson(const Insurance& i);
Insurance InsuranceOf(const json::Json& v);
json::Json ContractJson(const Contract& c);
Contract ContractOf(const json::Json& v);
json::Json DisbursementJson(const Disbursement& d);
Disbursement DisbursementOf(const json::Json& v);
json::Json RejectionJson(const Rejection& r);
Rejection RejectionOf(const json::Json& v);

}  // namespace huinong::loans::store
