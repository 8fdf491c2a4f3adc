// Borrowers in MariaDB (migration 0002): a household's whole record reads
// back as written, registrations and all; an identity number or a credit
// code is taken once, refused a second time without repeating it; lists
// filter by unit and type and page by id.
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-loans/src/store/borrower_store.h"
#include "svc-loans/tests/loans_database.h"

namespace huinong::loans {
namespace {

constexpr char kVillage[] = "01VILLAGE00000000000000001";

Borrower Household(const char* id, const char* id_card) {
  Borrower b;
  b.id = id;
  b.unit_id = kVillage;
  b.display_name = "张三";
  b.id_card_number = id_card;
  b.phone = "13812345678";
  b.account = {"nxs", "6222021234567890123", "张三"};
  b.profile.type = BorrowerType::kHousehold;
  b.profile.birth_date = absl::CivilDay(1949, 12, 31);
  b.profile.poor_registrations = {{absl::CivilDay(2015, 10, 1), absl::CivilDay(2019, 12, 31)},
                                  {absl::CivilDay(2021, 3, 1), std::nullopt}};
  b.profile.good_credit = true;
  b.profile.settlement_account_at_cooperating_bank = true;
  b.create_time = b.update_time = absl::FromUnixSeconds(1'790'000'000);
  return b;
}

using BorrowerStoreTest = LoansDatabaseTest;

TEST_F(BorrowerStoreTest, AHouseholdReadsBackWhole) {
  ASSERT_TRUE(store::InsertBorrower(conn(), Household("01BORROWER0000000000000001", "11010519491231002X")).ok());
  auto read = store::GetBorrower(conn(), "01BORROWER0000000000000001");
  ASSERT_TRUE(read.ok() && read->has_value());
  const Borrower& b = **read;
  EXPECT_EQ(b.display_name, "张三");
  EXPECT_EQ(b.id_card_number, "11010519491231002X");
  EXPECT_EQ(b.credit_code, "");
  EXPECT_EQ(b.account.account_number, "6222021234567890123");
  EXPECT_EQ(b.profile.birth_date, absl::CivilDay(1949, 12, 31));
  ASSERT_EQ(b.profile.poor_registrations.size(), 2u);
  EXPECT_EQ(b.profile.poor_registrations[0].lifted, absl::CivilDay(2019, 12, 31));
  EXPECT_EQ(b.profile.poor_registrations[1].lifted, std::nullopt);
  EXPECT_TRUE(b.profile.PoorOn(absl::CivilDay(2026, 12, 2)));
  EXPECT_TRUE(b.profile.good_credit);
  EXPECT_EQ(b.create_time, absl::FromUnixSeconds(1'790'000'000));
}

TEST_F(BorrowerStoreTest, AnIdentityNumberIsTakenOnce) {
  ASSERT_TRUE(store::InsertBorrower(conn(), Household("01BORROWER0000000000000001", "11010519491231002X")).ok());
  const absl::Status again =
      store::InsertBorrower(conn(), Household("01BORROWER0000000000000002", "11010519491231002X"));
  EXPECT_EQ(again.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(rpc::ReasonOf(again), "BORROWER_EXISTS");
  EXPECT_EQ(std::string(again.message()).find("11010519491231002X"), std::string::npos);
}

TEST_F(BorrowerStoreTest, ListsFilterByUnitAndTypeAndPageById) {
  ASSERT_TRUE(store::InsertBorrower(conn(), Household("01BORROWER0000000000000001", "11010519491231002X")).ok());
  ASSERT_TRUE(store::InsertBorrower(conn(), Household("01BORROWER0000000000000002", "440524188001010014")).ok());
  Borrower coop;
  coop.id = "01BORROWER0000000000000003";
  coop.unit_id = "01VILLAGE00000000000000002";
  coop.display_name = "惠农种植专业合作社";
  coop.credit_code = "93131022MA0A1B2C3D";
  coop.profile.type = BorrowerType::kCooperative;
  ASSERT_TRUE(store::InsertBorrower(conn(), coop).ok());

  store::BorrowerQuery q;
  q.unit_ids = {kVillage};
  q.limit = 1;
  auto page = store::ListBorrowers(conn(), q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].id, "01BORROWER0000000000000001");
  q.after_id = (*page)[0].id;
  page = store::ListBorrowers(conn(), q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].id, "01BORROWER0000000000000002");

  store::BorrowerQuery coops;
  coops.type = static_cast<int>(BorrowerType::kCooperative);
  page = store::ListBorrowers(conn(), coops);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].credit_code, "93131022MA0A1B2C3D");
  EXPECT_EQ((*page)[0].id_card_number, "");
}

TEST_F(BorrowerStoreTest, AnUpdateKeepsTheIdentityAndBumpsTheVersion) {
  Borrower b = Household("01BORROWER0000000000000001", "11010519491231002X");
  ASSERT_TRUE(store::InsertBorrower(conn(), b).ok());
  b.profile.blacklisted = true;
  b.profile.poor_registrations[1].lifted = absl::CivilDay(2026, 11, 30);
  b.version = 2;
  ASSERT_TRUE(store::UpdateBorrower(conn(), b).ok());
  auto read = store::GetBorrower(conn(), b.id);
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_TRUE((*read)->profile.blacklisted);
  EXPECT_EQ((*read)->version, 2);
  EXPECT_FALSE((*read)->profile.PoorOn(absl::CivilDay(2026, 12, 2)));
}

}  // namespace
}  // namespace huinong::loans
