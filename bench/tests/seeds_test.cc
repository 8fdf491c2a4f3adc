// The loans_lending seed's ids: derived from its arguments (so every run
// reuses its rows), of the store's width, distinct per borrower; bad
// arguments and unknown seeds are refused before anything is written.
#include "bench/seeds.h"

#include <set>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"

namespace huinong::bench {
namespace {

constexpr char kCounty[] = "01KBQ3ZJ1V4Q7C2N8M5X6Y7Z8A";
constexpr char kVillage[] = "01KBQ3ZJ2W5R8D3P9N6Y7Z8A9B";

TEST(LoansLendingIdsTest, SameArgumentsSameIds) {
  auto a = LoansLendingIdsFor(kCounty, kVillage, 3);
  auto b = LoansLendingIdsFor(kCounty, kVillage, 3);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->policy_id, b->policy_id);
  EXPECT_EQ(a->borrower_ids, b->borrower_ids);
  EXPECT_EQ(a->policy_id, "01BENCHPOLICY" + std::string(kCounty).substr(13));
  EXPECT_EQ(a->product_id, "01BENCHPRODUCTFPXD00000001");
  ASSERT_EQ(a->borrower_ids.size(), 3u);
  EXPECT_EQ(a->borrower_ids[2], "01BB" + std::string(kVillage).substr(14) + "0000000002");
  for (const std::string& id : a->borrower_ids) EXPECT_EQ(id.size(), 26u);
  EXPECT_EQ(a->policy_id.size(), 26u);
  EXPECT_EQ(std::set<std::string>(a->borrower_ids.begin(), a->borrower_ids.end()).size(), 3u);
}

TEST(LoansLendingIdsTest, AnotherVillageAnotherBorrowers) {
  auto a = LoansLendingIdsFor(kCounty, kVillage, 1);
  auto b = LoansLendingIdsFor(kCounty, "01KBQ3ZJ2W5R8D3P9N6Y7Z8A9C", 1);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->borrower_ids[0], b->borrower_ids[0]);
}

TEST(LoansLendingIdsTest, RefusesWhatIsNotAUnitOrACount) {
  EXPECT_FALSE(LoansLendingIdsFor("county", kVillage, 1).ok());
  EXPECT_FALSE(LoansLendingIdsFor(kCounty, kVillage, 0).ok());
}

TEST(RepayableLoanIdsTest, DistinctPerIndexAndSetOfTheStoreWidthAndNoOtherSeedsPrefix) {
  auto a = RepayableLoanIdsFor(kCounty, "R", 7);
  auto b = RepayableLoanIdsFor(kCounty, "R", 8);
  auto other_set = RepayableLoanIdsFor(kCounty, "S", 7);
  ASSERT_TRUE(a.ok() && b.ok() && other_set.ok());
  EXPECT_EQ(a->loan_id, "01BRR" + std::string(kCounty).substr(13) + "00000007");
  EXPECT_EQ(a->bank_reference, "BENCH-REPAY-R-00000007");
  for (const std::string& id : {a->loan_id, a->borrower_id, a->credit_line_id, a->application_id}) {
    EXPECT_EQ(id.size(), 26u);
    EXPECT_NE(id.substr(0, 7), "01BENCH");  // the bulk loads' rows, which their cleanups delete
  }
  EXPECT_EQ(std::set<std::string>({a->loan_id, a->borrower_id, a->credit_line_id, a->application_id}).size(), 4u);
  EXPECT_NE(a->loan_id, b->loan_id);
  EXPECT_NE(a->loan_id, other_set->loan_id);
  EXPECT_NE(a->bank_reference, other_set->bank_reference);
  EXPECT_FALSE(RepayableLoanIdsFor(kCounty, "RS", 0).ok());
  EXPECT_FALSE(RepayableLoanIdsFor("county", "R", 0).ok());
}

TEST(RunSeedTest, UnknownSeedsAndBadArgumentsWriteNothing) {
  Databases databases(RawDbOptions{});  // no credentials: any write would fail differently
  EXPECT_EQ(RunSeed("loans_everything", "{}", databases).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RunSeed("loans_lending", "not json", databases).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RunSeed("loans_lending", R"({"county": "units/x"})", databases).status().code(),
            absl::StatusCode::kInvalidArgument);
  const std::string repayable =
      absl::StrCat(R"({"county": "units/)", kCounty, R"(", "bank": "units/)", kVillage, R"(", )");
  // No townships; villages not matching the townships; too many loans.
  EXPECT_EQ(RunSeed("loans_repayable", repayable + R"("villages": []})", databases).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RunSeed("loans_repayable",
                    absl::StrCat(repayable, R"("townships": ["units/)", kVillage, R"("], "villages": []})"), databases)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RunSeed("loans_repayable",
                    absl::StrCat(repayable, R"("townships": ["units/)", kVillage, R"("], "villages": ["units/)",
                                 kVillage, R"("], "loans": 0})"),
                    databases)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace huinong::bench
