// The unified social credit code of GB 32100-2015 that identifies an
// organisation borrower: 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY"
// (no I, O, S, V, Z), the last a check character over the first 17 with
// weights 3^(i−1) mod 31. Mistyped codes must be caught at the counter:
// the code is the organisation's unique key among borrowers. Pure.
#pragma once

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace huinong::loans {

// What is wrong with `code`, or nothing.
std::optional<std::string> CreditCodeProblem(absl::string_view code);

// The check character for the first 17 characters (which must be in the set).
char CreditCodeCheckCharacter(absl::string_view first17);

}  // namespace huinong::loans
