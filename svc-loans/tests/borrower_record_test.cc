// A borrower's record: a person's identity number is checked (GB 11643) and
// must encode the birth date given; poor-household registrations follow one
// another (registered, lifted, registered again); an organisation has an
// 18-character credit code. Every bad field is named.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/borrower_record.h"

namespace huinong::loans {
namespace {

Borrower Person() {
  Borrower b;
  b.display_name = "张三";
  b.id_card_number = "11010519491231002X";
  b.profile.type = BorrowerType::kHousehold;
  b.profile.birth_date = absl::CivilDay(1949, 12, 31);
  return b;
}

std::vector<std::string> Fields(const Borrower& b) {
  std::vector<std::string> out;
  for (const auto& [field, description] : BorrowerViolations(b)) out.push_back(field);
  return out;
}

TEST(BorrowerRecord, APersonsIdentityNumberMustBeValidAndMatchTheBirthDate) {
  EXPECT_TRUE(Fields(Person()).empty());
  Borrower b = Person();
  b.id_card_number = "110105194912310021";
  EXPECT_EQ(Fields(b), (std::vector<std::string>{"person.id_card_number"}));
  b = Person();
  b.profile.birth_date = absl::CivilDay(1949, 12, 30);
  EXPECT_EQ(Fields(b), (std::vector<std::string>{"person.birth_date"}));
}

TEST(BorrowerRecord, RegistrationsFollowOneAnother) {
  Borrower b = Person();
  b.profile.poor_registrations = {{absl::CivilDay(2015, 10, 1), absl::CivilDay(2019, 12, 31)},
                                  {absl::CivilDay(2021, 3, 1), std::nullopt}};
  EXPECT_TRUE(Fields(b).empty());
  EXPECT_TRUE(b.profile.PoorOn(absl::CivilDay(2019, 12, 30)));
  EXPECT_FALSE(b.profile.PoorOn(absl::CivilDay(2019, 12, 31)));
  EXPECT_FALSE(b.profile.PoorOn(absl::CivilDay(2020, 6, 1)));
  EXPECT_TRUE(b.profile.PoorOn(absl::CivilDay(2026, 12, 2)));

  b.profile.poor_registrations = {{absl::CivilDay(2015, 10, 1), absl::CivilDay(2015, 10, 1)},
                                  {absl::CivilDay(2014, 1, 1), std::nullopt}};
  EXPECT_EQ(Fields(b), (std::vector<std::string>{"person.poor_registrations[0].lifted",
                                                 "person.poor_registrations[1].registered"}));
}

TEST(BorrowerRecord, AnOrganisationHasACreditCode) {
  Borrower b;
  b.display_name = "固安县惠农种植专业合作社";
  b.profile.type = BorrowerType::kCooperative;
  b.credit_code = "93131022MA0A1B2C3D";
  EXPECT_TRUE(Fields(b).empty());
  b.credit_code = "93131022";
  b.display_name = "";
  b.profile.shareholder_households = -1;
  EXPECT_EQ(Fields(b), (std::vector<std::string>{"display_name", "organisation.credit_code",
                                                 "organisation.shareholder_households"}));
}

}  // namespace
}  // namespace huinong::loans
