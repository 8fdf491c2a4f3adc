#include "common/core/ttl_cache.h"

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"

namespace huinong {
namespace {

class TtlCacheTest : public ::testing::Test {
 protected:
  absl::Time now_ = absl::FromUnixSeconds(1'800'000'000);
  TtlCache<std::string>::Clock clock_ = [this] { return now_; };
};

TEST_F(TtlCacheTest, AnEntryIsServedUntilItsTtlAndNeverAfter) {
  TtlCache<std::string> cache(absl::Seconds(5), 10, clock_);
  cache.Put("a", "/1/", cache.Take());
  now_ += absl::Seconds(4) + absl::Milliseconds(999);
  EXPECT_EQ(cache.Find("a"), "/1/");
  now_ += absl::Milliseconds(1);
  EXPECT_EQ(cache.Find("a"), std::nullopt);
}

TEST_F(TtlCacheTest, AnEntryExpiresTtlAfterItsLoadBeganNotAfterItEnded) {
  TtlCache<std::string> cache(absl::Seconds(30), 10, clock_);
  const auto ticket = cache.Take();
  now_ += absl::Seconds(10);  // a slow load (svc-org paged for an auditor's subtree)
  cache.Put("u", "subtree", ticket);
  now_ += absl::Seconds(19);
  EXPECT_EQ(cache.Find("u"), "subtree");
  now_ += absl::Seconds(1);
  EXPECT_EQ(cache.Find("u"), std::nullopt);
}

TEST_F(TtlCacheTest, ALoadThatRanDuringAnInvalidationIsNotStored) {
  TtlCache<std::string> cache(absl::Seconds(5), 10, clock_);
  const auto before = cache.Take();
  cache.Invalidate("a");  // a writer committed while the load was running
  cache.Put("a", "stale", before);
  EXPECT_EQ(cache.Find("a"), std::nullopt);
  cache.Put("a", "fresh", cache.Take());
  EXPECT_EQ(cache.Find("a"), "fresh");
}

TEST_F(TtlCacheTest, InvalidateDropsOneKeyAndInvalidateAllEveryKey) {
  TtlCache<int> cache(absl::Seconds(5), 10, clock_);
  cache.Put("a", 1, cache.Take());
  cache.Put("b", 2, cache.Take());
  cache.Invalidate("a");
  EXPECT_EQ(cache.Find("a"), std::nullopt);
  EXPECT_EQ(cache.Find("b"), 2);
  cache.InvalidateAll();
  EXPECT_EQ(cache.size(), 0u);
}

TEST_F(TtlCacheTest, StaysWithinItsBoundDroppingExpiredThenSoonestToExpire) {
  TtlCache<int> cache(absl::Seconds(10), 4, clock_);
  for (int i = 0; i < 4; ++i) {
    cache.Put(std::to_string(i), i, cache.Take());
    now_ += absl::Seconds(1);
  }
  cache.Put("new", 9, cache.Take());  // full: the two oldest go
  EXPECT_LE(cache.size(), 4u);
  EXPECT_EQ(cache.Find("0"), std::nullopt);
  EXPECT_EQ(cache.Find("3"), 3);
  EXPECT_EQ(cache.Find("new"), 9);
  for (int i = 0; i < 1000; ++i) cache.Put(absl::StrCat("k", i), i, cache.Take());
  EXPECT_LE(cache.size(), 4u);
}

TEST_F(TtlCacheTest, GetOrLoadLoadsOnceWithinTheTtlAndNeverStoresAFailure) {
  TtlCache<int> cache(absl::Seconds(5), 10, clock_);
  int loads = 0;
  auto load = [&]() -> absl::StatusOr<int> { return ++loads; };
  EXPECT_EQ(*cache.GetOrLoad("a", load), 1);
  EXPECT_EQ(*cache.GetOrLoad("a", load), 1);
  now_ += absl::Seconds(5);
  EXPECT_EQ(*cache.GetOrLoad("a", load), 2);
  auto fail = []() -> absl::StatusOr<int> { return absl::UnavailableError("down"); };
  EXPECT_FALSE(cache.GetOrLoad("b", fail).ok());
  EXPECT_EQ(cache.Find("b"), std::nullopt);
}

}  // namespace
}  // namespace huinong
