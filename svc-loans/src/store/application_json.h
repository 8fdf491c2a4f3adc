// The JSON body of an application (applications.body_json): the loan asked
// for (product kind, term, rate, purpose, industry, pledges, day), whether
// its flow has the guarantee step, the submitter, the recommended bank and
// the record of every step, with nlohmann-json (keys sorted). A member
// missing or of the wrong type reads as empty.
#pragma once

#include <string>

#include "svc-loans/src/domain/application.h"

namespace huinong::loans::store {

std::string EncodeBody(const Application& application);
// Fills the body's parts of `out`; the column parts are left as they are.
void DecodeBody(const std::string& json, Application& out);

}  // namespace huinong::loans::store
