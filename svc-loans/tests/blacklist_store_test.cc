// Blacklist entries and borrowers' places in MariaDB (migration 0005): an
// entry reads back whole, evidence and all; a borrower has at most one
// active entry, and any number of ended ones; lists go by the borrower's
// place (its unit, township or county) and page by id.
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-loans/src/store/blacklist_store.h"
#include "svc-loans/src/store/borrower_store.h"
#include "svc-loans/tests/loans_database.h"

namespace huinong::loans {
namespace {

Borrower Placed(const char* id, const char* id_card, const char* village, const char* township) {
  Borrower b;
  b.id = id;
  b.unit_id = village;
  b.township_id = township;
  b.county_id = "county";
  b.display_name = "张三";
  b.id_card_number = id_card;
  b.profile.type = BorrowerType::kHousehold;
  b.create_time = b.update_time = absl::FromUnixSeconds(1'790'000'000);
  return b;
}

BlacklistEntry Entry(const char* id, const char* borrower_id) {
  BlacklistEntry e;
  e.id = id;
  e.borrower_id = borrower_id;
  e.category = BlacklistCategory::kFraud;
  e.reason = "虚构用途骗取贷款";
  e.evidence = {{"docs/a.pdf", "", "调查报告"}, {"docs/b.pdf", "", "判决书"}};
  e.listed_by = "staff/reviewer";
  e.list_time = absl::FromUnixSeconds(1'790'000'000);
  return e;
}

std::vector<std::string> Ids(const std::vector<BlacklistEntry>& entries) {
  std::vector<std::string> ids;
  for (const BlacklistEntry& e : entries) ids.push_back(e.id);
  return ids;
}

class BlacklistStoreTest : public LoansDatabaseTest {
 protected:
  void SetUp() override {
    LoansDatabaseTest::SetUp();
    ASSERT_TRUE(store::InsertBorrower(conn(), Placed("01B1", "11010519491231002X", "v11", "town1")).ok());
    ASSERT_TRUE(store::InsertBorrower(conn(), Placed("01B2", "131022197005151239", "v21", "town2")).ok());
  }
};

TEST_F(BlacklistStoreTest, AnEntryReadsBackWhole) {
  ASSERT_TRUE(store::InsertBlacklistEntry(conn(), Entry("01E1", "01B1")).ok());
  auto read = store::GetBlacklistEntry(conn(), "01E1");
  ASSERT_TRUE(read.ok() && read->has_value());
  const BlacklistEntry& e = **read;
  EXPECT_TRUE(e.active);
  EXPECT_EQ(e.category, BlacklistCategory::kFraud);
  ASSERT_EQ(e.evidence.size(), 2u);
  EXPECT_EQ(e.evidence[1].title, "判决书");
  EXPECT_EQ(e.remove_time, std::nullopt);
}

TEST_F(BlacklistStoreTest, OneActiveEntryPerBorrower) {
  ASSERT_TRUE(store::InsertBlacklistEntry(conn(), Entry("01E1", "01B1")).ok());
  const absl::Status again = store::InsertBlacklistEntry(conn(), Entry("01E2", "01B1"));
  EXPECT_EQ(again.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(rpc::ReasonOf(again), "ALREADY_BLACKLISTED");
  BlacklistEntry ended = Entry("01E1", "01B1");
  ended.active = false;
  ended.removed_by = "staff/reviewer2";
  ended.remove_time = absl::FromUnixSeconds(1'790'100'000);
  ended.removal_reason = "已还清";
  ended.version = 2;
  ASSERT_TRUE(store::UpdateBlacklistEntry(conn(), ended).ok());
  EXPECT_TRUE(store::InsertBlacklistEntry(conn(), Entry("01E2", "01B1")).ok());
  auto read = store::GetBlacklistEntry(conn(), "01E1");
  ASSERT_TRUE(read.ok() && read->has_value());
  EXPECT_FALSE((*read)->active);
  EXPECT_EQ((*read)->remove_time, absl::FromUnixSeconds(1'790'100'000));
}

TEST_F(BlacklistStoreTest, ListsGoByTheBorrowersPlace) {
  ASSERT_TRUE(store::InsertBlacklistEntry(conn(), Entry("01E1", "01B1")).ok());
  ASSERT_TRUE(store::InsertBlacklistEntry(conn(), Entry("01E2", "01B2")).ok());
  using Column = store::PlaceFilter::Column;
  store::BlacklistQuery town1;
  town1.places = {{Column::kTownship, "town1"}};
  EXPECT_EQ(Ids(*store::ListBlacklistEntries(conn(), town1)), std::vector<std::string>{"01E1"});
  store::BlacklistQuery v21;
  v21.places = {{Column::kUnit, "v21"}};
  EXPECT_EQ(Ids(*store::ListBlacklistEntries(conn(), v21)), std::vector<std::string>{"01E2"});
  store::BlacklistQuery county;
  county.places = {{Column::kCounty, "county"}};
  county.limit = 1;
  EXPECT_EQ(Ids(*store::ListBlacklistEntries(conn(), county)), std::vector<std::string>{"01E1"});
  county.after_id = "01E1";
  EXPECT_EQ(Ids(*store::ListBlacklistEntries(conn(), county)), std::vector<std::string>{"01E2"});

  store::BorrowerQuery borrowers;
  borrowers.places = {{Column::kTownship, "town2"}};
  auto listed = store::ListBorrowers(conn(), borrowers);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, "01B2");
  EXPECT_EQ((*listed)[0].township_id, "town2");
}

}  // namespace
}  // namespace huinong::loans
