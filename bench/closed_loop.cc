#include "bench/closed_loop.h"

#include <time.h>

#include <limits>

#include "absl/time/clock.h"

namespace huinong::bench {

int64_t MonotonicNanos() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

namespace {

void SleepUntil(int64_t deadline_ns) {
  for (int64_t now = MonotonicNanos(); now < deadline_ns; now = MonotonicNanos()) {
    absl::SleepFor(absl::Nanoseconds(deadline_ns - now));
  }
}

}  // namespace

Window::Window(const LoopOptions& options) : options_(options) {}

void Window::Begin() {
  start_ns_ = MonotonicNanos() + absl::ToInt64Nanoseconds(options_.warmup);
  end_ns_ = options_.count > 0 ? std::numeric_limits<int64_t>::max()
                               : start_ns_ + absl::ToInt64Nanoseconds(options_.duration);
}

bool Window::Record(int64_t end_ns) {
  if (end_ns < start_ns_ || closed_.load(std::memory_order_relaxed)) return false;
  if (options_.count <= 0) return end_ns < end_ns_;
  const int64_t n = measured_.fetch_add(1) + 1;
  if (n > options_.count) return false;
  if (n == options_.count) {
    closed_at_ns_ = end_ns;
    closed_ = true;
    count_reached_.Notify();
  }
  return true;
}

bool Window::KeepGoing(int64_t now_ns) const {
  return !closed_.load(std::memory_order_relaxed) && now_ns < end_ns_;
}

void Window::RunWindow() {
  SleepUntil(start_ns_);
  if (options_.on_window_start) options_.on_window_start();
  if (options_.count > 0) {
    count_reached_.WaitForNotification();
  } else {
    SleepUntil(end_ns_);
  }
  if (options_.on_window_end) options_.on_window_end();
}

double Window::seconds() const {
  const int64_t end = options_.count > 0 ? closed_at_ns_.load() : end_ns_;
  return static_cast<double>(end - start_ns_) / 1e9;
}

}  // namespace huinong::bench
