// The KPI report of svc-tickets (issue 12 item 9, kpi.proto): the figures of
// one period and unit as a pure function of per-ticket facts, and the split of
// a date range into ISO weeks or calendar months in the county's time zone.
// No I/O: the caller reads the facts of the unit's subtree and calls
// ComputeKpiFigures once per slice (and once for the totals).
//
// Which ticket counts where when its events straddle periods. A period is
// the half-open instants [from, to) of its dates in the report's zone; an
// event exactly at `to` belongs to the next period.
//   - The requests of a period are those CREATED in it (kpi.proto). Every
//     figure about requests or their clocks and callbacks follows them, with
//     everything known of them when the report is made, whenever it
//     happened: received, by type / channel / priority, first-contact
//     resolution, major complaints, callback rate, satisfaction, reopen
//     rate, first-response / resolution / complaint-closure on time, manager
//     notified on time. So a request counts in one period only, and a past
//     period's rates fill in as its requests are handled (the on-time rates
//     count stopped clocks only; manager_notified_on_time counts every P1,
//     a clock still running against it, as kpi.proto says).
//   - Events the proto ties to their own time count in the period they
//     happen in, whichever ticket: cancellations (the move to CANCELLED),
//     promises (their promised time), SLA breaches (the clock's due time,
//     the instant it became late, for BREACHED and MISSED clocks).
//   - States are read at the period's end (`to`): backlog, its ages, stuck.
// Figures never depend on a request being "countable": cancelled requests
// count as received, and every cancellation is counted (`001:935`).
//
// Guarantees: the same facts give the same figures; every rate's numerator
// is a subset of its denominator; the type, channel, priority and reason
// counts add up to their totals; a ticket with nothing in the period changes
// nothing. So the caller passes every ticket of the subtree created in the
// period, open at some time in it, or with a promise or a clock due in it —
// more does no harm.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "svc-tickets/src/domain/callback_rules.h"
#include "svc-tickets/src/domain/priority.h"
#include "svc-tickets/src/domain/sla_clock.h"
#include "svc-tickets/src/domain/ticket.h"
#include "svc-tickets/src/domain/ticket_flow.h"

namespace huinong::tickets {

// What the report reads of one ticket.
struct KpiTicket {
  absl::Time create_time;
  TicketType type = TicketType::kUnspecified;
  TicketChannel channel = TicketChannel::kUnspecified;
  Priority priority = Priority::kP4;
  bool answered_at_first_contact = false;
  // Satisfied callbacks needed to close (0: none required).
  int callbacks_required = 0;
  CancelReason cancel_reason = CancelReason::kUnspecified;
  // Every move of its state, in time order (the activity timeline's
  // from/to): the state at any instant, resolutions, reopenings, the
  // cancellation.
  std::vector<StateChange> changes;
  std::vector<CallbackAttempt> callbacks;
  std::vector<Promise> promises;
  // Its SLA clocks as they stand now (ComputeClocks: one per kind, the
  // current round's). Every clock given counts, so a caller that keeps past
  // rounds' clocks may pass them too.
  std::vector<Clock> clocks;
  // When people acted on it (timeline entries not by the SLA scanner); the
  // creation counts as activity too.
  std::vector<absl::Time> activity;
};

// numerator × 10000 / denominator rounded half up; 0 when the denominator is 0.
struct Rate {
  int64_t numerator = 0;
  int64_t denominator = 0;
  int32_t bp = 0;

  bool operator==(const Rate&) const = default;
};
Rate MakeRate(int64_t numerator, int64_t denominator);

// Open requests whose age at the period's end is in [min_age, max_age);
// max_age absl::InfiniteDuration() for the last bucket.
struct AgeBucket {
  absl::Duration min_age;
  absl::Duration max_age;
  int64_t count = 0;

  bool operator==(const AgeBucket&) const = default;
};

// The backlog's age buckets, fixed so weeks compare: under 1 day, 1–3 days,
// 3–7 days, 7 days and more (days of 24 h from the creation instant).
const std::vector<absl::Duration>& BacklogAgeLimits();  // 1, 3, 7 days

// kpi.proto's KpiFigures; a count map holds only the values that occur,
// in enum order.
struct KpiFigures {
  int64_t received = 0;
  std::map<TicketType, int64_t> by_type;
  std::map<TicketChannel, int64_t> by_channel;
  std::map<Priority, int64_t> by_priority;
  // answered_at_first_contact / received.
  Rate first_contact_resolution;
  // FIRST_RESPONSE clocks MET / MET + MISSED.
  Rate first_response_on_time;
  // RESOLUTION clocks MET / MET + MISSED: the timely handling rate.
  Rate resolution_on_time;
  // Requests ever RESOLVED with a callback required and at least one
  // attempt / requests ever RESOLVED with a callback required.
  Rate callback_rate;
  // SATISFIED attempts / SATISFIED + UNSATISFIED attempts.
  Rate satisfaction;
  // P2 / received.
  Rate major_complaint_rate;
  // Requests ever REOPENED / requests ever RESOLVED or ANSWERED.
  Rate reopen_rate;
  // BREACHED / promises whose promised time is in the period and that came
  // due: KEPT or BREACHED (a RENEGOTIATED one was replaced before it was
  // due; an OPEN one is not yet settled).
  Rate promise_breach_rate;
  // Clocks BREACHED or MISSED whose due time is in the period.
  int64_t sla_breaches = 0;
  // Open (ticket_flow.h IsOpen) at `to`, created before it.
  int64_t backlog = 0;
  std::vector<AgeBucket> backlog_by_age;  // always the four buckets
  // In the backlog, with no activity for more than `stuck_after` before `to`.
  int64_t stuck = 0;
  // Complaints' and grievances' COMPLAINT_CLOSURE clocks MET / MET + MISSED.
  Rate complaint_closure_on_time;
  // Moves to CANCELLED in the period, and by the ticket's cancel reason.
  int64_t cancelled = 0;
  std::map<CancelReason, int64_t> cancelled_by_reason;
  // P1 requests whose MANAGER_NOTIFICATION clock is MET / P1 requests (a P1
  // whose manager is not told yet, or late, or whose policy keeps no such
  // clock, counts against).
  Rate manager_notified_on_time;
};

// The follow-up gap (`001:1077`) past which an open request is stuck.
inline constexpr absl::Duration kDefaultStuckAfter = absl::Hours(48);

// The figures of [from, to) from `tickets` (any order).
KpiFigures ComputeKpiFigures(const std::vector<KpiTicket>& tickets, absl::Time from, absl::Time to,
                             absl::Duration stuck_after = kDefaultStuckAfter);

// A report period: its dates (inclusive) and its instants [from, to) in the
// report's zone — from 00:00 of the first day to 00:00 after the last.
struct KpiPeriod {
  absl::CivilDay first_day;
  absl::CivilDay last_day;
  absl::Time from;
  absl::Time to;

  bool operator==(const KpiPeriod&) const = default;
};

// Values as KpiSplit in kpi.proto.
enum class KpiSplit { kWhole = 0, kWeek = 1, kMonth = 2 };

// The longest period a report covers, both ends counted.
inline constexpr int kMaxKpiPeriodDays = 400;

// [first_day, last_day] in `zone`, split into ISO weeks (Monday to Sunday)
// or calendar months, the first and last slice cut to the range (a week
// crossing a month end stays one slice); kWhole gives one slice. In order.
// INVALID_ARGUMENT naming "period.end" when it is before the start or the
// range is longer than 400 days.
absl::StatusOr<std::vector<KpiPeriod>> SplitKpiPeriod(absl::CivilDay first_day, absl::CivilDay last_day, KpiSplit split,
                                                      const absl::TimeZone& zone);

// One slice of a report: a period and the unit ("{id}") counted.
struct KpiSlice {
  KpiPeriod period;
  std::string unit_id;
  KpiFigures figures;
};

}  // namespace huinong::tickets
