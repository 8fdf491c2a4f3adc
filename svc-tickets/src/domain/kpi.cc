// See kpi.h.
#include "svc-tickets/src/domain/kpi.h"

#include <algorithm>

#include "common/rpc/status_details.h"

namespace huinong::tickets {
namespace {

bool InPeriod(absl::Time t, absl::Time from, absl::Time to) { return from <= t && t < to; }

// The state after every move made before `t` (a move at `t` is the next
// period's).
TicketState StateBefore(const KpiTicket& ticket, absl::Time t) {
  TicketState state = TicketState::kRegistered;
  for (const StateChange& c : ticket.changes) {
    if (c.time < t) state = c.to;
  }
  return state;
}

bool EverReached(const KpiTicket& ticket, TicketState state) {
  return std::any_of(ticket.changes.begin(), ticket.changes.end(),
                     [state](const StateChange& c) { return c.to == state; });
}

bool Stopped(const Clock& clock) { return clock.state == ClockState::kMet || clock.state == ClockState::kMissed; }
bool Late(const Clock& clock) { return clock.state == ClockState::kBreached || clock.state == ClockState::kMissed; }

// Met and stopped clocks of one kind.
struct ClockTally {
  int64_t met = 0;
  int64_t stopped = 0;

  void Add(const Clock& clock) {
    if (!Stopped(clock)) return;
    ++stopped;
    if (clock.state == ClockState::kMet) ++met;
  }
  Rate ToRate() const { return MakeRate(met, stopped); }
};

// The figures of the requests created in the period, whatever happened to
// them since (kpi.h).
struct CohortTally {
  int64_t answered_at_first_contact = 0;
  int64_t p2 = 0;
  ClockTally first_response, resolution, complaint_closure;
  int64_t resolved_needing_callback = 0, called_back = 0;
  int64_t satisfied = 0, reached = 0;
  int64_t resolved = 0, reopened = 0;
  int64_t p1 = 0, p1_manager_told_in_time = 0;

  void Add(const KpiTicket& t) {
    if (t.answered_at_first_contact) ++answered_at_first_contact;
    if (t.priority == Priority::kP2) ++p2;
    bool manager_told_in_time = false;
    for (const Clock& c : t.clocks) {
      switch (c.kind) {
        case ClockKind::kFirstResponse: first_response.Add(c); break;
        case ClockKind::kResolution: resolution.Add(c); break;
        case ClockKind::kComplaintClosure: complaint_closure.Add(c); break;
        case ClockKind::kManagerNotification: manager_told_in_time |= c.state == ClockState::kMet; break;
        default: break;
      }
    }
    if (t.priority == Priority::kP1) {
      ++p1;
      if (manager_told_in_time) ++p1_manager_told_in_time;
    }
    // Only a RESOLVED ticket waits for a callback; ANSWERED means none was due.
    if (EverReached(t, TicketState::kResolved) && t.callbacks_required > 0) {
      ++resolved_needing_callback;
      if (!t.callbacks.empty()) ++called_back;
    }
    for (const CallbackAttempt& a : t.callbacks) {
      if (a.outcome == CallbackOutcome::kSatisfied) ++satisfied;
      if (a.outcome == CallbackOutcome::kSatisfied || a.outcome == CallbackOutcome::kUnsatisfied) ++reached;
    }
    if (EverReached(t, TicketState::kResolved) || EverReached(t, TicketState::kAnswered)) {
      ++resolved;
      if (EverReached(t, TicketState::kReopened)) ++reopened;
    }
  }
};

std::vector<AgeBucket> EmptyAgeBuckets() {
  std::vector<AgeBucket> buckets;
  absl::Duration min_age = absl::ZeroDuration();
  for (absl::Duration limit : BacklogAgeLimits()) {
    buckets.push_back({min_age, limit, 0});
    min_age = limit;
  }
  buckets.push_back({min_age, absl::InfiniteDuration(), 0});
  return buckets;
}

absl::Time LastActivityBefore(const KpiTicket& t, absl::Time to) {
  absl::Time last = t.create_time;
  for (absl::Time a : t.activity) {
    if (a < to) last = std::max(last, a);
  }
  return last;
}

KpiPeriod PeriodOf(absl::CivilDay first_day, absl::CivilDay last_day, const absl::TimeZone& zone) {
  return {first_day, last_day, absl::FromCivil(absl::CivilSecond(first_day), zone),
          absl::FromCivil(absl::CivilSecond(last_day + 1), zone)};
}

// The last day of the slice starting on `start`, before cutting to the range.
absl::CivilDay SliceEnd(absl::CivilDay start, KpiSplit split) {
  switch (split) {
    case KpiSplit::kWeek:
      // absl::Weekday counts from Monday (0) to Sunday (6).
      return start + (6 - static_cast<int>(absl::GetWeekday(start)));
    case KpiSplit::kMonth: return absl::CivilDay(absl::CivilMonth(start) + 1) - 1;
    case KpiSplit::kWhole: break;
  }
  return absl::CivilDay::max();
}

}  // namespace

Rate MakeRate(int64_t numerator, int64_t denominator) {
  Rate r{numerator, denominator, 0};
  // Half up: floor(n × 10000 / d + 1/2) = floor((2 × n × 10000 + d) / (2 × d)).
  if (denominator > 0) r.bp = static_cast<int32_t>((2 * numerator * 10000 + denominator) / (2 * denominator));
  return r;
}

const std::vector<absl::Duration>& BacklogAgeLimits() {
  static const std::vector<absl::Duration> limits = {absl::Hours(24), absl::Hours(3 * 24), absl::Hours(7 * 24)};
  return limits;
}

KpiFigures ComputeKpiFigures(const std::vector<KpiTicket>& tickets, absl::Time from, absl::Time to,
                             absl::Duration stuck_after) {
  KpiFigures f;
  f.backlog_by_age = EmptyAgeBuckets();
  CohortTally cohort;
  int64_t promises_due = 0, promises_breached = 0;
  for (const KpiTicket& t : tickets) {
    if (InPeriod(t.create_time, from, to)) {
      ++f.received;
      ++f.by_type[t.type];
      ++f.by_channel[t.channel];
      ++f.by_priority[t.priority];
      cohort.Add(t);
    }
    for (const StateChange& c : t.changes) {
      if (c.to == TicketState::kCancelled && InPeriod(c.time, from, to)) {
        ++f.cancelled;
        ++f.cancelled_by_reason[t.cancel_reason];
      }
    }
    for (const Promise& p : t.promises) {
      if (!InPeriod(p.promised_time, from, to)) continue;
      if (p.state != PromiseState::kKept && p.state != PromiseState::kBreached) continue;
      ++promises_due;
      if (p.state == PromiseState::kBreached) ++promises_breached;
    }
    for (const Clock& c : t.clocks) {
      if (Late(c) && InPeriod(c.due, from, to)) ++f.sla_breaches;
    }
    if (t.create_time < to && IsOpen(StateBefore(t, to))) {
      ++f.backlog;
      const absl::Duration age = to - t.create_time;
      for (AgeBucket& b : f.backlog_by_age) {
        if (b.min_age <= age && age < b.max_age) ++b.count;
      }
      if (to - LastActivityBefore(t, to) > stuck_after) ++f.stuck;
    }
  }
  f.first_contact_resolution = MakeRate(cohort.answered_at_first_contact, f.received);
  f.first_response_on_time = cohort.first_response.ToRate();
  f.resolution_on_time = cohort.resolution.ToRate();
  f.callback_rate = MakeRate(cohort.called_back, cohort.resolved_needing_callback);
  f.satisfaction = MakeRate(cohort.satisfied, cohort.reached);
  f.major_complaint_rate = MakeRate(cohort.p2, f.received);
  f.reopen_rate = MakeRate(cohort.reopened, cohort.resolved);
  f.promise_breach_rate = MakeRate(promises_breached, promises_due);
  f.complaint_closure_on_time = cohort.complaint_closure.ToRate();
  f.manager_notified_on_time = MakeRate(cohort.p1_manager_told_in_time, cohort.p1);
  return f;
}

absl::StatusOr<std::vector<KpiPeriod>> SplitKpiPeriod(absl::CivilDay first_day, absl::CivilDay last_day, KpiSplit split,
                                                      const absl::TimeZone& zone) {
  rpc::Violations v;
  if (last_day < first_day) {
    v.Add("period.end", "must not be before period.start");
  } else if (last_day - first_day + 1 > kMaxKpiPeriodDays) {
    v.Add("period.end", "a report covers at most 400 days, both ends counted");
  }
  if (!v.empty()) return v.ToStatus();
  std::vector<KpiPeriod> periods;
  for (absl::CivilDay start = first_day; start <= last_day;) {
    const absl::CivilDay end = std::min(SliceEnd(start, split), last_day);
    periods.push_back(PeriodOf(start, end, zone));
    start = end + 1;
  }
  return periods;
}

}  // namespace huinong::tickets
