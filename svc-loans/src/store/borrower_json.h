// The JSON body of a borrower (borrowers.body_json): everything of the
// domain Borrower that is not a column — contacts, account, birth date,
// poor-household registrations, credit standing and organisation facts —
// with nlohmann-json (keys sorted); a member missing or of the wrong type
// reads as empty.
#pragma once

#include <string>

#include "svc-loans/src/domain/borrower_record.h"

namespace huinong::loans::store {

std::string EncodeBody(const Borrower& borrower);
// Fills the body's parts of `out`; the column parts are left as they are.
void DecodeBody(const std::string& json, Borrower& out);

}  // namespace huinong::loans::store
