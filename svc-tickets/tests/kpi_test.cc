// The KPI report of issue 12 item 9 on a fixed data set, every figure worked
// out by hand beside its assertion: 17 tickets created in ISO week 2026-W15
// (Monday 6 – Sunday 12 April 2026, Asia/Shanghai), one created one second
// before it (T0) and one at the instant it ends (TN); then the split of a
// date range into weeks and months, rounding and empty periods.
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/rpc/status_details.h"
#include "svc-tickets/src/domain/kpi.h"

namespace huinong::tickets {

// Readable failures.
void PrintTo(const Rate& r, std::ostream* os) { *os << r.numerator << "/" << r.denominator << " = " << r.bp << " bp"; }
void PrintTo(const AgeBucket& b, std::ostream* os) {
  *os << "[" << absl::FormatDuration(b.min_age) << ", " << absl::FormatDuration(b.max_age) << "): " << b.count;
}

namespace {

using S = TicketState;
using K = ClockKind;
using CS = ClockState;
using O = CallbackOutcome;
using P = PromiseState;

const absl::TimeZone& Shanghai() {
  static const absl::TimeZone zone = [] {
    absl::TimeZone z;
    if (!absl::LoadTimeZone("Asia/Shanghai", &z)) z = absl::FixedTimeZone(8 * 3600);
    return z;
  }();
  return zone;
}

// 2026-04-dd hh:mm:ss in Shanghai (UTC+8).
absl::Time Apr(int day, int hour, int minute = 0, int second = 0) {
  return absl::FromCivil(absl::CivilSecond(2026, 4, day, hour, minute, second), Shanghai());
}
absl::Time Utc(int month, int day, int hour, int minute = 0, int second = 0) {
  return absl::FromCivil(absl::CivilSecond(2026, month, day, hour, minute, second), absl::UTCTimeZone());
}

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

constexpr TicketType kConsultation = TicketType::kConsultation;
constexpr TicketType kComplaint = TicketType::kComplaint;
constexpr TicketChannel kPhone = TicketChannel::kPhone;
constexpr TicketChannel kVisit = TicketChannel::kVisit;
constexpr TicketChannel kOnline = TicketChannel::kOnline;
constexpr Priority kP1 = Priority::kP1;
constexpr Priority kP2 = Priority::kP2;
constexpr Priority kP3 = Priority::kP3;
constexpr Priority kP4 = Priority::kP4;
const absl::Time kNever = absl::InfiniteFuture();

// Days of week 15: Mon 6, Tue 7, Wed 8, Thu 9, Fri 10, Sat 11, Sun 12. The
// week is [Apr(6, 0), Apr(13, 0)) = [2026-04-05T16:00Z, 2026-04-12T16:00Z).
// Clocks are one per kind, the current round's (sla_clock.h).
std::vector<KpiTicket> DataSet() {
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

KpiPeriod Week15() {
  absl::StatusOr<std::vector<KpiPeriod>> p =
      SplitKpiPeriod(absl::CivilDay(2026, 4, 6), absl::CivilDay(2026, 4, 12), KpiSplit::kWhole, Shanghai());
  return p->at(0);
}

const KpiFigures& Week() {
  static const KpiFigures f = ComputeKpiFigures(DataSet(), Week15().from, Week15().to);
  return f;
}

Rate R(int64_t numerator, int64_t denominator, int32_t bp) { return {numerator, denominator, bp}; }

TEST(KpiWeek, ThePeriodIsTheShanghaiWeekInUtcInstants) {
  // Monday 6 April 00:00 +08:00 is Sunday 5 April 16:00Z; the week ends at
  // Monday 13 April 00:00 +08:00 = Sunday 12 April 16:00Z.
  EXPECT_EQ(Week15().from, Utc(4, 5, 16));
  EXPECT_EQ(Week15().to, Utc(4, 12, 16));
}

TEST(KpiWeek, ReceivedByTypeChannelAndPriority) {
  const KpiFigures& f = Week();
  // received 17: T1..T17. Not T0 (created 15:59:59Z, one second before) nor
  // TN (created at the week's end instant).
  EXPECT_EQ(f.received, 17);
  // Types: consultation T1 T2 T11 T13 T15 = 5; complaint T3 T4 T16 = 3;
  // grievance T8; repair T5 T12 = 2; incident T14; help T7; suggestion T10;
  // claim T9; emergency T6 T17 = 2. 5+3+1+2+1+1+1+1+2 = 17; no praise row.
  const std::map<TicketType, int64_t> by_type = {{kConsultation, 5},
                                                 {kComplaint, 3},
                                                 {TicketType::kGrievance, 1},
                                                 {TicketType::kRepair, 2},
                                                 {TicketType::kIncidentReport, 1},
                                                 {TicketType::kHelpRequest, 1},
                                                 {TicketType::kSuggestion, 1},
                                                 {TicketType::kClaim, 1},
                                                 {TicketType::kEmergency, 2}};
  EXPECT_EQ(f.by_type, by_type);
  // Channels: phone T1 T3 T5 T6 T11 T16 = 6; visit T2 T7 T14 T17 = 4; letter
  // T9; online T4 T10 T15 = 3; SMS T8; callback T13; patrol T12. 6+4+1+3+1+1+1 = 17.
  const std::map<TicketChannel, int64_t> by_channel = {{kPhone, 6},
                                                       {kVisit, 4},
                                                       {TicketChannel::kLetter, 1},
                                                       {kOnline, 3},
                                                       {TicketChannel::kSms, 1},
                                                       {TicketChannel::kCallback, 1},
                                                       {TicketChannel::kPatrol, 1}};
  EXPECT_EQ(f.by_channel, by_channel);
  // P1 T6 T7 T17 = 3; P2 T3 T9 T16 = 3; P3 T4 T5 T8 T12 T14 = 5;
  // P4 T1 T2 T10 T11 T13 T15 = 6. 3+3+5+6 = 17.
  const std::map<Priority, int64_t> by_priority = {{kP1, 3}, {kP2, 3}, {kP3, 5}, {kP4, 6}};
  EXPECT_EQ(f.by_priority, by_priority);
}

TEST(KpiWeek, FirstContactAndMajorComplaints) {
  const KpiFigures& f = Week();
  // Answered or resolved at first contact: T1 T2 T5 T10 → 4/17 = 2352.94 → 2353 bp.
  EXPECT_EQ(f.first_contact_resolution, R(4, 17, 2353));
  // P2: T3 T9 T16 → 3/17 = 1764.71 → 1765 bp (the target is ≤ 100 bp).
  EXPECT_EQ(f.major_complaint_rate, R(3, 17, 1765));
}

TEST(KpiWeek, ClocksOfTheWeeksRequests) {
  const KpiFigures& f = Week();
  // FIRST_RESPONSE of T1..T17: cancelled T11 T15 and running T16 do not
  // count; 14 stopped, of them T8 MISSED → 13/14 = 9285.71 → 9286 bp. T0's
  // MISSED clock is the previous week's request.
  EXPECT_EQ(f.first_response_on_time, R(13, 14, 9286));
  // RESOLUTION stopped: T1 T2 T3 T5 T6 T7 T8 T10 = 8 (T4 T9 T17 breached but
  // running, T13 T14 T16 running, T11 T12 T15 cancelled); T7 MISSED →
  // 7/8 = 8750 bp: the timely handling rate.
  EXPECT_EQ(f.resolution_on_time, R(7, 8, 8750));
  // COMPLAINT_CLOSURE stopped: T3 MISSED, T8 MET (T4 T16 running) → 1/2 = 5000 bp.
  EXPECT_EQ(f.complaint_closure_on_time, R(1, 2, 5000));
  // P1: T6 (manager told in time), T7 (MISSED), T17 (not told: BREACHED) →
  // 1/3 = 3333.33 → 3333 bp.
  EXPECT_EQ(f.manager_notified_on_time, R(1, 3, 3333));
}

TEST(KpiWeek, CallbacksAndReopening) {
  const KpiFigures& f = Week();
  // Ever RESOLVED with a callback required: T3 T4 T5 T6 T7 T8 = 6 (T2 needs
  // none, T16 is not resolved); with an attempt: all but T7 → 5/6 = 8333.33 → 8333 bp.
  EXPECT_EQ(f.callback_rate, R(5, 6, 8333));
  // Reached attempts: T3 S S, T4 U, T5 S (its unreachable one not counted),
  // T6 S, T8 S S → 6 satisfied of 7 = 8571.43 → 8571 bp.
  EXPECT_EQ(f.satisfaction, R(6, 7, 8571));
  // Ever RESOLVED or ANSWERED: T1 T2 T3 T4 T5 T6 T7 T8 T10 = 9; reopened
  // T2 T4 → 2/9 = 2222.22 → 2222 bp.
  EXPECT_EQ(f.reopen_rate, R(2, 9, 2222));
}

TEST(KpiWeek, PromisesAndBreachesByTheirOwnTime) {
  const KpiFigures& f = Week();
  // Promised in the week and settled: T0 #1 Wed BREACHED (the previous
  // week's request), T2 #1 Thu KEPT, T3 #1 Wed KEPT, T4 #1 Tue KEPT, T4 #2
  // Thu BREACHED, T6 #1 Wed KEPT, T7 #1 Wed KEPT, T8 #1 Thu KEPT, T9 #1 Fri
  // BREACHED = 9. Not: T12 #1 (open, cancelled), T13 #1 (renegotiated), T14
  // #1 (due at the end instant). 3/9 = 3333.33 → 3333 bp.
  EXPECT_EQ(f.promise_breach_rate, R(3, 9, 3333));
  // Late clocks due in the week: T0 first response Mon 14:00, T3 closure
  // Fri 00:00, T4 resolution Fri 17:30, T7 manager Tue 10:15 and resolution
  // Wed 10:00, T8 first response Tue 16:30, T9 resolution Sat 00:00, T17
  // manager Sat 20:15 and resolution Sun 20:00 = 9. Not T14's follow-up
  // gap, due at Mon 13 00:00.
  EXPECT_EQ(f.sla_breaches, 9);
}

TEST(KpiWeek, BacklogAndStuckAtTheWeeksEnd) {
  const KpiFigures& f = Week();
  // Open at Mon 13 00:00: T0 (waiting), T4 T9 T17 (in progress), T7
  // (resolved, not called back), T13 (assigned), T14 (case opened), T15
  // (its cancellation is at that very instant), T16 (registered) = 9.
  EXPECT_EQ(f.backlog, 9);
  // Ages: T16 1 h → < 1 day; T15 exactly 24 h, T17 28 h, T14 2 d 8 h →
  // 1–3 days; T13 3 d 15 h, T9 5 d 9 h, T7 5 d 14 h, T4 6 d 13 h → 3–7
  // days; T0 7 days and 1 s → 7 days and more.
  ASSERT_EQ(f.backlog_by_age.size(), 4u);
  const absl::Duration day = absl::Hours(24);
  EXPECT_EQ(f.backlog_by_age[0], (AgeBucket{absl::ZeroDuration(), day, 1}));
  EXPECT_EQ(f.backlog_by_age[1], (AgeBucket{day, 3 * day, 3}));
  EXPECT_EQ(f.backlog_by_age[2], (AgeBucket{3 * day, 7 * day, 4}));
  EXPECT_EQ(f.backlog_by_age[3], (AgeBucket{7 * day, absl::InfiniteDuration(), 1}));
  // No activity for more than 48 h before the end: T0 (last Wed 15:30, 4 d
  // 8.5 h), T7 (Wed 11:00, 3 d 13 h), T9 (Fri 17:30, 54.5 h), T13 (Fri
  // 11:00, 61 h; Monday's call is after the end) = 4. Not T4 (Sat 10:00,
  // 38 h), T17 (Sat 21:00, 27 h), T15 (created Sun 00:00, 24 h), T16 (1 h),
  // nor T14: exactly 48 h is not more.
  EXPECT_EQ(f.stuck, 4);
}

TEST(KpiWeek, EveryCancellationCounted) {
  const KpiFigures& f = Week();
  // T11 Wed (withdrawn), T12 Wed (duplicate); T15 at the end instant is the
  // next week's.
  EXPECT_EQ(f.cancelled, 2);
  const std::map<CancelReason, int64_t> by_reason = {{CancelReason::kDuplicate, 1},
                                                     {CancelReason::kCustomerWithdrew, 1}};
  EXPECT_EQ(f.cancelled_by_reason, by_reason);
}

TEST(KpiWeek, TheNeighbouringWeeksTakeWhatLiesOnTheirSide) {
  const std::vector<KpiTicket> data = DataSet();
  // Week 14 (30 March – 5 April): T0 only, created one second before its end.
  const KpiFigures before = ComputeKpiFigures(data, Apr(5, 0) - absl::Hours(6 * 24), Apr(6, 0));
  EXPECT_EQ(before.received, 1);
  EXPECT_EQ(before.by_type, (std::map<TicketType, int64_t>{{TicketType::kRepair, 1}}));
  EXPECT_EQ(before.first_response_on_time, R(0, 1, 0));  // T0's clock MISSED
  EXPECT_EQ(before.sla_breaches, 0);                     // … due in week 15
  EXPECT_EQ(before.backlog, 1);                          // T0, registered, 1 s old
  EXPECT_EQ(before.backlog_by_age[0].count, 1);
  EXPECT_EQ(before.stuck, 0);
  // Week 16 (13 – 19 April): TN, T15's cancellation, T14's promise and
  // follow-up gap due at its first instant.
  const KpiFigures after = ComputeKpiFigures(data, Apr(13, 0), Apr(20, 0));
  EXPECT_EQ(after.received, 1);
  EXPECT_EQ(after.cancelled, 1);
  EXPECT_EQ(after.cancelled_by_reason, (std::map<CancelReason, int64_t>{{CancelReason::kCreatedInError, 1}}));
  EXPECT_EQ(after.promise_breach_rate, R(1, 1, 10000));
  EXPECT_EQ(after.sla_breaches, 1);
  EXPECT_EQ(after.first_response_on_time, R(0, 0, 0));  // TN's clock still runs
}

TEST(KpiFiguresTest, AnEmptyPeriodHasZeroRatesAndFourEmptyBuckets) {
  const KpiFigures f = ComputeKpiFigures({}, Apr(6, 0), Apr(13, 0));
  EXPECT_EQ(f.received, 0);
  EXPECT_TRUE(f.by_type.empty());
  for (const Rate& r : {f.first_contact_resolution, f.first_response_on_time, f.resolution_on_time, f.callback_rate,
                        f.satisfaction, f.major_complaint_rate, f.reopen_rate, f.promise_breach_rate,
                        f.complaint_closure_on_time, f.manager_notified_on_time}) {
    EXPECT_EQ(r, R(0, 0, 0));
  }
  ASSERT_EQ(f.backlog_by_age.size(), 4u);
  for (const AgeBucket& b : f.backlog_by_age) EXPECT_EQ(b.count, 0);
}

TEST(KpiFiguresTest, StuckFollowsTheGivenGap) {
  // Of the four stuck at 48 h, T9 (54.5 h) and T13 (61 h) are not at 72 h;
  // T0 (104.5 h) and T7 (85 h) are.
  const std::vector<KpiTicket> data = DataSet();
  EXPECT_EQ(ComputeKpiFigures(data, Apr(6, 0), Apr(13, 0), absl::Hours(72)).stuck, 2);
}

TEST(RateTest, RoundsHalfUp) {
  EXPECT_EQ(MakeRate(1, 8), R(1, 8, 1250));       // exact
  EXPECT_EQ(MakeRate(1, 32), R(1, 32, 313));      // 312.5 → 313
  EXPECT_EQ(MakeRate(3, 32), R(3, 32, 938));      // 937.5 → 938
  EXPECT_EQ(MakeRate(1, 20000), R(1, 20000, 1));  // 0.5 → 1
  EXPECT_EQ(MakeRate(1, 20001), R(1, 20001, 0));  // 0.49998 → 0
  EXPECT_EQ(MakeRate(1, 3), R(1, 3, 3333));       // 3333.33 → 3333
  EXPECT_EQ(MakeRate(2, 3), R(2, 3, 6667));       // 6666.67 → 6667
  EXPECT_EQ(MakeRate(7, 7), R(7, 7, 10000));
  EXPECT_EQ(MakeRate(0, 7), R(0, 7, 0));
}

TEST(RateTest, ZeroDenominatorGivesZero) {
  EXPECT_EQ(MakeRate(0, 0), R(0, 0, 0));
  EXPECT_EQ(MakeRate(5, 0), R(5, 0, 0));
}

std::vector<std::pair<absl::CivilDay, absl::CivilDay>> Days(const std::vector<KpiPeriod>& periods) {
  std::vector<std::pair<absl::CivilDay, absl::CivilDay>> out;
  for (const KpiPeriod& p : periods) out.emplace_back(p.first_day, p.last_day);
  return out;
}

using CD = absl::CivilDay;

TEST(SplitKpiPeriodTest, MonthsOfARangeStartingMidMonth) {
  absl::StatusOr<std::vector<KpiPeriod>> p =
      SplitKpiPeriod(CD(2026, 1, 20), CD(2026, 3, 10), KpiSplit::kMonth, Shanghai());
  ASSERT_TRUE(p.ok()) << p.status();
  // 20–31 January, all of February (28 days in 2026), 1–10 March.
  EXPECT_EQ(Days(*p), (std::vector<std::pair<CD, CD>>{{CD(2026, 1, 20), CD(2026, 1, 31)},
                                                      {CD(2026, 2, 1), CD(2026, 2, 28)},
                                                      {CD(2026, 3, 1), CD(2026, 3, 10)}}));
  // Local midnights are 16:00Z the day before.
  EXPECT_EQ((*p)[0].from, Utc(1, 19, 16));
  EXPECT_EQ((*p)[0].to, Utc(1, 31, 16));
  EXPECT_EQ((*p)[1].from, Utc(1, 31, 16));
  EXPECT_EQ((*p)[2].to, Utc(3, 10, 16));
}

TEST(SplitKpiPeriodTest, IsoWeeksMondayFirstAWeekCrossingAMonthEndStaysWhole) {
  // Wednesday 25 March – Wednesday 8 April 2026: the rest of week 13, week 14
  // (Monday 30 March – Sunday 5 April, across the month end), then Monday
  // 6 – Wednesday 8 April.
  absl::StatusOr<std::vector<KpiPeriod>> p =
      SplitKpiPeriod(CD(2026, 3, 25), CD(2026, 4, 8), KpiSplit::kWeek, Shanghai());
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(Days(*p), (std::vector<std::pair<CD, CD>>{{CD(2026, 3, 25), CD(2026, 3, 29)},
                                                      {CD(2026, 3, 30), CD(2026, 4, 5)},
                                                      {CD(2026, 4, 6), CD(2026, 4, 8)}}));
  // Each slice's end is the next one's start: no instant is lost or counted twice.
  EXPECT_EQ((*p)[0].to, (*p)[1].from);
  EXPECT_EQ((*p)[1].to, (*p)[2].from);
  EXPECT_EQ((*p)[1].from, Utc(3, 29, 16));
  EXPECT_EQ((*p)[1].to, Utc(4, 5, 16));
}

TEST(SplitKpiPeriodTest, TheZoneMovesTheInstants) {
  // The same week read in UTC starts eight hours later than in Shanghai.
  absl::StatusOr<std::vector<KpiPeriod>> utc =
      SplitKpiPeriod(CD(2026, 4, 6), CD(2026, 4, 12), KpiSplit::kWeek, absl::UTCTimeZone());
  ASSERT_TRUE(utc.ok());
  ASSERT_EQ(utc->size(), 1u);
  EXPECT_EQ((*utc)[0].from, Utc(4, 6, 0));
  EXPECT_EQ((*utc)[0].from - Week15().from, absl::Hours(8));
  // T0 (15:59:59Z on the 5th) is outside the Shanghai week and T1 (16:00Z) inside.
  EXPECT_LT(Apr(5, 23, 59, 59), Week15().from);
  EXPECT_EQ(Apr(6, 0), Week15().from);
}

TEST(SplitKpiPeriodTest, WholeIsOneSlice) {
  absl::StatusOr<std::vector<KpiPeriod>> p =
      SplitKpiPeriod(CD(2026, 1, 20), CD(2026, 3, 10), KpiSplit::kWhole, Shanghai());
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(Days(*p), (std::vector<std::pair<CD, CD>>{{CD(2026, 1, 20), CD(2026, 3, 10)}}));
  absl::StatusOr<std::vector<KpiPeriod>> one =
      SplitKpiPeriod(CD(2026, 4, 8), CD(2026, 4, 8), KpiSplit::kWeek, Shanghai());
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(Days(*one), (std::vector<std::pair<CD, CD>>{{CD(2026, 4, 8), CD(2026, 4, 8)}}));
}

TEST(SplitKpiPeriodTest, AtMost400DaysEndNotBeforeStart) {
  // 1 January 2026 + 399 days = 4 February 2027: 400 days, both ends counted.
  EXPECT_TRUE(SplitKpiPeriod(CD(2026, 1, 1), CD(2027, 2, 4), KpiSplit::kMonth, Shanghai()).ok());
  for (const auto& [start, end] : std::vector<std::pair<CD, CD>>{{CD(2026, 1, 1), CD(2027, 2, 5)},  // 401 days
                                                                 {CD(2026, 4, 8), CD(2026, 4, 7)}}) {
    absl::StatusOr<std::vector<KpiPeriod>> p = SplitKpiPeriod(start, end, KpiSplit::kWeek, Shanghai());
    ASSERT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument) << start << ".." << end;
    const std::vector<rpc::FieldViolation> v = rpc::FieldViolationsOf(p.status());
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].field, "period.end");
  }
}

}  // namespace
}  // namespace huinong::tickets
