// The SLA scanner (issue 12 item 5): one replica at a time (a lease row,
// database time) reads the tickets whose next check has come
// (ticket_deadlines, an index on the next deadline — so a pass costs the
// clocks falling due, not the open tickets), and for each, in its own
// transaction under the ticket's row lock:
//   brings its clocks up to date (app/ticket_clocks.h);
//   marks each clock at risk, then breached, once per round — a timeline
//   entry, an audit event and a metric each;
//   records an open promise whose time passed as missed (PROMISE_BREACHED);
//   on a breach, when the policy says so, escalates the ticket one level
//   up svc-org's chain (ChangeTicket as the scanner: the etag a person
//   holds stays valid, the table still decides) — once, then not again
//   until a person has acted on the ticket at the level it reached.
// Marks are kept with the clock and read under the ticket's lock, so two
// replicas that both scan (a lapsed lease) still mark and escalate once.
// A ticket the scanner cannot escalate (top level, nobody at the level, a
// unit gone) keeps its breach mark and is not escalated automatically; the
// reason is logged. A ticket whose scan fails (svc-org unreachable, its unit
// gone) is logged, counted (huinong_tickets_scanner_failures_total) and
// checked again five minutes later, so it never holds up the others.
#pragma once

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "common/core/periodic_task.h"
#include "common/db/pool.h"
#include "common/org_directory/org_view.h"
#include "svc-tickets/src/app/ticket_change.h"
#include "svc-tickets/src/jobs/tickets_metrics.h"
#include "svc-tickets/src/store/clock_store.h"

namespace huinong::tickets {

struct ScannerSettings {
  int batch = 200;                               // tickets per pass at most
  absl::Duration lease_ttl = absl::Seconds(30);  // a silent holder's lease lapses after this
  std::string holder;                            // empty: host:pid:random
};

// Records the audit event of a clock's mark (the API layer's mapping).
using ClockMarkRecorder = std::function<absl::Status(server::Mutation& m, const Ticket& t,
                                                     const store::ClockRecord& clock)>;

struct ScanPass {
  bool leased = false;  // false: another replica holds the lease; nothing done
  int tickets = 0;      // tickets looked at
  int at_risk = 0;      // clocks marked
  int breached = 0;
  int escalated = 0;
  int failed = 0;  // tickets whose scan failed (checked again later)
};

class SlaScanner {
 public:
  SlaScanner(db::DbPool& pool, std::shared_ptr<const BusinessClock> clock, std::shared_ptr<OrgView> org,
             TicketRecorder record, ClockMarkRecorder record_mark, TicketsMetrics* metrics,
             ScannerSettings settings = {});
  ~SlaScanner();
  SlaScanner(const SlaScanner&) = delete;
  SlaScanner& operator=(const SlaScanner&) = delete;

  // One pass over the tickets due by now (at most `batch`).
  absl::StatusOr<ScanPass> RunOnce();
  // RunOnce now and every `interval` on a thread of its own, until Stop.
  void Start(absl::Duration interval);
  void Stop();

 private:
  absl::Status ScanTicket(const std::string& id, ScanPass& pass);

  db::DbPool& pool_;
  std::shared_ptr<const BusinessClock> clock_;
  std::shared_ptr<OrgView> org_;
  TicketRecorder record_;
  ClockMarkRecorder record_mark_;
  TicketsMetrics* metrics_;
  ScannerSettings settings_;
  PeriodicTask rhythm_;  // last: stopped before the members its runs use
};

}  // namespace huinong::tickets
