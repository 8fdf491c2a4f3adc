// Tests of ULID generation: shape, uniqueness under concurrency, order.
#include "common/core/ids.h"

#include <algorithm>
#include <set>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace huinong {
namespace {

TEST(CoreUlid, ShapeAndTime) {
  const absl::Time before = absl::Now();
  const std::string id = NewUlid();
  const absl::Time after = absl::Now();
  ASSERT_EQ(id.size(), 26u);
  EXPECT_TRUE(IsUlid(id)) << id;
  EXPECT_EQ(id.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ"), std::string::npos);
  const auto t = UlidTime(id);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_GE(*t, absl::FromUnixMillis(absl::ToUnixMillis(before)));
  EXPECT_LE(*t, after);
}

TEST(CoreUlid, KnownEncoding) {
  // The ULID spec's example timestamp 1469918176385 ms encodes as 01ARYZ6S41.
  const auto t = UlidTime("01ARYZ6S41TSV4RRFFQ69G5FAV");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(absl::ToUnixMillis(*t), 1469918176385);
}

TEST(CoreUlid, IsUlidRejectsMalformed) {
  EXPECT_FALSE(IsUlid(""));
  EXPECT_FALSE(IsUlid("01ARYZ6S41TSV4RRFFQ69G5FA"));    // 25 chars
  EXPECT_FALSE(IsUlid("01ARYZ6S41TSV4RRFFQ69G5FAVX"));  // 27 chars
  EXPECT_FALSE(IsUlid("01ARYZ6S41TSV4RRFFQ69G5FAU"));   // U is not Crockford
  EXPECT_FALSE(IsUlid("01ARYZ6S41TSV4RRFFQ69G5FAI"));   // nor I
  EXPECT_FALSE(IsUlid("01aryz6s41tsv4rrffq69g5fav"));   // lower case
  EXPECT_FALSE(IsUlid("81ARYZ6S41TSV4RRFFQ69G5FAV"));   // over 128 bits
  EXPECT_TRUE(IsUlid("7ZZZZZZZZZZZZZZZZZZZZZZZZZ"));
  EXPECT_EQ(UlidTime("not-a-ulid").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(CoreUlid, StrictlyIncreasingWithinOneThread) {
  std::string last = NewUlid();
  for (int n = 0; n < 100000; ++n) {
    std::string next = NewUlid();
    ASSERT_LT(last, next) << "at " << n;
    last = std::move(next);
  }
}

TEST(CoreUlid, UniqueAcrossFourThreadsAndOrderedPerThread) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25000;  // 100k in all
  std::vector<std::vector<std::string>> ids(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&ids, t] {
      ids[t].reserve(kPerThread);
      for (int n = 0; n < kPerThread; ++n) ids[t].push_back(NewUlid());
    });
  }
  for (std::thread& th : threads) th.join();
  std::set<std::string> all;
  for (const auto& list : ids) {
    EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
    for (const std::string& id : list) {
      ASSERT_EQ(id.size(), 26u);
      all.insert(id);
    }
  }
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
}

TEST(CoreUlid, LaterIdsSortAfterEarlierAcrossMilliseconds) {
  const std::string first = NewUlid();
  absl::SleepFor(absl::Milliseconds(3));
  const std::string second = NewUlid();
  EXPECT_LT(first, second);
  EXPECT_GT(*UlidTime(second), *UlidTime(first));
  // A new millisecond draws fresh randomness: the random part is not just +1.
  EXPECT_NE(first.substr(10), second.substr(10));
}

}  // namespace
}  // namespace huinong
