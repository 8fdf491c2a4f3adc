// The JSON bodies of loans and credit lines (loans.body_json,
// credit_lines.body_json): the parts no list filters on. Each Encode/Decode
// pair round-trips exactly; a member missing or of the wrong type reads as
// empty, like every JSON column of svc-loans.
#pragma once

#include <string>

#include "svc-loans/src/domain/loan.h"

namespace huinong::loans::store {

std::string EncodeLoanBody(const Loan& loan);
// Fills the body's parts of `out`; the column parts are left as they are.
void DecodeLoanBody(const std::string& json, Loan& out);

std::string EncodeCreditLineBody(const CreditLineRecord& line);
void DecodeCreditLineBody(const std::string& json, CreditLineRecord& out);

}  // namespace huinong::loans::store
