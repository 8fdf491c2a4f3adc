// See credit_code.h.
#include "svc-loans/src/domain/credit_code.h"

#include "absl/strings/str_cat.h"

namespace huinong::loans {
namespace {

constexpr absl::string_view kCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

}  // namespace

char CreditCodeCheckCharacter(absl::string_view first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += static_cast<int>(kCharacters.find(first17[i])) * kWeights[i];
  const int check = 31 - sum % 31;
  return kCharacters[check == 31 ? 0 : check];
}

std::optional<std::string> CreditCodeProblem(absl::string_view code) {
  if (code.size() != 18) return absl::StrCat("18 characters, not ", code.size());
  for (char c : code) {
    if (kCharacters.find(c) == absl::string_view::npos) {
      return std::string("digits and the capitals A–Y except I, O, S, V and Z only");
    }
  }
  if (code[17] != CreditCodeCheckCharacter(code.substr(0, 17))) {
    return std::string("the check character does not match: a character is mistyped");
  }
  return std::nullopt;
}

}  // namespace huinong::loans
