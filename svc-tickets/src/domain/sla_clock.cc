// See sla_clock.h.
#include "svc-tickets/src/domain/sla_clock.h"

#include <algorithm>

#include "svc-tickets/src/domain/callback_rules.h"

namespace huinong::tickets {
namespace {

using calendar::TimeSpan;
using calendar::WorkCalendar;

// The first change at or after `from` into one of `states`.
std::optional<absl::Time> FirstEntry(const TicketHistory& h, absl::Time from,
                                     std::initializer_list<TicketState> states) {
  for (const StateChange& c : h.changes) {
    if (c.time < from) continue;
    for (TicketState s : states) {
      if (c.to == s) return c.time;
    }
  }
  return std::nullopt;
}

std::optional<absl::Time> FirstAtOrAfter(const std::vector<absl::Time>& times, absl::Time from) {
  std::optional<absl::Time> first;
  for (absl::Time t : times) {
    if (t >= from && (!first || t < *first)) first = t;
  }
  return first;
}

// The start of the current round: intake, or the last reopening.
absl::Time RoundStart(const TicketHistory& h) {
  absl::Time start = h.registered;
  for (const StateChange& c : h.changes) {
    if (c.to == TicketState::kReopened) start = c.time;
  }
  return start;
}

std::optional<absl::Time> Cancellation(const TicketHistory& h) {
  return FirstEntry(h, h.registered, {TicketState::kCancelled});
}

// The target this clock kind reads, and whether the ticket calls for it.
SlaTarget TargetOf(ClockKind kind, const TicketHistory& h, const SlaPolicy& p) {
  switch (kind) {
    case ClockKind::kFirstResponse: return p.first_response;
    case ClockKind::kOnSite: return h.priority == Priority::kP1 ? p.on_site : SlaTarget::None();
    case ClockKind::kManagerNotification:
      return ManagerMustBeNotified(h.priority) ? p.manager_notification : SlaTarget::None();
    case ClockKind::kReply: return p.reply;
    case ClockKind::kResolution: return p.resolution;
    case ClockKind::kComplaintClosure: return IsComplaint(h.type) ? p.complaint_closure : SlaTarget::None();
    case ClockKind::kCallback: return CallbacksRequired(h.type, p) > 0 ? p.callback : SlaTarget::None();
    case ClockKind::kFollowUpGap: return p.follow_up_gap;
  }
  return SlaTarget::None();
}

struct Span {
  absl::Time event;
  std::optional<absl::Time> stop;
};

// When the clock starts and stops in the history, or nullopt before its
// starting event.
std::optional<Span> SpanOf(ClockKind kind, const TicketHistory& h) {
  const absl::Time round = RoundStart(h);
  switch (kind) {
    case ClockKind::kFirstResponse: {
      std::optional<absl::Time> stop;
      for (const StateChange& c : h.changes) {
        if (c.from == TicketState::kRegistered) {
          stop = c.time;
          break;
        }
      }
      return Span{h.registered, stop};
    }
    case ClockKind::kOnSite: return Span{h.registered, h.on_site};
    case ClockKind::kManagerNotification: return Span{h.registered, h.manager_notified};
    case ClockKind::kReply: {
      // The case opened in this round, or the reopening itself.
      std::optional<absl::Time> opened =
          round == h.registered ? FirstEntry(h, round, {TicketState::kCaseOpened}) : std::optional<absl::Time>(round);
      if (!opened) return std::nullopt;
      return Span{*opened, FirstEntry(h, *opened, {TicketState::kResolved})};
    }
    case ClockKind::kResolution:
      return Span{round, FirstEntry(h, round, {TicketState::kResolved, TicketState::kAnswered})};
    case ClockKind::kComplaintClosure:
      return Span{round, FirstEntry(h, round, {TicketState::kClosed, TicketState::kAnswered})};
    case ClockKind::kCallback: {
      std::optional<absl::Time> resolved = FirstEntry(h, round, {TicketState::kResolved});
      if (!resolved) return std::nullopt;
      return Span{*resolved, FirstAtOrAfter(h.callback_attempts, *resolved)};
    }
    case ClockKind::kFollowUpGap: {
      // From the last contact of the round: the case opened (or the
      // reopening), or a follow-up after it.
      std::optional<absl::Time> last =
          round == h.registered ? FirstEntry(h, round, {TicketState::kCaseOpened}) : std::optional<absl::Time>(round);
      if (!last) return std::nullopt;
      for (absl::Time t : h.contacts) {
        if (t > *last) last = t;
      }
      return Span{*last, FirstEntry(h, *last, {TicketState::kResolved})};
    }
  }
  return std::nullopt;
}

}  // namespace

absl::string_view ClockKindName(ClockKind kind) {
  switch (kind) {
    case ClockKind::kFirstResponse: return "FIRST_RESPONSE";
    case ClockKind::kOnSite: return "ON_SITE";
    case ClockKind::kManagerNotification: return "MANAGER_NOTIFICATION";
    case ClockKind::kReply: return "REPLY";
    case ClockKind::kResolution: return "RESOLUTION";
    case ClockKind::kComplaintClosure: return "COMPLAINT_CLOSURE";
    case ClockKind::kCallback: return "CALLBACK";
    case ClockKind::kFollowUpGap: return "FOLLOW_UP_GAP";
  }
  return "UNKNOWN";
}

absl::string_view ClockStateName(ClockState state) {
  switch (state) {
    case ClockState::kRunning: return "RUNNING";
    case ClockState::kPaused: return "PAUSED";
    case ClockState::kAtRisk: return "AT_RISK";
    case ClockState::kBreached: return "BREACHED";
    case ClockState::kMet: return "MET";
    case ClockState::kMissed: return "MISSED";
    case ClockState::kCancelled: return "CANCELLED";
  }
  return "UNKNOWN";
}

const WorkCalendar& CountingCalendar(const SlaPolicy& policy, const WorkCalendar& calendar) {
  static const WorkCalendar* const kAllDay = new WorkCalendar(*WorkCalendar::AllDay());
  return policy.all_day ? *kAllDay : calendar;
}

std::vector<TimeSpan> Pauses(const TicketHistory& history) {
  std::vector<TimeSpan> pauses;
  for (const StateChange& c : history.changes) {
    if (c.to == TicketState::kWaitingOnCustomer) {
      pauses.push_back({c.time, absl::InfiniteFuture()});
    } else if (c.from == TicketState::kWaitingOnCustomer && !pauses.empty() &&
               pauses.back().end == absl::InfiniteFuture()) {
      pauses.back().end = c.time;
    }
  }
  return pauses;
}

absl::StatusOr<std::optional<Clock>> ComputeClock(ClockKind kind, const TicketHistory& history,
                                                  const SlaPolicy& policy, const WorkCalendar& work_calendar,
                                                  absl::Time now) {
  const SlaTarget target = TargetOf(kind, history, policy);
  if (!target.kept()) return std::optional<Clock>();
  std::optional<Span> span = SpanOf(kind, history);
  if (!span) return std::optional<Clock>();
  const WorkCalendar& cal = CountingCalendar(policy, work_calendar);
  const std::vector<TimeSpan> pauses = Pauses(history);

  // The working time the target allows, and the due time.
  absl::Duration budget = target.working_time;
  absl::Time due;
  if (target.kind == SlaTarget::Kind::kWorkingDays) {
    absl::StatusOr<absl::Time> day_deadline = cal.WorkingDaysDeadline(span->event, target.working_days);
    if (!day_deadline.ok()) return day_deadline.status();
    budget = cal.WorkingTimeBetween(span->event, *day_deadline);
    absl::StatusOr<absl::Time> shifted = cal.AddWorkingTime(span->event, budget, pauses);
    if (!shifted.ok()) return shifted.status();
    // Unpaused, the working time runs out by the day's end: that end is the
    // deadline. Paused, it runs out later: the end of the day it runs out on
    // (the instant before, so a period ending at 24:00 stays on its day).
    if (*shifted == absl::InfiniteFuture() || *shifted <= *day_deadline) {
      due = *shifted == absl::InfiniteFuture() ? *shifted : *day_deadline;
    } else {
      due = cal.EndOfDay(cal.DayOf(*shifted - absl::Nanoseconds(1)));
    }
  } else {
    absl::StatusOr<absl::Time> at = cal.AddWorkingTime(span->event, budget, pauses);
    if (!at.ok()) return at.status();
    due = *at;
  }
  absl::StatusOr<absl::Time> at_risk =
      cal.AddWorkingTime(span->event, budget * AtRiskBasisPoints(policy) / 10000, pauses);
  if (!at_risk.ok()) return at_risk.status();

  Clock clock;
  clock.kind = kind;
  clock.event = span->event;
  clock.start = cal.NextWorkingInstant(span->event);
  clock.due = std::max(due, clock.start);
  clock.at_risk = std::min(*at_risk, clock.due);
  clock.policy_revision = policy.revision;
  std::optional<absl::Time> cancelled = Cancellation(history);
  std::optional<absl::Time> stop = span->stop;
  if (cancelled && (!stop || *cancelled < *stop)) stop = cancelled;
  clock.stop = stop;
  const absl::Time until = stop ? *stop : now;
  const absl::Duration worked = cal.WorkingTimeBetween(span->event, until);
  clock.paused = worked - cal.WorkingTimeBetween(span->event, until, pauses);

  if (stop) {
    if (cancelled && *stop == *cancelled) {
      clock.state = ClockState::kCancelled;
    } else {
      clock.state = *stop <= clock.due ? ClockState::kMet : ClockState::kMissed;
    }
  } else if (!pauses.empty() && pauses.back().start <= now && now < pauses.back().end) {
    clock.state = ClockState::kPaused;
  } else if (now >= clock.due) {
    clock.state = ClockState::kBreached;
  } else if (now >= clock.at_risk) {
    clock.state = ClockState::kAtRisk;
  } else {
    clock.state = ClockState::kRunning;
  }
  return std::optional<Clock>(clock);
}

absl::StatusOr<std::vector<Clock>> ComputeClocks(const TicketHistory& history, const SlaPolicy& policy,
                                                 const WorkCalendar& calendar, absl::Time now) {
  std::vector<Clock> clocks;
  for (ClockKind kind : {ClockKind::kFirstResponse, ClockKind::kOnSite, ClockKind::kManagerNotification,
                         ClockKind::kReply, ClockKind::kResolution, ClockKind::kComplaintClosure, ClockKind::kCallback,
                         ClockKind::kFollowUpGap}) {
    absl::StatusOr<std::optional<Clock>> clock = ComputeClock(kind, history, policy, calendar, now);
    if (!clock.ok()) return clock.status();
    if (*clock) clocks.push_back(**clock);
  }
  return clocks;
}

}  // namespace huinong::tickets
