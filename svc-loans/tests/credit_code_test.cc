// GB 32100-2015 unified social credit codes: the check character computed
// by the standard's weights (3^(i−1) mod 31 over the 31-character set)
// accepts a correct code and catches one mistyped character and the
// letters the set leaves out.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/credit_code.h"

namespace huinong::loans {
namespace {

TEST(CreditCode, TheCheckCharacterCatchesAMistypedCharacter) {
  EXPECT_EQ(CreditCodeCheckCharacter("93131022MA0A1B2C3"), 'X');
  EXPECT_EQ(CreditCodeCheckCharacter("91110108MA01ABCDE"), 'N');
  EXPECT_EQ(CreditCodeProblem("93131022MA0A1B2C3X"), std::nullopt);
  EXPECT_EQ(CreditCodeProblem("93131022MA0A1B2C3D"), "the check character does not match: a character is mistyped");
  EXPECT_EQ(CreditCodeProblem("93131022MA0A1B2C4X"), "the check character does not match: a character is mistyped");
}

TEST(CreditCode, LengthAndTheCharacterSetAreChecked) {
  EXPECT_EQ(CreditCodeProblem("93131022"), "18 characters, not 8");
  EXPECT_EQ(CreditCodeProblem("93131022MA0A1B2CIX"), "digits and the capitals A–Y except I, O, S, V and Z only");
  EXPECT_EQ(CreditCodeProblem("93131022ma0a1b2c3x"), "digits and the capitals A–Y except I, O, S, V and Z only");
}

}  // namespace
}  // namespace huinong::loans
