// See id_card.h.
#include "svc-loans/src/domain/id_card.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace huinong::loans {
namespace {

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheck[] = "10X98765432";

bool AllDigits(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

char IdCardCheckCharacter(absl::string_view first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

std::optional<absl::CivilDay> IdCardBirthDate(absl::string_view number) {
  if (number.size() < 14 || !AllDigits(number.substr(6, 8))) return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!absl::SimpleAtoi(number.substr(6, 4), &y) || !absl::SimpleAtoi(number.substr(10, 2), &m) ||
      !absl::SimpleAtoi(number.substr(12, 2), &d)) {
    return std::nullopt;
  }
  const absl::CivilDay day(y, m, d);
  // CivilDay normalises 31 February to March: a real date reads back unchanged.
  if (day.year() != y || day.month() != m || day.day() != d || y < 1800) return std::nullopt;
  return day;
}

std::optional<std::string> IdCardProblem(absl::string_view number) {
  if (number.size() != 18) return absl::StrCat("18 characters, not ", number.size());
  if (!AllDigits(number.substr(0, 17))) return std::string("the first 17 characters are digits");
  if (!IdCardBirthDate(number)) {
    return std::string("characters 7–14 are not a valid birth date (YYYYMMDD)");
  }
  const char expected = IdCardCheckCharacter(number.substr(0, 17));
  if (absl::ascii_toupper(static_cast<unsigned char>(number[17])) != expected) {
    // The message never repeats any part of the number: it is personal data.
    return std::string("the check character does not match: a character is mistyped");
  }
  return std::nullopt;
}

}  // namespace huinong::loans
