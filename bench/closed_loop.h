// The timing of a closed-loop load run, shared by the gRPC runner and the
// blocking (database, audit) runner: every worker issues its next call as
// soon as its previous one completes; calls completing during the warm-up are
// not recorded; the measured window is either a fixed duration or ends when a
// fixed count of calls has completed in it.
//
// Guarantees: Record/KeepGoing are safe from any thread; the hooks run on the
// thread that calls RunWindow, exactly at the window's start and end (so CPU
// and RSS samples taken there bracket the window, not the warm-up or drain).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace huinong::bench {

struct LoopOptions {
  int concurrency = 16;  // calls in flight at once (workers)
  int channels = 4;      // gRPC channels (TCP connections) the calls spread over
  absl::Duration warmup = absl::Seconds(2);
  absl::Duration duration = absl::Seconds(10);
  int64_t count = 0;     // > 0: the window ends after this many calls, not after `duration`
  absl::Duration call_timeout = absl::Seconds(10);
  std::function<void()> on_window_start;
  std::function<void()> on_window_end;
};

int64_t MonotonicNanos();

class Window {
 public:
  explicit Window(const LoopOptions& options);

  // Starts the clock: warm-up from now.
  void Begin();
  // A call completed at `end_ns`: true when it is inside the window and must
  // be recorded. In count mode the count-th such call closes the window.
  bool Record(int64_t end_ns);
  // Whether a worker should issue another call.
  bool KeepGoing(int64_t now_ns) const;
  // Blocks through warm-up and window, running the hooks at the boundaries.
  void RunWindow();
  double seconds() const;

 private:
  const LoopOptions& options_;
  int64_t start_ns_ = 0;
  int64_t end_ns_ = 0;
  std::atomic<int64_t> measured_{0};
  std::atomic<int64_t> closed_at_ns_{0};  // count mode: when the window closed
  std::atomic<bool> closed_{false};
  absl::Notification count_reached_;
};

}  // namespace huinong::bench
