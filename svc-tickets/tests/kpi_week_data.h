// The KPI tests' fixed data set: 17 tickets of ISO week 2026-W15 in
// Shanghai, one created a second before the week and one at its closing
// instant, built move by move (Facts); every figure of kpi_test.cc is worked
// out by hand from it.
#pragma once

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "svc-tickets/src/domain/kpi.h"
#include "svc-tickets/tests/kpi_test_time.h"

namespace huinong::tickets::kpi_week {

using S = TicketState;
using K = ClockKind;
using CS = ClockState;
using O = CallbackOutcome;
using P = PromiseState;

// The facts of one ticket, built move by move (every move is also activity).
class Facts {
 public:
  Facts(TicketType type, TicketChannel channel, Priority priority, absl::Time created) {
    t_.type = type;
    t_.channel = channel;
    t_.priority = priority;
    t_.create_time = created;
  }
  Facts& To(S to, absl::Time at) {
    t_.changes.push_back({at, state_, to});
    t_.activity.push_back(at);
    state_ = to;
    return *this;
  }
  Facts& AnsweredAtFirstContact() {
    t_.answered_at_first_contact = true;
    return *this;
  }
  Facts& CallbacksRequired(int n) {
    t_.callbacks_required = n;
    return *this;
  }
  Facts& Callback(absl::Time at, O outcome) {
    CallbackAttempt a;
    a.caller = "staff/caller";
    a.time = at;
    a.outcome = outcome;
    t_.callbacks.push_back(a);
    t_.activity.push_back(at);
    return *this;
  }
  Facts& Promised(absl::Time promised, P state) {
    Promise p;
    p.index = static_cast<int>(t_.promises.size()) + 1;
    p.promised_time = promised;
    p.state = state;
    if (state == P::kBreached) p.breach_time = promised;
    t_.promises.push_back(p);
    return *this;
  }
  Facts& WithClock(K kind, CS state, absl::Time due) {
    Clock c{};
    c.kind = kind;
    c.state = state;
    c.event = t_.create_time;
    c.start = t_.create_time;
    c.due = due;
    c.at_risk = due;
    c.policy_revision = 1;
    t_.clocks.push_back(c);
    return *this;
  }
  Facts& Activity(absl::Time at) {
    t_.activity.push_back(at);
    return *this;
  }
  Facts& Cancelled(CancelReason reason, absl::Time at) {
    t_.cancel_reason = reason;
    return To(S::kCancelled, at);
  }
  KpiTicket Build() const { return t_; }

 private:
  KpiTicket t_;
  S state_ = S::kRegistered;
};

inline constexpr TicketType kConsultation = TicketType::kConsultation;
inline constexpr TicketType kComplaint = TicketType::kComplaint;
inline constexpr TicketChannel kPhone = TicketChannel::kPhone;
inline constexpr TicketChannel kVisit = TicketChannel::kVisit;
inline constexpr TicketChannel kOnline = TicketChannel::kOnline;
inline constexpr Priority kP1 = Priority::kP1;
inline constexpr Priority kP2 = Priority::kP2;
inline constexpr Priority kP3 = Priority::kP3;
inline constexpr Priority kP4 = Priority::kP4;
inline const absl::Time kNever = absl::InfiniteFuture();

// Days of week 15: Mon 6, Tue 7, Wed 8, Thu 9, Fri 10, Sat 11, Sun 12. The
// week is [Apr(6, 0), Apr(13, 0)) = [2026-04-05T16:00Z, 2026-04-12T16:00Z).
// Clocks are one per kind, the current round's (sla_clock.h).
inline std::vector<KpiTicket> DataSet() {
  std::vector<KpiTicket> d;
  // T0 — one second before the week: a repair, waiting on the customer since Tuesday.
  d.push_back(Facts(TicketType::kRepair, kPhone, kP3, Apr(5, 23, 59, 59))
                  .To(S::kCaseOpened, Apr(6, 15))
                  .To(S::kAssigned, Apr(6, 16))
                  .To(S::kInProgress, Apr(7, 9))
                  .To(S::kWaitingOnCustomer, Apr(7, 10))
                  .Promised(Apr(8, 15), P::kBreached)
                  .Activity(Apr(8, 15, 30))  // the customer told, a new promise
                  .Promised(Apr(14, 15), P::kOpen)
                  .WithClock(K::kFirstResponse, CS::kMissed, Apr(6, 14))
                  .WithClock(K::kResolution, CS::kPaused, kNever)
                  .Build());
  // T1 — at the week's first instant: a consultation answered at once.
  d.push_back(Facts(kConsultation, kPhone, kP4, Apr(6, 0))
                  .AnsweredAtFirstContact()
                  .To(S::kAnswered, Apr(6, 0, 5))
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(6, 9, 30))
                  .WithClock(K::kResolution, CS::kMet, Apr(13, 17, 30))
                  .Build());
  // T2 — answered at once, back on Wednesday, resolved Thursday (no callback due).
  d.push_back(Facts(kConsultation, kVisit, kP4, Apr(6, 9))
                  .AnsweredAtFirstContact()
                  .To(S::kAnswered, Apr(6, 9, 10))
                  .To(S::kReopened, Apr(8, 10))
                  .Promised(Apr(9, 17), P::kKept)
                  .To(S::kAssigned, Apr(8, 11))
                  .To(S::kInProgress, Apr(8, 11, 30))
                  .To(S::kResolved, Apr(9, 15))
                  .To(S::kClosed, Apr(9, 15))
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(7, 9))
                  .WithClock(K::kResolution, CS::kMet, Apr(15, 10))
                  .Build());
  // T3 — a major complaint: approved reply, two satisfied callbacks, closed a
  // morning after its closure clock ran out (Thursday 24:00).
  d.push_back(Facts(kComplaint, kPhone, kP2, Apr(6, 10))
                  .CallbacksRequired(2)
                  .To(S::kCaseOpened, Apr(6, 10, 30))
                  .Promised(Apr(8, 10, 30), P::kKept)
                  .To(S::kAssigned, Apr(6, 11))
                  .To(S::kInProgress, Apr(6, 11, 30))
                  .To(S::kPendingApproval, Apr(7, 14))
                  .To(S::kInProgress, Apr(7, 15))
                  .To(S::kResolved, Apr(7, 16))
                  .Callback(Apr(8, 10), O::kSatisfied)
                  .To(S::kCallbackPending, Apr(8, 10))
                  .Callback(Apr(10, 10), O::kSatisfied)
                  .To(S::kClosed, Apr(10, 10))
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(6, 12))
                  .WithClock(K::kResolution, CS::kMet, Apr(10, 0))
                  .WithClock(K::kComplaintClosure, CS::kMissed, Apr(10, 0))
                  .WithClock(K::kCallback, CS::kMet, Apr(11, 0))
                  .Build());
  // T4 — a complaint called back unsatisfied, reopened; the new promise broken,
  // the second round's resolution clock breached on Friday; still in progress.
  d.push_back(Facts(kComplaint, kOnline, kP3, Apr(6, 11))
                  .CallbacksRequired(2)
                  .To(S::kCaseOpened, Apr(6, 11, 30))
                  .Promised(Apr(7, 17), P::kKept)
                  .To(S::kAssigned, Apr(6, 14))
                  .To(S::kInProgress, Apr(6, 14, 30))
                  .To(S::kResolved, Apr(7, 15))
                  .Callback(Apr(8, 9), O::kUnsatisfied)
                  .To(S::kReopened, Apr(8, 9))
                  .Promised(Apr(9, 17), P::kBreached)
                  .To(S::kAssigned, Apr(8, 10))
                  .To(S::kInProgress, Apr(8, 10, 30))
                  .Activity(Apr(9, 17, 30))  // the breach told, a new promise
                  .Promised(Apr(14, 17), P::kOpen)
                  .Activity(Apr(11, 10))  // a follow-up call
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(6, 15, 30))
                  .WithClock(K::kResolution, CS::kBreached, Apr(10, 17, 30))
                  .WithClock(K::kComplaintClosure, CS::kRunning, Apr(14, 0))
                  .Build());
  // T5 — a repair resolved at first contact (callback due): unreachable once,
  // then satisfied.
  d.push_back(Facts(TicketType::kRepair, kPhone, kP3, Apr(6, 14))
                  .AnsweredAtFirstContact()
                  .CallbacksRequired(1)
                  .To(S::kResolved, Apr(6, 14, 20))
                  .Callback(Apr(9, 10), O::kUnreachable)
                  .To(S::kCallbackPending, Apr(9, 10))
                  .Callback(Apr(10, 10), O::kSatisfied)
                  .To(S::kClosed, Apr(10, 10))
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(7, 9))
                  .WithClock(K::kResolution, CS::kMet, Apr(13, 14))
                  .WithClock(K::kCallback, CS::kMet, Apr(10, 0))
                  .Build());
  // T6 — an emergency, the manager told in time, resolved and called back the same night.
  d.push_back(Facts(TicketType::kEmergency, kPhone, kP1, Apr(7, 8, 45))
                  .CallbacksRequired(1)
                  .To(S::kCaseOpened, Apr(7, 8, 50))
                  .Promised(Apr(8, 8, 45), P::kKept)
                  .To(S::kAssigned, Apr(7, 8, 52))
                  .To(S::kInProgress, Apr(7, 8, 53))
                  .Activity(Apr(7, 8, 55))  // manager told
                  .Activity(Apr(7, 9, 30))  // on site
                  .To(S::kPendingApproval, Apr(7, 20))
                  .To(S::kInProgress, Apr(7, 20, 30))
                  .To(S::kResolved, Apr(7, 21))
                  .Callback(Apr(8, 10), O::kSatisfied)
                  .To(S::kClosed, Apr(8, 10))
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(7, 9))
                  .WithClock(K::kOnSite, CS::kMet, Apr(7, 9, 45))
                  .WithClock(K::kManagerNotification, CS::kMet, Apr(7, 9))
                  .WithClock(K::kResolution, CS::kMet, Apr(8, 8, 45))
                  .WithClock(K::kCallback, CS::kMet, Apr(10, 0))
                  .Build());
  // T7 — a sudden help request (P1): the manager told late, resolved late,
  // no callback yet.
  d.push_back(Facts(TicketType::kHelpRequest, kVisit, kP1, Apr(7, 10))
                  .CallbacksRequired(1)
                  .To(S::kCaseOpened, Apr(7, 10, 5))
                  .Promised(Apr(8, 12), P::kKept)
                  .To(S::kAssigned, Apr(7, 10, 10))
                  .To(S::kInProgress, Apr(7, 10, 20))
                  .Activity(Apr(7, 10, 40))  // manager told
                  .Activity(Apr(7, 10, 50))  // on site
                  .To(S::kResolved, Apr(8, 11))
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(7, 10, 15))
                  .WithClock(K::kOnSite, CS::kMet, Apr(7, 11))
                  .WithClock(K::kManagerNotification, CS::kMissed, Apr(7, 10, 15))
                  .WithClock(K::kResolution, CS::kMissed, Apr(8, 10))
                  .WithClock(K::kCallback, CS::kRunning, Apr(14, 0))
                  .Build());
  // T8 — a grievance opened late, a day waiting on the customer, two
  // satisfied callbacks, closed Saturday within its closure clock.
  d.push_back(Facts(TicketType::kGrievance, TicketChannel::kSms, kP3, Apr(7, 11))
                  .CallbacksRequired(2)
                  .To(S::kCaseOpened, Apr(7, 17))
                  .Promised(Apr(9, 17), P::kKept)
                  .To(S::kAssigned, Apr(8, 8, 40))
                  .To(S::kInProgress, Apr(8, 9))
                  .To(S::kWaitingOnCustomer, Apr(8, 10))
                  .To(S::kInProgress, Apr(9, 10))
                  .To(S::kResolved, Apr(9, 16))
                  .Callback(Apr(10, 9), O::kSatisfied)
                  .To(S::kCallbackPending, Apr(10, 9))
                  .Callback(Apr(11, 10), O::kSatisfied)
                  .To(S::kClosed, Apr(11, 10))
                  .WithClock(K::kFirstResponse, CS::kMissed, Apr(7, 16, 30))
                  .WithClock(K::kResolution, CS::kMet, Apr(15, 11))
                  .WithClock(K::kComplaintClosure, CS::kMet, Apr(13, 0))
                  .WithClock(K::kCallback, CS::kMet, Apr(14, 0))
                  .Build());
  // T9 — a major claim, its promise broken Friday, its resolution clock
  // breached at Friday 24:00; in progress, nothing since Friday 17:30.
  d.push_back(Facts(TicketType::kClaim, TicketChannel::kLetter, kP2, Apr(7, 15))
                  .To(S::kCaseOpened, Apr(7, 15, 30))
                  .Promised(Apr(10, 17), P::kBreached)
                  .To(S::kAssigned, Apr(8, 9))
                  .To(S::kInProgress, Apr(8, 9, 30))
                  .Activity(Apr(10, 17, 30))  // the breach told, a new promise
                  .Promised(Apr(15, 17), P::kOpen)
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(7, 17))
                  .WithClock(K::kResolution, CS::kBreached, Apr(11, 0))
                  .Build());
  // T10 — a suggestion answered at once.
  d.push_back(Facts(TicketType::kSuggestion, kOnline, kP4, Apr(8, 9))
                  .AnsweredAtFirstContact()
                  .To(S::kAnswered, Apr(8, 9, 5))
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(9, 9))
                  .WithClock(K::kResolution, CS::kMet, Apr(15, 9))
                  .Build());
  // T11 — withdrawn two minutes after intake.
  d.push_back(Facts(kConsultation, kPhone, kP4, Apr(8, 10))
                  .Cancelled(CancelReason::kCustomerWithdrew, Apr(8, 10, 2))
                  .WithClock(K::kFirstResponse, CS::kCancelled, Apr(9, 10))
                  .WithClock(K::kResolution, CS::kCancelled, Apr(15, 10))
                  .Build());
  // T12 — a duplicate found on patrol, cancelled with its promise never settled.
  d.push_back(Facts(TicketType::kRepair, TicketChannel::kPatrol, kP3, Apr(8, 14))
                  .To(S::kCaseOpened, Apr(8, 14, 10))
                  .Promised(Apr(9, 17), P::kOpen)
                  .Cancelled(CancelReason::kDuplicate, Apr(8, 15))
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(8, 17, 30))
                  .WithClock(K::kResolution, CS::kCancelled, Apr(15, 14))
                  .Build());
  // T13 — raised during a callback; its promise renegotiated before it was
  // due; nothing since Friday 11:00 in the week (a call on Monday 13th is the
  // next week's).
  d.push_back(Facts(kConsultation, TicketChannel::kCallback, kP4, Apr(9, 9))
                  .To(S::kCaseOpened, Apr(9, 9, 30))
                  .Promised(Apr(10, 12), P::kRenegotiated)
                  .To(S::kAssigned, Apr(9, 10))
                  .Activity(Apr(10, 11))
                  .Promised(Apr(13, 12), P::kOpen)
                  .Activity(Apr(13, 9))
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(10, 9))
                  .WithClock(K::kResolution, CS::kRunning, Apr(16, 9))
                  .Build());
  // T14 — an incident report: a follow-up call at Saturday 00:00, exactly
  // 48 h before the week ends; its promise and its follow-up gap fall due at
  // the very end (Monday 00:00), so they are the next week's.
  d.push_back(Facts(TicketType::kIncidentReport, kVisit, kP3, Apr(10, 16))
                  .To(S::kCaseOpened, Apr(10, 16, 30))
                  .Promised(Apr(13, 0), P::kBreached)
                  .Activity(Apr(11, 0))
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(10, 17, 30))
                  .WithClock(K::kResolution, CS::kRunning, Apr(17, 16))
                  .WithClock(K::kFollowUpGap, CS::kBreached, Apr(13, 0))
                  .Build());
  // T15 — taken at Sunday 00:00, cancelled at the week's end instant (the next week's).
  d.push_back(Facts(kConsultation, kOnline, kP4, Apr(12, 0))
                  .Cancelled(CancelReason::kCreatedInError, Apr(13, 0))
                  .WithClock(K::kFirstResponse, CS::kCancelled, Apr(13, 9, 30))
                  .WithClock(K::kResolution, CS::kCancelled, Apr(17, 17, 30))
                  .Build());
  // T16 — a major complaint late on Sunday, nothing done yet.
  d.push_back(Facts(kComplaint, kPhone, kP2, Apr(12, 23))
                  .CallbacksRequired(2)
                  .WithClock(K::kFirstResponse, CS::kRunning, Apr(13, 10, 30))
                  .WithClock(K::kResolution, CS::kRunning, Apr(16, 0))
                  .WithClock(K::kComplaintClosure, CS::kRunning, Apr(16, 0))
                  .Build());
  // T17 — a Saturday-night emergency: on site, the manager not told yet,
  // the 24-hour resolution clock breached Sunday 20:00.
  d.push_back(Facts(TicketType::kEmergency, kVisit, kP1, Apr(11, 20))
                  .To(S::kCaseOpened, Apr(11, 20, 5))
                  .Promised(Apr(13, 8), P::kOpen)
                  .To(S::kAssigned, Apr(11, 20, 6))
                  .To(S::kInProgress, Apr(11, 20, 10))
                  .Activity(Apr(11, 21))  // on site
                  .WithClock(K::kFirstResponse, CS::kMet, Apr(11, 20, 15))
                  .WithClock(K::kOnSite, CS::kMet, Apr(11, 21))
                  .WithClock(K::kManagerNotification, CS::kBreached, Apr(11, 20, 15))
                  .WithClock(K::kResolution, CS::kBreached, Apr(12, 20))
                  .Build());
  // TN — at the week's end instant: the next week's.
  d.push_back(
      Facts(kConsultation, kPhone, kP4, Apr(13, 0)).WithClock(K::kFirstResponse, CS::kRunning, Apr(13, 9, 30)).Build());
  return d;
}

}  // namespace huinong::tickets::kpi_week
