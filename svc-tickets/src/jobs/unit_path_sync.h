// Keeps the unit paths stored for scope (store/unit_path_store.h) in step
// with svc-org's unit tree: a village moved to another township must show
// its tickets, customers and handovers under the new township's lists and
// reports, and no longer under the old one's.
//
// A pass reads every distinct path stored, asks svc-org (cached) for the
// current chain of the unit each path ends in, and rewrites each stale path
// in a transaction of its own. A unit svc-org does not answer for (gone,
// or svc-org unreachable) keeps its path until a later pass. Single reads
// never wait for it: they judge scope on the live chain already
// (app/ticket_access.h); lists and reports catch up within one interval
// plus svc-org's cache lifetime. Rewriting is idempotent, so replicas that
// pass at once do no harm (no lease). Not audited: the move is svc-org's
// change, audited there; this is derived data following it.
#pragma once

#include <cstdint>
#include <memory>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/core/periodic_task.h"
#include "common/db/pool.h"
#include "common/org_directory/org_view.h"
#include "svc-tickets/src/jobs/tickets_metrics.h"

namespace huinong::tickets {

struct PathSyncPass {
  int paths = 0;        // distinct paths stored
  int rewritten = 0;    // paths found stale and rewritten
  int64_t rows = 0;     // rows those rewrites changed
  int unresolved = 0;   // paths whose unit svc-org did not answer for
};

class UnitPathSync {
 public:
  UnitPathSync(db::DbPool& pool, std::shared_ptr<org_directory::OrgView> org, TicketsMetrics* metrics);

  absl::StatusOr<PathSyncPass> RunOnce();
  // RunOnce now and every `interval` until Stop (or destruction).
  void Start(absl::Duration interval);
  void Stop();

 private:
  db::DbPool& pool_;
  std::shared_ptr<org_directory::OrgView> org_;
  TicketsMetrics* metrics_;
  PeriodicTask rhythm_;  // last: stopped before the members its runs use
};

}  // namespace huinong::tickets
