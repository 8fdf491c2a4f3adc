// See ticket_clocks.h.
#include "svc-tickets/src/app/ticket_clocks.h"

#include "absl/strings/str_split.h"
#include "common/core/status_macros.h"
#include "svc-tickets/src/domain/callback_rules.h"
#include "svc-tickets/src/domain/promise.h"
#include "svc-tickets/src/domain/reply_approval.h"
#include "svc-tickets/src/domain/sla_policy_match.h"
#include "svc-tickets/src/store/callback_store.h"
#include "svc-tickets/src/store/policy_store.h"
#include "svc-tickets/src/store/ticket_store.h"

namespace huinong::tickets {
namespace {

TicketHistory HistoryFrom(const Ticket& t, const std::vector<TicketActivity>& activities,
                          const std::vector<CallbackAttempt>& callbacks) {
  TicketHistory h;
  h.type = t.type;
  h.priority = t.priority;
  h.registered = t.create_time;
  for (const TicketActivity& a : activities) {
    if (a.from_state != a.to_state) h.changes.push_back({a.time, a.from_state, a.to_state});
    if (a.kind == ActivityKind::kFollowUp) h.contacts.push_back(a.time);
  }
  h.on_site = t.on_site_time;
  if (t.manager_notification) h.manager_notified = t.manager_notification->notify_time;
  for (const CallbackAttempt& c : callbacks) h.callback_attempts.push_back(c.time);
  return h;
}

absl::StatusOr<TicketHistory> HistoryOf(sql::Connection& conn, const Ticket& t) {
  ASSIGN_OR_RETURN(const std::vector<TicketActivity> activities, store::ListActivities(conn, t.id, 0, 1 << 20));
  ASSIGN_OR_RETURN(const std::vector<CallbackAttempt> callbacks, store::ListCallbacks(conn, t.id));
  return HistoryFrom(t, activities, callbacks);
}

// The clocks of `history` under `policy` at `now`, on the calendar of the
// ticket's resolver unit on its intake day.
absl::StatusOr<std::vector<Clock>> ClocksOf(org_directory::OrgView& org, const Ticket& t, const TicketHistory& history,
                                            const SlaPolicy& policy, absl::Time now, const absl::TimeZone& zone) {
  ASSIGN_OR_RETURN(const std::shared_ptr<const calendar::WorkCalendar> calendar,
                   org.CalendarFor(t.people.resolver_unit, absl::ToCivilDay(t.create_time, zone)));
  return ComputeClocks(history, policy, *calendar, now);
}

std::optional<absl::Time> NextCheckOfRecords(const Ticket& t, const std::vector<store::ClockRecord>& records) {
  std::vector<WatchedClock> all;
  for (const store::ClockRecord& r : records) all.push_back(r.watched);
  return NextCheckOf(t, all);
}

// The clocks as computed, each stopped one as stored instead when it is
// the same clock (same kind, same starting event): a stopped clock keeps
// the result it had, whatever the policy says since.
std::vector<store::ClockRecord> KeepStopped(std::vector<store::ClockRecord> computed,
                                            const std::vector<store::ClockRecord>& stored) {
  for (store::ClockRecord& c : computed) {
    for (const store::ClockRecord& s : stored) {
      const Clock& was = s.watched.clock;
      if (was.kind == c.watched.clock.kind && was.event == c.watched.clock.event && was.stop) {
        c.watched = s.watched;
        c.policy = s.policy;
      }
    }
  }
  return computed;
}

}  // namespace

absl::StatusOr<SlaPolicy> PolicyFor(sql::Connection& conn, const Ticket& ticket) {
  const std::vector<std::string> chain = absl::StrSplit(ticket.resolver_path, '/', absl::SkipEmpty());
  ASSIGN_OR_RETURN(const std::vector<ConfiguredPolicy> candidates, store::PoliciesAt(conn, chain));
  const ConfiguredPolicy* match = MatchPolicy(candidates, chain, ticket.type, ticket.priority);
  if (match == nullptr) return SeedPolicy(ticket.type, ticket.priority);
  return match->rules;
}

std::optional<absl::Time> NextCheckOf(const Ticket& t, const std::vector<WatchedClock>& clocks) {
  if (!IsOpen(t.state)) return std::nullopt;
  std::optional<absl::Time> next = NextCheck(clocks);
  const std::optional<absl::Time> promise = OpenPromiseTime(t.promises);
  if (promise && (!next || *promise < *next)) next = promise;
  return next;
}

absl::StatusOr<SlaPolicy> DeriveHandling(sql::Connection& conn, Ticket& t) {
  t.priority = DerivePriority(t.type, t.severity);
  ASSIGN_OR_RETURN(SlaPolicy policy, PolicyFor(conn, t));
  t.sla_policy = policy.name;
  t.sla_policy_revision = policy.revision;
  t.callbacks_required = CallbacksRequired(t.type, policy);
  t.approval_required = ReplyApprovalRequired(t.priority, policy);
  return policy;
}

absl::Status StartClocks(sql::Connection& conn, org_directory::OrgView& org, const Ticket& t,
                         const SlaPolicy& policy, const TicketActivity& registered, absl::Time now,
                         const absl::TimeZone& zone) {
  const TicketHistory history = HistoryFrom(t, {registered}, {});
  ASSIGN_OR_RETURN(const std::vector<Clock> computed, ClocksOf(org, t, history, policy, now, zone));
  std::vector<store::ClockRecord> records;
  for (WatchedClock& w : CarryMarks(computed, {})) records.push_back({std::move(w), policy.name, t.priority});
  return store::InsertClocks(conn, t.id, records, NextCheckOfRecords(t, records));
}

absl::StatusOr<std::vector<store::ClockRecord>> RefreshClocks(sql::Connection& conn, org_directory::OrgView& org,
                                                              Ticket& t, absl::Time now,
                                                              const absl::TimeZone& zone) {
  ASSIGN_OR_RETURN(const TicketHistory history, HistoryOf(conn, t));
  ASSIGN_OR_RETURN(const SlaPolicy policy, PolicyFor(conn, t));
  if (t.sla_policy != policy.name || t.sla_policy_revision != policy.revision) {
    t.sla_policy = policy.name;
    t.sla_policy_revision = policy.revision;
    RETURN_IF_ERROR(store::UpdateTicket(conn, t));
  }
  ASSIGN_OR_RETURN(const std::vector<Clock> computed, ClocksOf(org, t, history, policy, now, zone));
  ASSIGN_OR_RETURN(const std::vector<store::ClockRecord> stored, store::LoadClocks(conn, t.id));
  std::vector<WatchedClock> previous;
  for (const store::ClockRecord& r : stored) previous.push_back(r.watched);
  std::vector<store::ClockRecord> records;
  std::vector<WatchedClock> watched = CarryMarks(computed, previous);
  for (WatchedClock& w : watched) records.push_back({std::move(w), policy.name, t.priority});
  records = KeepStopped(std::move(records), stored);
  RETURN_IF_ERROR(store::SaveClocks(conn, t.id, records, NextCheckOfRecords(t, records)));
  return records;
}

}  // namespace huinong::tickets
