// See periodic_task.h.
#include "common/core/periodic_task.h"

#include <utility>

namespace huinong {

PeriodicTask::~PeriodicTask() { Stop(); }

void PeriodicTask::Start(absl::Duration interval, std::function<void()> run) {
  thread_ = std::thread([this, interval, run = std::move(run)] {
    do {
      run();
    } while (!stop_.WaitForNotificationWithTimeout(interval));
  });
}

void PeriodicTask::Stop() {
  if (!thread_.joinable()) return;
  stop_.Notify();
  thread_.join();
}

}  // namespace huinong
