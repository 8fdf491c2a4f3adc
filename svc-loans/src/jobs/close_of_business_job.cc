// See close_of_business_job.h.
#include "svc-loans/src/jobs/close_of_business_job.h"

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/log.h"
#include "common/core/replica_name.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/app/loans_identity.h"
#include "svc-loans/src/app/reports.h"
#include "svc-loans/src/store/close_of_business_store.h"

namespace huinong::loans {
namespace {

std::string CountyName(const std::string& id) { return absl::StrCat("units/", id); }

// The row of a county locked in a batch's transaction, checked to be this
// job's lease and at the expected place (`date` next to close, resumed
// after `after_id`): anything else means another replica moved it.
absl::StatusOr<store::CobProgress> LockOwnProgress(sql::Connection& conn, const std::string& county_id,
                                                   const std::string& holder, absl::CivilDay date,
                                                   const std::string& after_id) {
  ASSIGN_OR_RETURN(std::optional<store::CobProgress> p, store::LoadProgress(conn, county_id, /*lock=*/true));
  if (!p || p->lease_holder != holder || !p->lease_live) {
    return rpc::Aborted("LEASE_LOST", absl::StrCat("the close-of-business lease of ", CountyName(county_id),
                                                   " lapsed and another replica may hold it; run again"));
  }
  const bool at_date = (!p->last_closed_date || *p->last_closed_date < date) &&
                       (p->working_date ? *p->working_date == date && p->last_loan_id == after_id : after_id.empty());
  if (!at_date) {
    return rpc::Aborted("LEASE_LOST", absl::StrCat("the close of business of ", CountyName(county_id),
                                                   " moved under this run; run again"));
  }
  return *std::move(p);
}

}  // namespace

CloseOfBusinessJob::CloseOfBusinessJob(db::DbPool& pool, std::shared_ptr<const BusinessClock> clock,
                                       CobSettings settings, CobRecorders recorders, CobMetrics* metrics)
    : pool_(pool), clock_(std::move(clock)), settings_(std::move(settings)), recorders_(std::move(recorders)),
      metrics_(metrics) {
  if (settings_.holder.empty()) settings_.holder = ReplicaName();
  if (settings_.batch_size <= 0) settings_.batch_size = 500;
}

CloseOfBusinessJob::~CloseOfBusinessJob() { Stop(); }

absl::StatusOr<CobRun> CloseOfBusinessJob::RunThrough(const std::string& county_id, absl::CivilDay through,
                                                      const std::string& field) {
  const absl::CivilDay last = LastClosableDate(clock_->Today());
  if (through > last) {
    return rpc::InvalidField(field, absl::StrCat("at most ", absl::FormatCivilTime(last),
                                                 ", the day before the county's business date (a date closes "
                                                 "once it is over)"));
  }
  if (!run_mu_.TryLock()) {
    return rpc::Aborted("COB_RUNNING", absl::StrCat("this replica is closing ", CountyName(county_id),
                                                    " or another county already; retry after it"));
  }
  const absl::Cleanup unlock = [this]() ABSL_NO_THREAD_SAFETY_ANALYSIS { run_mu_.Unlock(); };
  const absl::Time start = clock_->Now();
  bool taken = false;
  RETURN_IF_ERROR(pool_.Transact([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(taken, store::TakeLease(conn, county_id, settings_.holder, settings_.lease_ttl, start));
    return absl::OkStatus();
  }));
  if (!taken) {
    return rpc::Aborted("COB_RUNNING", absl::StrCat("another replica is closing ", CountyName(county_id),
                                                    "; its lease lapses within ",
                                                    absl::FormatDuration(settings_.lease_ttl), " if it died"));
  }
  CobRun run;
  run.county_id = county_id;
  absl::StatusOr<CobRun> done = Work(county_id, through, run);
  const absl::Time end = clock_->Now();
  const int64_t loans = done.ok() ? done->loans_processed : 0;
  const absl::Status released = pool_.Transact([&](sql::Connection& conn) {
    return store::ReleaseLease(conn, county_id, settings_.holder, end, loans);
  });
  if (!released.ok()) log::Warn("close-of-business lease not released", {{"error", std::string(released.message())}});
  if (!done.ok()) return done.status();
  done->elapsed = end - start;
  if (metrics_ != nullptr) metrics_->ObserveRun(county_id, done->loans_processed, done->elapsed);
  return done;
}

absl::StatusOr<CobRun> CloseOfBusinessJob::Work(const std::string& county_id, absl::CivilDay through, CobRun run) {
  std::optional<store::CobProgress> progress;
  RETURN_IF_ERROR(pool_.Read([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(progress, store::LoadProgress(conn, county_id, false));
    return absl::OkStatus();
  }));
  // A date begun by a run that died is the first to finish.
  std::optional<absl::CivilDay> last_closed = progress ? progress->last_closed_date : std::nullopt;
  if (progress && progress->working_date && !last_closed) last_closed = *progress->working_date - 1;
  for (const absl::CivilDay date : DatesToClose(last_closed, through)) {
    RETURN_IF_ERROR(CloseDate(county_id, date, run));
    ++run.dates_closed;
  }
  return run;
}

absl::Status CloseOfBusinessJob::CloseDate(const std::string& county_id, absl::CivilDay date, CobRun& run) {
  ClosingTerms terms;
  std::string after_id;
  RETURN_IF_ERROR(pool_.Read([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(terms, ClosingTermsOn(conn, county_id, date));
    ASSIGN_OR_RETURN(const std::optional<store::CobProgress> p, store::LoadProgress(conn, county_id, false));
    after_id = p && p->working_date == date ? p->last_loan_id : "";
    return absl::OkStatus();
  }));
  for (int batch = 1;; ++batch) {
    BatchOutcome outcome;
    bool closed = false;
    const absl::Status committed = pool_.Transact([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(store::CobProgress p, LockOwnProgress(conn, county_id, settings_.holder, date, after_id));
      server::Mutation m(conn, LoansSystemActor(), "CloseOfBusiness", "", LoansIdentity(), *clock_, false);
      ASSIGN_OR_RETURN(outcome,
                       CloseLoanBatch(m, county_id, date, terms, after_id, settings_.batch_size, recorders_));
      closed = outcome.active < settings_.batch_size;
      if (closed) {  // the last batch: the townships, and the date is closed
        RETURN_IF_ERROR(MeasureCountyTownships(m, county_id, recorders_));
        p.last_closed_date = date;
        p.working_date.reset();
        p.last_loan_id.clear();
        p.loans_done = 0;
      } else {
        p.working_date = date;
        p.last_loan_id = outcome.last_loan_id;
        p.loans_done += outcome.loans;
      }
      if (batch_hook_) RETURN_IF_ERROR(batch_hook_(county_id, date, batch));
      return store::SaveProgress(conn, p, settings_.lease_ttl);
    });
    RETURN_IF_ERROR(committed);
    run.loans_processed += outcome.loans;
    if (closed) {
      // Best effort: a report not stored now is computed when asked for.
      const absl::Status stored = pool_.Transact([&](sql::Connection& conn) {
        return StorePeriodReports(conn, county_id, date, clock_->zone(), clock_->Now());
      });
      if (!stored.ok()) {
        log::Warn("lending report not stored", {{"county", county_id},
                                                {"date", absl::FormatCivilTime(date)},
                                                {"error", std::string(stored.message())}});
      }
      return absl::OkStatus();
    }
    after_id = outcome.last_loan_id;
  }
}

absl::Status CloseOfBusinessJob::CatchUp() {
  std::vector<std::string> counties;
  RETURN_IF_ERROR(pool_.Read([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(counties, store::CountiesToClose(conn));
    return absl::OkStatus();
  }));
  absl::Status first = absl::OkStatus();
  for (const std::string& county : counties) {
    const absl::StatusOr<CobRun> run = RunThrough(county, LastClosableDate(clock_->Today()));
    if (run.ok()) {
      if (run->dates_closed > 0) {
        log::Info("close of business", {{"county", county},
                                        {"dates", std::to_string(run->dates_closed)},
                                        {"loans", std::to_string(run->loans_processed)}});
      }
    } else if (rpc::ReasonOf(run.status()) != "COB_RUNNING" && first.ok()) {
      first = run.status();
    }
  }
  return first;
}

void CloseOfBusinessJob::RunRound() {
  const absl::Status s = CatchUp();
  if (!s.ok()) log::Warn("close of business not caught up", {{"error", std::string(s.message())}});
}

void CloseOfBusinessJob::Start(absl::Duration interval) {
  rhythm_.Start(interval, [this] { RunRound(); });
}

void CloseOfBusinessJob::Stop() { rhythm_.Stop(); }

}  // namespace huinong::loans
