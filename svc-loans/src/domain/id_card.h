// The citizen identity number of GB 11643-1999: 17 digits (a 6-digit region
// code, the birth date as YYYYMMDD, a 3-digit sequence) and a check character
// from ISO 7064 MOD 11-2 ("0"–"9" or "X"). A household's borrower record is
// keyed by it, so a mistyped number must be caught at the counter. Pure.
#pragma once

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace huinong::loans {

// What is wrong with `number`, or nothing; the description never quotes the
// number (personal data). A lower-case "x" is accepted as "X".
std::optional<std::string> IdCardProblem(absl::string_view number);

// The check character for the first 17 digits (which must be digits).
char IdCardCheckCharacter(absl::string_view first17);

// The birth date the number encodes, when it is a valid date.
std::optional<absl::CivilDay> IdCardBirthDate(absl::string_view number);

}  // namespace huinong::loans
