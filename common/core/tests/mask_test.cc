// Tests of personal-data masking, per kind and inside free text.
#include "common/core/mask.h"

#include "gtest/gtest.h"

namespace huinong::mask {
namespace {

TEST(CoreMask, Phone) {
  EXPECT_EQ(Phone("13812345678"), "138****5678");
  EXPECT_EQ(Phone("12345"), "***45");
  EXPECT_EQ(Phone("+8613812345678"), "************78");
  EXPECT_EQ(Phone("12"), "**");
  EXPECT_EQ(Phone(""), "");
}

TEST(CoreMask, IdCard) {
  EXPECT_EQ(IdCard("11010519491231002X"), "110***********002X");
  EXPECT_EQ(IdCard("110105198001010016"), "110***********0016");
  EXPECT_EQ(IdCard("110105491231002"), "110********1002");  // old 15-digit form
  EXPECT_EQ(IdCard("ABC123"), "****23");
}

TEST(CoreMask, BankCard) {
  EXPECT_EQ(BankCard("6222021234567890123"), "6222***********0123");
  EXPECT_EQ(BankCard("6222021234567890"), "6222********7890");
  EXPECT_EQ(BankCard("6222-0212"), "*******12");
}

TEST(CoreMask, Name) {
  EXPECT_EQ(Name("张三丰"), "张**");
  EXPECT_EQ(Name("张三"), "张*");
  EXPECT_EQ(Name("Li Lei"), "L*****");
  EXPECT_EQ(Name("欧阳"), "欧*");
  EXPECT_EQ(Name("王"), "*");
  EXPECT_EQ(Name(""), "");
}

TEST(CoreMask, FreeTextMasksPhoneAndIdKeepingSurroundings) {
  EXPECT_EQ(PersonalData("客户电话13812345678，身份证11010519491231002X"),
            "客户电话138****5678，身份证110***********002X");
}

TEST(CoreMask, FreeTextBankCardsAndIdDigits) {
  EXPECT_EQ(PersonalData("卡号6222021234567890123。"), "卡号6222***********0123。");
  EXPECT_EQ(PersonalData("card 6222021234567890 ok"), "card 6222********7890 ok");
  // 18 digits with a valid check digit: an ID number.
  EXPECT_EQ(PersonalData("id=110105198001010016;"), "id=110***********0016;");
  // 18 digits with a wrong check digit: treated as a card, still masked.
  EXPECT_EQ(PersonalData("no 110105198001010017"), "no 1101**********0017");
  EXPECT_EQ(PersonalData("x 11010519491231002x y"), "x 110***********002x y");
}

TEST(CoreMask, FreeTextGroupedAndPrefixedPhones) {
  EXPECT_EQ(PersonalData("call 138-1234-5678 now"), "call 138-****-5678 now");
  EXPECT_EQ(PersonalData("call 138 1234 5678"), "call 138 **** 5678");
  EXPECT_EQ(PersonalData("tel:+8613812345678"), "tel:+86138****5678");
  EXPECT_EQ(PersonalData("tel:+86 138 1234 5678"), "tel:+86 138 **** 5678");
  EXPECT_EQ(PersonalData("卡 6222 0212 3456 7890 123 止"), "卡 6222 **** **** ***0 123 止");
}

TEST(CoreMask, NoFalseMasks) {
  // A 20-digit reference number is not a card, a phone or an ID.
  EXPECT_EQ(PersonalData("流水号12345678901234567890"), "流水号12345678901234567890");
  EXPECT_EQ(PersonalData("ref 13812345678901234567890"), "ref 13812345678901234567890");
  // 12 digits starting like a phone: part of a longer run.
  EXPECT_EQ(PersonalData("138123456789"), "138123456789");
  // 11 digits not starting 1[3-9].
  EXPECT_EQ(PersonalData("12812345678 and 10012345678"), "12812345678 and 10012345678");
  // Amounts, dates, times and a 15-digit run stay.
  EXPECT_EQ(PersonalData("5000000 fen on 2026-11-22 05:41:00, 123456789012345"),
            "5000000 fen on 2026-11-22 05:41:00, 123456789012345");
  // The tail of a longer group chain is not a card.
  EXPECT_EQ(PersonalData("1234 5678 9012 3456 7890"), "1234 5678 9012 3456 7890");
  EXPECT_EQ(PersonalData("138 1234 5678 9999"), "138 1234 5678 9999");
}

TEST(CoreMask, ManyInOneText) {
  EXPECT_EQ(PersonalData("13912345678/15012345678,6222021234567890123"),
            "139****5678/150****5678,6222***********0123");
}

TEST(CoreMask, TextWithoutDigitsUnchanged) {
  const std::string text = "没有个人信息 — no personal data here";
  EXPECT_EQ(PersonalData(text), text);
}

}  // namespace
}  // namespace huinong::mask
