// The closed loop's window: warm-up excluded, count mode exact, duration
// mode the configured length, hooks at the boundaries, failures by code.
#include <atomic>

#include <gtest/gtest.h>

#include "absl/time/clock.h"
#include "bench/blocking_load.h"

namespace huinong::bench {
namespace {

TEST(BlockingLoadTest, CountModeRecordsExactlyCountCalls) {
  LoopOptions o;
  o.concurrency = 3;
  o.warmup = absl::ZeroDuration();
  o.count = 50;
  std::atomic<int> calls{0};
  LoadResult r = RunBlockingLoad("count", o, [&](int) {
    ++calls;
    absl::SleepFor(absl::Microseconds(200));
    return absl::OkStatus();
  });
  EXPECT_EQ(r.ok, 50);
  EXPECT_GE(calls.load(), 50);
  EXPECT_LE(calls.load(), 50 + 3);  // at most one extra in flight per worker
  EXPECT_GT(r.window_s, 0);
}

TEST(BlockingLoadTest, DurationModeExcludesWarmupAndRunsHooksOnce) {
  LoopOptions o;
  o.concurrency = 2;
  o.warmup = absl::Milliseconds(100);
  o.duration = absl::Milliseconds(300);
  int starts = 0, ends = 0;
  int64_t started_ns = 0, ended_ns = 0;
  o.on_window_start = [&] { ++starts; started_ns = MonotonicNanos(); };
  o.on_window_end = [&] { ++ends; ended_ns = MonotonicNanos(); };
  std::atomic<int> calls{0};
  LoadResult r = RunBlockingLoad("duration", o, [&](int) {
    ++calls;
    absl::SleepFor(absl::Milliseconds(5));
    return absl::OkStatus();
  });
  EXPECT_EQ(starts, 1);
  EXPECT_EQ(ends, 1);
  EXPECT_NEAR(r.window_s, 0.3, 1e-9);
  EXPECT_NEAR(static_cast<double>(ended_ns - started_ns) / 1e9, 0.3, 0.05);
  // Two workers at ~5 ms a call for 0.3 s: about 120 recorded, the warm-up's not.
  EXPECT_GT(r.ok, 60);
  EXPECT_LT(r.ok, 125);
  EXPECT_LT(r.ok, calls.load());
  EXPECT_GE(r.latency.p50_us, 5000);
}

TEST(BlockingLoadTest, FailuresAreCountedByCodeNotAsThroughput) {
  LoopOptions o;
  o.concurrency = 1;
  o.warmup = absl::ZeroDuration();
  o.count = 10;
  int n = 0;
  LoadResult r = RunBlockingLoad("errors", o, [&](int) {
    return ++n % 2 == 0 ? absl::AbortedError("deadlock") : absl::OkStatus();
  });
  EXPECT_EQ(r.ok, 5);
  EXPECT_EQ(r.errors.at("ABORTED"), 5);
  EXPECT_EQ(r.MainError(), "ABORTED: deadlock");
}

}  // namespace
}  // namespace huinong::bench
