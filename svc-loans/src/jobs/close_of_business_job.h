// The close-of-business job's runner (issue 11 item 1; docs/servicing.md
// "Close of business"): for a county, each business date from the day
// after its last closed date through `through`, in order; for each date,
// the county's ACTIVE loans (and those settled or written off since) in
// batches (keyset by id, one transaction per batch: app/close_of_business.h
// CloseLoanBatch), its townships measured and the date closed in the last
// batch's transaction; a date that ends a
// month or a quarter then has its lending report computed and stored
// (app/reports.h StorePeriodReports). In the background
// (Start) it catches every county up to yesterday every `interval`.
//
// One replica at a time per county, by a LEASE WITH AN EXPIRY in the
// county's progress row (store/close_of_business_store.h): a run takes the
// lease (nobody holds it, it lapsed, or it is this job's), and every batch
// locks the row, checks this job still holds it and extends it, in the
// batch's own transaction — so a replica that lost its lease (paused past
// the expiry) cannot write a batch (ABORTED LEASE_LOST). A replica killed
// halfway holds no lock (its open transaction dies with its connection);
// its lease lapses after `lease_ttl` and the next run resumes after the
// last loan whose batch committed (the row's working_date and
// last_loan_id). A lease rather than a lock held for the whole run: the
// run spans many transactions, and the lease survives none of them.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "common/core/periodic_task.h"
#include "common/db/pool.h"
#include "svc-loans/src/app/close_of_business.h"
#include "svc-loans/src/jobs/close_of_business_metrics.h"

namespace huinong::loans {

struct CobSettings {
  int batch_size = 500;                      // loans per transaction
  absl::Duration lease_ttl = absl::Seconds(60);  // a silent holder's lease lapses after this
  std::string holder;                        // this replica's name in the lease; empty: host:pid:random
};

// What one run did, and the county's progress after it.
struct CobRun {
  std::string county_id;
  int dates_closed = 0;
  int64_t loans_processed = 0;  // each date counts its loans
  absl::Duration elapsed;
};

class CloseOfBusinessJob {
 public:
  CloseOfBusinessJob(db::DbPool& pool, std::shared_ptr<const BusinessClock> clock, CobSettings settings,
                     CobRecorders recorders, CobMetrics* metrics);
  ~CloseOfBusinessJob();
  CloseOfBusinessJob(const CloseOfBusinessJob&) = delete;
  CloseOfBusinessJob& operator=(const CloseOfBusinessJob&) = delete;

  // Closes the county's dates through `through`. INVALID_ARGUMENT naming
  // `field` when `through` is after the last closable date (yesterday of
  // the business clock); ABORTED COB_RUNNING when another replica holds
  // the lease, or this replica is running already (its schedule and an RPC
  // take turns); ABORTED LEASE_LOST when this run lost it. A failed run
  // gives its lease back (a killed one cannot: its lease lapses).
  absl::StatusOr<CobRun> RunThrough(const std::string& county_id, absl::CivilDay through,
                                    const std::string& field = "through");
  // Every county through yesterday; a county another replica is closing is
  // left to it. The first error is returned after every county was tried.
  absl::Status CatchUp();

  // CatchUp now and every `interval` on a thread of its own, until Stop.
  void Start(absl::Duration interval);
  void Stop();

  const BusinessClock& clock() const { return *clock_; }

  // Tests: called inside each batch's transaction before it commits (county,
  // date, batch number from 1); an error fails the batch, which rolls back.
  using BatchHook = std::function<absl::Status(const std::string&, absl::CivilDay, int)>;
  void SetBatchHookForTest(BatchHook hook) { batch_hook_ = std::move(hook); }

 private:
  absl::StatusOr<CobRun> Work(const std::string& county_id, absl::CivilDay through, CobRun run);
  absl::Status CloseDate(const std::string& county_id, absl::CivilDay date, CobRun& run);
  void RunRound();

  db::DbPool& pool_;
  std::shared_ptr<const BusinessClock> clock_;
  CobSettings settings_;
  CobRecorders recorders_;
  CobMetrics* metrics_;
  BatchHook batch_hook_;
  absl::Mutex run_mu_;  // one run at a time in this replica (they share the holder name)
  PeriodicTask rhythm_;  // last: stopped before the members its runs use
};

}  // namespace huinong::loans
