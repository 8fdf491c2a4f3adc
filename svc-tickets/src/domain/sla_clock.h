// The SLA clocks of a ticket as a pure function of its history, its SLA
// policy (one revision) and a work calendar (one version, or 24×7): nothing
// is stored that could drift, so a changed policy or calendar recomputes an
// open clock by calling the same function (issue 12, item 4).
//
// Each clock starts at an event of the history and stops at another:
//   FIRST_RESPONSE        intake → leaving REGISTERED (answered, case opened,
//                         resolved at first contact, cancelled)
//   ON_SITE               P1: intake → someone on site
//   MANAGER_NOTIFICATION  P1: intake → the manager told
//   REPLY                 case opened (or reopened) → resolved
//   RESOLUTION            intake (or the reopening) → resolved
//   COMPLAINT_CLOSURE     complaints: intake (or the reopening) → closed
//   CALLBACK              resolved → the first callback attempt
//   FOLLOW_UP_GAP         the last contact with the customer → the next one;
//                         it stops when the ticket is resolved
// A reopening starts a new round: the round's clocks count from it; the
// first-response, on-site and manager clocks belong to the intake only.
//
// Counting: a working-time target elapses on the calendar's working time —
// a clock whose event falls outside working hours starts at the first
// working minute — minus the pauses; a working-days target is due at 24:00
// of the N-th working day after the event's day, later by the working time
// paused (rounded to the end of the day it then falls on). Pauses are the
// spans the ticket spent WAITING_ON_CUSTOMER, read from the state history,
// so they survive reopening and policy changes. A cancelled ticket's clocks
// stop at the cancellation (state kCancelled, neither met nor missed).
//
// Guarantees: the same inputs give the same clocks; only the clocks the
// policy keeps and the ticket's type and priority call for are returned, in
// ClockKind order; a clock's due time never comes before its start.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/calendar/work_calendar.h"
#include "svc-tickets/src/domain/priority.h"
#include "svc-tickets/src/domain/sla_policy.h"
#include "svc-tickets/src/domain/ticket_flow.h"

namespace huinong::tickets {

// Values as SlaClockKind in sla.proto.
enum class ClockKind {
  kFirstResponse = 1,
  kOnSite = 2,
  kManagerNotification = 3,
  kReply = 4,
  kResolution = 5,
  kComplaintClosure = 6,
  kCallback = 7,
  kFollowUpGap = 8,
};

// Values as SlaClockState in sla.proto.
enum class ClockState { kRunning = 1, kPaused = 2, kAtRisk = 3, kBreached = 4, kMet = 5, kMissed = 6, kCancelled = 7 };

absl::string_view ClockKindName(ClockKind kind);
absl::string_view ClockStateName(ClockState state);

// One move of the ticket's state, as its activity timeline records it.
struct StateChange {
  absl::Time time;
  TicketState from;
  TicketState to;
};

// What the clocks read of a ticket.
struct TicketHistory {
  TicketType type = TicketType::kUnspecified;
  Priority priority = Priority::kP4;
  absl::Time registered;
  std::vector<StateChange> changes;  // in time order
  std::vector<absl::Time> contacts;  // follow-ups with the customer
  std::optional<absl::Time> on_site;
  std::optional<absl::Time> manager_notified;
  std::vector<absl::Time> callback_attempts;
};

struct Clock {
  ClockKind kind;
  ClockState state;
  absl::Time event;  // the event that started it
  absl::Time start;  // when it started counting (the first working minute)
  absl::Time due;    // absl::InfiniteFuture() while paused without end
  absl::Time at_risk;
  std::optional<absl::Time> stop;
  absl::Duration paused;  // working time paused between start and stop (or now)
  int policy_revision;
};

// The calendar a clock counts on: `calendar`, or around the clock for a
// 24×7 policy.
const calendar::WorkCalendar& CountingCalendar(const SlaPolicy& policy, const calendar::WorkCalendar& calendar);

// The spans spent WAITING_ON_CUSTOMER; the last is open-ended
// (absl::InfiniteFuture()) while the ticket still waits.
std::vector<calendar::TimeSpan> Pauses(const TicketHistory& history);

// Every clock the policy keeps for the ticket, as it stands at `now`.
// `calendar` is the work calendar version in force for the ticket's unit on
// the day the clock's event happened (the caller picks it from
// calendar::CalendarHistory); a 24×7 policy ignores it.
absl::StatusOr<std::vector<Clock>> ComputeClocks(const TicketHistory& history, const SlaPolicy& policy,
                                                 const calendar::WorkCalendar& calendar, absl::Time now);

// One clock, or nullopt when the policy does not keep it or the ticket has
// not reached its starting event.
absl::StatusOr<std::optional<Clock>> ComputeClock(ClockKind kind, const TicketHistory& history,
                                                  const SlaPolicy& policy, const calendar::WorkCalendar& calendar,
                                                  absl::Time now);

}  // namespace huinong::tickets
