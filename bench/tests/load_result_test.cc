// Percentiles, merging of per-worker shards and the reported main failure.
#include "bench/load_result.h"

#include <gtest/gtest.h>

namespace huinong::bench {
namespace {

TEST(SummarizeTest, NearestRankOverAThousandSamples) {
  std::vector<int64_t> ns;
  for (int i = 1000; i >= 1; --i) ns.push_back(i * 1000);  // 1..1000 us, unsorted
  LatencySummary s = Summarize(ns);
  EXPECT_EQ(s.count, 1000);
  EXPECT_DOUBLE_EQ(s.p50_us, 500);
  EXPECT_DOUBLE_EQ(s.p90_us, 900);
  EXPECT_DOUBLE_EQ(s.p99_us, 990);
  EXPECT_DOUBLE_EQ(s.p999_us, 999);
  EXPECT_DOUBLE_EQ(s.max_us, 1000);
  EXPECT_DOUBLE_EQ(s.mean_us, 500.5);
}

TEST(SummarizeTest, OneSampleIsEveryPercentile) {
  std::vector<int64_t> ns = {2500};
  LatencySummary s = Summarize(ns);
  EXPECT_DOUBLE_EQ(s.p50_us, 2.5);
  EXPECT_DOUBLE_EQ(s.p999_us, 2.5);
  EXPECT_DOUBLE_EQ(s.max_us, 2.5);
}

TEST(SummarizeTest, EmptyIsZero) {
  std::vector<int64_t> ns;
  LatencySummary s = Summarize(ns);
  EXPECT_EQ(s.count, 0);
  EXPECT_EQ(s.p99_us, 0);
}

TEST(MergeTest, CountsCallsAndFailuresByCodeAcrossShards) {
  std::vector<Shard> shards(2);
  shards[0].Record(0, 1000, "");
  shards[0].Record(0, 3000, "");
  shards[0].Record(12, 10, "Method not found: CheckCapability");
  shards[1].Record(0, 2000, "");
  shards[1].Record(12, 10, "second message is not kept");
  shards[1].Record(16, 10, "bad token");
  LoadResult r = Merge("x", 2.0, shards);
  EXPECT_EQ(r.ok, 3);
  EXPECT_DOUBLE_EQ(r.calls_per_s(), 1.5);
  EXPECT_EQ(r.error_count(), 3);
  EXPECT_EQ(r.errors.at("UNIMPLEMENTED"), 2);
  EXPECT_EQ(r.errors.at("UNAUTHENTICATED"), 1);
  EXPECT_EQ(r.MainError(), "UNIMPLEMENTED: Method not found: CheckCapability");
  EXPECT_DOUBLE_EQ(r.latency.p50_us, 2);
}

TEST(MergeTest, ItemsPerCallScalesThroughput) {
  std::vector<Shard> shards(1);
  for (int i = 0; i < 10; ++i) shards[0].Record(0, 1000, "");
  LoadResult r = Merge("batch", 5.0, shards);
  r.items_per_call = 100;
  EXPECT_DOUBLE_EQ(r.calls_per_s(), 2);
  EXPECT_DOUBLE_EQ(r.items_per_s(), 200);
  EXPECT_EQ(r.MainError(), "");
}

TEST(CodeNameTest, NamesEveryCanonicalCode) {
  EXPECT_STREQ(CodeName(0), "OK");
  EXPECT_STREQ(CodeName(12), "UNIMPLEMENTED");
  EXPECT_STREQ(CodeName(16), "UNAUTHENTICATED");
  EXPECT_STREQ(CodeName(99), "UNKNOWN");
}

}  // namespace
}  // namespace huinong::bench

namespace huinong::bench {
namespace {

TEST(PoolTest, AddsWindowsAndSummarizesAllSamplesTogether) {
  std::vector<Shard> a(1), b(1);
  for (int i = 1; i <= 100; ++i) a[0].Record(0, i * 1000, "");  // 1..100 us over 1 s
  for (int i = 101; i <= 200; ++i) b[0].Record(0, i * 1000, "");  // 101..200 us over 3 s
  b[0].Record(14, 5, "down");
  LoadResult pooled = Pool({Merge("m", 1.0, a), Merge("m", 3.0, b)});
  EXPECT_EQ(pooled.ok, 200);
  EXPECT_DOUBLE_EQ(pooled.window_s, 4.0);
  EXPECT_DOUBLE_EQ(pooled.calls_per_s(), 50);
  EXPECT_DOUBLE_EQ(pooled.latency.p50_us, 100);
  EXPECT_DOUBLE_EQ(pooled.latency.p99_us, 198);
  EXPECT_DOUBLE_EQ(pooled.latency.max_us, 200);
  EXPECT_EQ(pooled.errors.at("UNAVAILABLE"), 1);
  EXPECT_EQ(pooled.label, "m");
}

}  // namespace
}  // namespace huinong::bench
