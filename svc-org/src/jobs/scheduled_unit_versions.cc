// See scheduled_unit_versions.h.
#include "svc-org/src/jobs/scheduled_unit_versions.h"

#include "common/core/log.h"
#include "svc-org/src/app/org_identity.h"
#include "svc-org/src/app/unit_writes.h"

namespace huinong::org {
namespace {

constexpr int kBatch = 100;

}  // namespace

ScheduledUnitVersions::~ScheduledUnitVersions() { Stop(); }

absl::StatusOr<int> ScheduledUnitVersions::ApplyDue(absl::CivilDay today) {
  int total = 0;
  for (;;) {
    int applied = 0;
    const absl::Status s = pool_.Transact([&](sql::Connection& conn) -> absl::Status {
      server::Mutation m(conn, SystemActor(), "ScheduledUnitChange", "", OrgIdentity(), *clock_, false);
      absl::StatusOr<int> n = ApplyDueUnitVersions(m, today, kBatch);
      if (!n.ok()) return n.status();
      applied = *n;
      return absl::OkStatus();
    });
    if (!s.ok()) return s;
    total += applied;
    if (applied < kBatch) return total;
  }
}

void ScheduledUnitVersions::RunOnce() {
  absl::StatusOr<int> n = ApplyDue(clock_->Today());
  if (!n.ok()) {
    // The next round tries again; a version the rules refuse is dropped by
    // TakeEffect, so only a database failure gets here.
    log::Warn("scheduled unit versions not applied", {{"error", std::string(n.status().message())}});
  } else if (*n > 0) {
    log::Info("scheduled unit versions handled", {{"count", std::to_string(*n)}});
  }
}

absl::Status ScheduledUnitVersions::Start() {
  RunOnce();  // never holds up the start: the thread keeps trying
  thread_ = std::thread([this] {
    while (!stop_.WaitForNotificationWithTimeout(interval_)) RunOnce();
  });
  return absl::OkStatus();
}

void ScheduledUnitVersions::Stop() {
  if (!thread_.joinable()) return;
  stop_.Notify();
  thread_.join();
}

}  // namespace huinong::org
