// An SLA policy as the clocks read it: which calendar counts (svc-org's work
// calendar, or 24×7), the target of each clock, when a clock is at risk, and
// the callback and approval settings; plus the defaults from the seeds for a
// ticket no configured policy matches.
//
// A target is working time on the policy's calendar, or whole working days
// (due at 24:00 of the N-th working day after the day the clock's event
// happened — the suite's one rule, common/calendar/work_calendar.h). An
// unset target means that clock is not kept.
//
// Guarantees: SeedPolicy is total over types and priorities; every policy
// carries a revision, and a clock computed with it records that revision.
#pragma once

#include <string>

#include "absl/time/time.h"
#include "svc-tickets/src/domain/priority.h"

namespace huinong::tickets {

struct SlaTarget {
  enum class Kind { kNone, kWorkingTime, kWorkingDays };
  Kind kind = Kind::kNone;
  absl::Duration working_time;  // kWorkingTime
  int working_days = 0;         // kWorkingDays

  static SlaTarget None() { return {}; }
  static SlaTarget Time(absl::Duration d) { return {Kind::kWorkingTime, d, 0}; }
  static SlaTarget Days(int n) { return {Kind::kWorkingDays, absl::ZeroDuration(), n}; }
  bool kept() const { return kind != Kind::kNone; }
};

struct SlaPolicy {
  std::string name;  // "slaPolicies/{id}"; empty for the seed defaults
  int revision = 1;
  bool all_day = false;  // 24×7; otherwise svc-org's work calendar
  SlaTarget first_response;
  SlaTarget on_site;               // P1
  SlaTarget manager_notification;  // P1
  SlaTarget reply;
  SlaTarget resolution;
  SlaTarget complaint_closure;  // complaints and grievances
  SlaTarget callback;
  SlaTarget follow_up_gap;
  int at_risk_bp = 8000;  // 0 is read as 8000
  int callbacks_required = 1;
  int max_callback_attempts = 3;  // 0 is read as 3
  bool reply_approval_required = false;  // every reply; P1 and P2 always (reply_approval.h)
  bool escalate_on_breach = true;
};

// The policy a ticket of `type` and `priority` gets when no configured one
// matches — the seeds' limits:
//   reply 2 working days once a case is opened ("≤ 48 h", `001:1093`), no
//   follow-up gap over 2 working days (`001:1077`): on a work calendar
//   48 hours are read as two working days, so a promise made on a Friday
//   does not fall due on the Sunday nobody works;
//   a complaint or grievance closed within 3 working days (`003:264`);
//   a repair called back within 3 working days (`000:863`);
//   P1 around the clock: the manager told within 15 minutes and someone on
//   site within 1 hour (`000:401`: "at once"), first response 15 minutes,
//   resolution 24 hours;
//   P2 first response 2 working hours, resolution 3 working days;
//   P3 first response 4 working hours, resolution 5 working days;
//   P4 first response 1 working day, resolution 5 working days.
// Callbacks: 2 for a complaint or grievance (`000:865`), 1 for every other
// type but consultation, suggestion and praise (0). Replies to P1 and P2
// need the leader's approval whatever the policy says (reply_approval.h).
SlaPolicy SeedPolicy(TicketType type, Priority priority);

// at_risk_bp read with its default, 1–9999.
int AtRiskBasisPoints(const SlaPolicy& policy);

}  // namespace huinong::tickets
