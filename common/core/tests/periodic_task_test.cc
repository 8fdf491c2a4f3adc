// PeriodicTask runs at once, then on its interval, and Stop ends it without
// waiting out the interval.
#include "common/core/periodic_task.h"

#include <atomic>

#include <gtest/gtest.h>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"

namespace huinong {
namespace {

TEST(PeriodicTask, RunsAtOnceThenOnItsIntervalAndStopsWithoutWaitingItOut) {
  std::atomic<int> runs{0};
  absl::Notification third;
  PeriodicTask task;
  task.Start(absl::Milliseconds(20), [&] {
    if (++runs == 3) third.Notify();
  });
  ASSERT_TRUE(third.WaitForNotificationWithTimeout(absl::Seconds(10)));
  task.Stop();
  const int at_stop = runs.load();
  EXPECT_GE(at_stop, 3);
  absl::SleepFor(absl::Milliseconds(100));
  EXPECT_EQ(runs.load(), at_stop);  // nothing runs after Stop
  task.Stop();                      // a second Stop is a no-op
}

TEST(PeriodicTask, StopDuringALongIntervalReturnsPromptly) {
  std::atomic<int> runs{0};
  PeriodicTask task;
  task.Start(absl::Hours(1), [&] { ++runs; });
  while (runs.load() == 0) absl::SleepFor(absl::Milliseconds(1));
  const absl::Time before = absl::Now();
  task.Stop();
  EXPECT_LT(absl::Now() - before, absl::Seconds(5));
  EXPECT_EQ(runs.load(), 1);
  PeriodicTask never_started;
  never_started.Stop();  // no thread to join: returns
}

}  // namespace
}  // namespace huinong
