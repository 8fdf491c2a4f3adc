// GB 11643-1999 identity numbers: the standard's own example numbers pass,
// one mistyped character is caught by the check character, and the birth
// date the number encodes is read. Messages never quote the number.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/id_card.h"

namespace huinong::loans {
namespace {

TEST(IdCard, TheStandardsExamplesPass) {
  // GB 11643-1999's examples: 北京朝阳 1949-12-31 (check X), 广东汕头 1880-01-01.
  EXPECT_EQ(IdCardProblem("11010519491231002X"), std::nullopt);
  EXPECT_EQ(IdCardProblem("11010519491231002x"), std::nullopt);
  EXPECT_EQ(IdCardProblem("440524188001010014"), std::nullopt);
  EXPECT_EQ(IdCardCheckCharacter("11010519491231002"), 'X');
  EXPECT_EQ(IdCardCheckCharacter("44052418800101001"), '4');
  EXPECT_EQ(IdCardBirthDate("11010519491231002X"), absl::CivilDay(1949, 12, 31));
}

TEST(IdCard, OneMistypedCharacterIsCaughtWithoutRepeatingTheNumber) {
  const std::optional<std::string> problem = IdCardProblem("110105194912310021");
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(*problem, "the check character does not match: a character is mistyped");
  ASSERT_TRUE(IdCardProblem("11010519491231012X").has_value());  // a sequence digit changed
}

TEST(IdCard, LengthDigitsAndTheBirthDateAreChecked) {
  EXPECT_EQ(IdCardProblem("11010519491231002"), "18 characters, not 17");
  EXPECT_EQ(IdCardProblem("1101051949123100AX"), "the first 17 characters are digits");
  EXPECT_EQ(IdCardProblem("110105194902300021"), "characters 7–14 are not a valid birth date (YYYYMMDD)");
  EXPECT_EQ(IdCardBirthDate("110105194902300021"), std::nullopt);
}

}  // namespace
}  // namespace huinong::loans
