// Brings the unit registry up to date with approved change requests dated
// in the future: at start and every `interval`, copies each scheduled unit
// version whose day has come into `units` (see api/unit_writes.h), in
// batches, each batch in one transaction with its audit events. Several
// replicas may run it: the due versions are read FOR UPDATE and marked as
// applied in the same transaction, so each is applied once.
#pragma once

#include <memory>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "common/db/pool.h"

namespace huinong::org {

class ScheduledUnitVersions {
 public:
  ScheduledUnitVersions(db::DbPool& pool, std::shared_ptr<const BusinessClock> clock, absl::Duration interval)
      : pool_(pool), clock_(std::move(clock)), interval_(interval) {}
  ~ScheduledUnitVersions();

  // Applies what is due now, then starts the thread. Never fails: a round
  // that fails is logged and the next one tries again.
  absl::Status Start();
  void Stop();
  // Applies every version due on `today` (a business day of the county);
  // returns how many (tests, start-up).
  absl::StatusOr<int> ApplyDue(absl::CivilDay today);

 private:
  void RunOnce();

  db::DbPool& pool_;
  std::shared_ptr<const BusinessClock> clock_;
  absl::Duration interval_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace huinong::org
