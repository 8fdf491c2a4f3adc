// A background job's rhythm: run a task now and then every `interval` on a
// thread of its own, until Stop. The services' jobs (svc-tickets' SLA
// scanner and unit-path sync, svc-loans' close of business) each own one.
//
// Guarantees: runs never overlap (one thread); Stop wakes the wait at once,
// lets a run under way finish, and joins; Stop without Start, or twice, is a
// no-op; the destructor stops. What a failed run means is the task's to say
// (log it, count it): the next run comes on time regardless.
#pragma once

#include <functional>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace huinong {

class PeriodicTask {
 public:
  PeriodicTask() = default;
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  // At most once per PeriodicTask.
  void Start(absl::Duration interval, std::function<void()> run);
  void Stop();

 private:
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace huinong
