// See sla_scanner.h.
#include "svc-tickets/src/jobs/sla_scanner.h"

#include "absl/strings/str_cat.h"
#include "common/core/log.h"
#include "common/core/replica_name.h"
#include "common/core/status_macros.h"
#include "common/db/pool.h"
#include "svc-tickets/src/app/ticket_clocks.h"
#include "svc-tickets/src/app/ticket_steps.h"
#include "svc-tickets/src/app/tickets_identity.h"
#include "svc-tickets/src/domain/promise.h"
#include "svc-tickets/src/store/ticket_store.h"

namespace huinong::tickets {
namespace {

constexpr absl::Duration kRetryAfter = absl::Minutes(5);

// A timeline entry of the scanner's, moving no state.
TicketActivity ScannerEntry(const server::Mutation& m, const Ticket& t, ActivityKind kind, std::string note) {
  TicketActivity a;
  a.ticket_id = t.id;
  a.kind = kind;
  a.actor = m.caller().subject;
  a.by_service = true;
  a.time = m.now();
  a.note = std::move(note);
  a.from_state = a.to_state = t.state;
  return a;
}

// svc-org or the database busy or away: worth trying the whole ticket again.
bool Transient(const absl::Status& s) {
  return absl::IsUnavailable(s) || absl::IsAborted(s) || absl::IsDeadlineExceeded(s) || db::IsRetryable(s);
}

}  // namespace

SlaScanner::SlaScanner(db::DbPool& pool, std::shared_ptr<const BusinessClock> clock, std::shared_ptr<OrgView> org,
                       TicketRecorder record, ClockMarkRecorder record_mark, TicketsMetrics* metrics,
                       ScannerSettings settings)
    : pool_(pool),
      clock_(std::move(clock)),
      org_(std::move(org)),
      record_(std::move(record)),
      record_mark_(std::move(record_mark)),
      metrics_(metrics),
      settings_(std::move(settings)) {
  if (settings_.holder.empty()) settings_.holder = ReplicaName();
  if (settings_.batch <= 0) settings_.batch = 200;
}

SlaScanner::~SlaScanner() { Stop(); }

absl::StatusOr<ScanPass> SlaScanner::RunOnce() {
  ScanPass pass;
  std::vector<std::string> due;
  RETURN_IF_ERROR(pool_.Transact([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(pass.leased, store::TakeScannerLease(conn, settings_.holder, settings_.lease_ttl));
    if (!pass.leased) return absl::OkStatus();
    ASSIGN_OR_RETURN(due, store::DueTickets(conn, clock_->Now(), settings_.batch));
    return absl::OkStatus();
  }));
  if (!pass.leased) return pass;
  for (const std::string& id : due) {
    const absl::Status s = ScanTicket(id, pass);
    if (s.ok()) continue;
    // Its next check moves on, so a ticket that fails every time (its unit
    // gone from svc-org) never holds up the clocks behind it.
    ++pass.failed;
    log::Warn("SLA scan of a ticket failed; checked again later",
              {{"ticket", id}, {"error", std::string(s.message())}, {"retry_in", absl::FormatDuration(kRetryAfter)}});
    RETURN_IF_ERROR(pool_.Transact([&](sql::Connection& conn) {
      return store::PostponeCheck(conn, id, clock_->Now() + kRetryAfter);
    }));
    if (metrics_ != nullptr) metrics_->ObserveFailure();
  }
  RETURN_IF_ERROR(pool_.Transact([&](sql::Connection& conn) {
    return store::ReleaseScannerLease(conn, settings_.holder);
  }));
  if (metrics_ != nullptr) metrics_->ObservePass(pass.tickets);
  return pass;
}

absl::Status SlaScanner::ScanTicket(const std::string& id, ScanPass& pass) {
  ScanPass here;
  std::vector<std::pair<Clock, bool>> marked;  // clock, breached
  Priority priority = Priority::kP4;
  const absl::Status s = pool_.Transact([&](sql::Connection& conn) -> absl::Status {
    here = ScanPass{};
    marked.clear();
    server::Mutation m(conn, ScannerActor(), "ScanSla", "", TicketsIdentity(), *clock_, false);
    ASSIGN_OR_RETURN(std::optional<Ticket> found, store::LockTicket(conn, id));
    if (!found) return store::SaveClocks(conn, id, {}, std::nullopt);
    Ticket& t = *found;
    priority = t.priority;
    ASSIGN_OR_RETURN(std::vector<store::ClockRecord> clocks, RefreshClocks(conn, *org_, t, m.now(), clock_->zone()));
    bool breach = false;
    for (store::ClockRecord& r : clocks) {
      const WatchMark mark = IsOpen(t.state) ? MarkDue(r.watched, m.now()) : WatchMark::kNone;
      if (mark == WatchMark::kNone) continue;
      if (mark == WatchMark::kBreached) {
        r.watched.breach_mark = m.now();
        if (!r.watched.at_risk_mark) r.watched.at_risk_mark = m.now();
        breach = true;
        ++here.breached;
      } else {
        r.watched.at_risk_mark = m.now();
        ++here.at_risk;
      }
      TicketActivity entry = ScannerEntry(
          m, t, mark == WatchMark::kBreached ? ActivityKind::kSlaBreached : ActivityKind::kSlaAtRisk,
          absl::StrCat(ClockKindName(r.watched.clock.kind), " due ",
                       absl::FormatTime("%Y-%m-%d %H:%M", r.watched.clock.due, clock_->zone())));
      RETURN_IF_ERROR(store::AppendActivity(conn, entry));
      RETURN_IF_ERROR(record_mark_(m, t, r));
      marked.push_back({r.watched.clock, mark == WatchMark::kBreached});
    }
    // A promised reply time that passed is recorded missed when it passes,
    // not only at resolution (`001:1113`); the etag stays.
    if (Promise* missed = IsOpen(t.state) ? OverduePromise(t.promises, m.now()) : nullptr) {
      const Ticket before = t;
      missed->state = PromiseState::kBreached;
      missed->breach_time = missed->promised_time;
      TicketActivity entry = ScannerEntry(
          m, t, ActivityKind::kPromiseBreached,
          absl::StrCat("promise ", missed->index, " of ",
                       absl::FormatTime("%Y-%m-%d %H:%M", missed->promised_time, clock_->zone()),
                       " missed: tell the customer, apologise and agree a new time"));
      RETURN_IF_ERROR(store::AppendActivity(conn, entry));
      RETURN_IF_ERROR(store::UpdateTicket(conn, t));
      RETURN_IF_ERROR(record_(m, before, t));
    }
    std::vector<WatchedClock> watched;
    for (const store::ClockRecord& r : clocks) watched.push_back(r.watched);
    RETURN_IF_ERROR(store::SaveClocks(conn, id, clocks, NextCheckOf(t, watched)));
    ASSIGN_OR_RETURN(const SlaPolicy policy, PolicyFor(conn, t));
    // One automatic escalation until a person acts on the ticket: each
    // further breach is marked, but the level climbs only after someone
    // worked the ticket at the level it reached.
    bool waiting_on_people = false;
    if (breach) {
      ASSIGN_OR_RETURN(waiting_on_people, store::AutoEscalatedSincePersonActed(conn, id));
    }
    if (breach && !waiting_on_people && policy.escalate_on_breach &&
        NextState(t.state, TicketEvent::kEscalate, t.type).ok()) {
      absl::StatusOr<Ticket> escalated =
          ChangeTicket(m, TicketDesk{*org_, record_, clock_->zone(), true}, id, "",
                       EscalateStep(std::nullopt, "SLA breached: escalated by the SLA scanner",
                                    "to be told by the new assignee"));
      if (escalated.ok()) {
        ++here.escalated;
      } else if (Transient(escalated.status())) {
        return escalated.status();  // the whole ticket again, next pass
      } else {
        // Top level reached, nobody at the level, a unit gone: the breach
        // stays marked and the ticket is not escalated automatically.
        log::Warn("breached ticket not escalated", {{"ticket", id}, {"reason", std::string(escalated.status().message())}});
      }
    }
    here.tickets = 1;
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  pass.tickets += here.tickets;
  pass.at_risk += here.at_risk;
  pass.breached += here.breached;
  pass.escalated += here.escalated;
  if (metrics_ != nullptr) {
    for (const auto& [clock, breached] : marked) metrics_->ObserveMark(clock.kind, priority, breached);
    if (here.escalated > 0) metrics_->ObserveEscalation();
  }
  return absl::OkStatus();
}

void SlaScanner::Start(absl::Duration interval) {
  rhythm_.Start(interval, [this] {
    const absl::StatusOr<ScanPass> pass = RunOnce();
    if (!pass.ok()) log::Warn("SLA scan failed", {{"error", std::string(pass.status().message())}});
  });
}

void SlaScanner::Stop() { rhythm_.Stop(); }

}  // namespace huinong::tickets
