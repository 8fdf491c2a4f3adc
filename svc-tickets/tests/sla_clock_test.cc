// SLA clocks on the county's work calendar (issue 12 item 4): the issue's
// three complaints — opened on a Friday at 17:30 before a public holiday, at
// 23:00 on a Sunday, and across a make-up working Saturday — each with a
// pause while waiting on the customer and its resume; a 24×7 emergency; a
// policy change recomputing an open clock; a cancelled ticket's clocks.
// Every expected instant is worked out by hand in the comments.
#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "common/calendar/tests/fixture_calendars.h"
#include "svc-tickets/src/domain/sla_clock.h"

namespace huinong::tickets {
namespace {

using calendar::WorkCalendar;
using calendar::WorkCalendarSpec;
using calendar::testing::Build;
using calendar::testing::Local;
using calendar::testing::OfficeWeek;
using S = TicketState;

// Mon–Fri 08:30–12:00 and 13:30–17:30 (7.5 h) in Shanghai; Monday
// 2026-03-09 a public holiday (invented for the fixture); Saturday
// 2026-03-14 a make-up working day on Monday's hours.
WorkCalendar TicketCounty(bool with_makeup_saturday = true) {
  WorkCalendarSpec spec;
  spec.weekday_hours = OfficeWeek();
  spec.holidays = {{absl::CivilDay(2026, 3, 9), "Fixture Holiday"}};
  if (with_makeup_saturday) spec.makeup_days = {{absl::CivilDay(2026, 3, 14), {}, "for Fixture Holiday"}};
  return Build(std::move(spec));
}

// A complaint policy with every target the tests read.
SlaPolicy ComplaintPolicy() {
  SlaPolicy p;
  p.revision = 1;
  p.first_response = SlaTarget::Time(absl::Hours(4));
  p.reply = SlaTarget::Days(2);
  p.resolution = SlaTarget::Time(absl::Hours(16));
  p.complaint_closure = SlaTarget::Days(3);  // `003:264`
  p.callback = SlaTarget::Days(3);           // `000:863`
  p.follow_up_gap = SlaTarget::Days(2);      // `001:1077`
  p.callbacks_required = 2;
  return p;
}

class Clocks : public ::testing::Test {
 protected:
  absl::Time At(int month, int day, int hour, int minute = 0) const {
    return Local(calendar_, 2026, month, day, hour, minute);
  }
  TicketHistory Complaint(absl::Time registered) const {
    TicketHistory h;
    h.type = TicketType::kComplaint;
    h.priority = Priority::kP3;
    h.registered = registered;
    return h;
  }
  void Move(TicketHistory& h, absl::Time at, S from, S to) const { h.changes.push_back({at, from, to}); }
  Clock Get(ClockKind kind, const TicketHistory& h, absl::Time now, const SlaPolicy& policy) const {
    absl::StatusOr<std::optional<Clock>> clock = ComputeClock(kind, h, policy, calendar_, now);
    EXPECT_TRUE(clock.ok()) << clock.status();
    EXPECT_TRUE(clock.ok() && clock->has_value()) << ClockKindName(kind) << " not kept";
    return clock.ok() && clock->has_value() ? **clock : Clock{};
  }
  Clock Get(ClockKind kind, const TicketHistory& h, absl::Time now) const {
    return Get(kind, h, now, ComplaintPolicy());
  }

  WorkCalendar calendar_ = TicketCounty();
};

TEST_F(Clocks, AComplaintOnFridayAt1730BeforeAHolidayStartsOnTuesdayMorningAndPausesWhileWaiting) {
  TicketHistory h = Complaint(At(3, 6, 17, 30));
  // Saturday, Sunday and the Monday holiday rest: the clocks start Tuesday 08:30.
  Clock first = Get(ClockKind::kFirstResponse, h, At(3, 10, 10));
  EXPECT_EQ(first.start, At(3, 10, 8, 30));
  EXPECT_EQ(first.due, At(3, 10, 14));                        // 3.5 h in the morning + 0.5 h after lunch
  EXPECT_EQ(first.at_risk, At(3, 10, 11, 42));                // 80% of 4 h = 3 h 12 min
  EXPECT_EQ(first.state, ClockState::kRunning);
  EXPECT_EQ(Get(ClockKind::kResolution, h, At(3, 10, 10)).due, At(3, 12, 9, 30));  // 7.5 + 7.5 + 1 h
  // Within 3 working days of Friday: Tuesday, Wednesday, Thursday — due at Thursday's end.
  EXPECT_EQ(Get(ClockKind::kComplaintClosure, h, At(3, 10, 10)).due, At(3, 13, 0));
  EXPECT_EQ(Get(ClockKind::kFirstResponse, h, At(3, 10, 15)).state, ClockState::kBreached);

  // The case is opened Tuesday 09:00, worked, and waits on the customer
  // from 10:00 until Wednesday 09:00: 2 + 4 + 0.5 = 6.5 working hours paused.
  Move(h, At(3, 10, 9), S::kRegistered, S::kCaseOpened);
  Move(h, At(3, 10, 9, 10), S::kCaseOpened, S::kAssigned);
  Move(h, At(3, 10, 9, 20), S::kAssigned, S::kInProgress);
  Move(h, At(3, 10, 10), S::kInProgress, S::kWaitingOnCustomer);
  // While it waits every running clock is paused and has no due time.
  Clock waiting = Get(ClockKind::kResolution, h, At(3, 10, 11));
  EXPECT_EQ(waiting.state, ClockState::kPaused);
  EXPECT_EQ(waiting.due, absl::InfiniteFuture());
  EXPECT_EQ(waiting.paused, absl::Hours(1));
  EXPECT_EQ(Get(ClockKind::kFirstResponse, h, At(3, 10, 11)).state, ClockState::kMet);  // stopped at 09:00

  Move(h, At(3, 11, 9), S::kWaitingOnCustomer, S::kInProgress);
  const absl::Time now = At(3, 11, 16);
  Clock resolution = Get(ClockKind::kResolution, h, now);
  EXPECT_EQ(resolution.paused, absl::Hours(6.5));
  // 16 h of work: Tuesday 1.5 h, Wednesday 3 + 4 h, Thursday 7.5 h → Thursday 17:30.
  EXPECT_EQ(resolution.due, At(3, 12, 17, 30));
  EXPECT_EQ(resolution.at_risk, At(3, 12, 14, 18));  // 12.8 h: Thursday 3.5 h + 0.8 h after lunch
  EXPECT_EQ(resolution.state, ClockState::kRunning);
  // The closure's 22.5 working hours now run out Friday 16:30: due at Friday's end.
  EXPECT_EQ(Get(ClockKind::kComplaintClosure, h, now).due, At(3, 14, 0));
  // The reply (2 working days from Tuesday 09:00, paused 6.5 h) likewise.
  EXPECT_EQ(Get(ClockKind::kReply, h, now).due, At(3, 14, 0));
  // A follow-up on Wednesday 15:00 starts the gap again: Thursday and Friday.
  h.contacts.push_back(At(3, 11, 15));
  EXPECT_EQ(Get(ClockKind::kFollowUpGap, h, now).event, At(3, 11, 15));
  EXPECT_EQ(Get(ClockKind::kFollowUpGap, h, now).due, At(3, 14, 0));
}

TEST_F(Clocks, AComplaintAt2300OnASundayStartsMondayMorningAndIsCalledBackOverTheHoliday) {
  TicketHistory h = Complaint(At(3, 1, 23));
  EXPECT_EQ(Get(ClockKind::kFirstResponse, h, At(3, 1, 23, 30)).start, At(3, 2, 8, 30));
  EXPECT_EQ(Get(ClockKind::kFirstResponse, h, At(3, 1, 23, 30)).due, At(3, 2, 14));
  EXPECT_EQ(Get(ClockKind::kResolution, h, At(3, 1, 23, 30)).due, At(3, 4, 9, 30));
  // Monday, Tuesday, Wednesday: due at Wednesday's end.
  EXPECT_EQ(Get(ClockKind::kComplaintClosure, h, At(3, 1, 23, 30)).due, At(3, 5, 0));

  Move(h, At(3, 2, 8, 40), S::kRegistered, S::kCaseOpened);
  Move(h, At(3, 2, 8, 50), S::kCaseOpened, S::kAssigned);
  Move(h, At(3, 2, 9), S::kAssigned, S::kInProgress);
  Move(h, At(3, 2, 16), S::kInProgress, S::kWaitingOnCustomer);
  Move(h, At(3, 3, 10), S::kWaitingOnCustomer, S::kInProgress);  // paused 1.5 + 1.5 h
  // Resolution: Monday 6 h, Tuesday 6 h, Wednesday 3.5 + 0.5 h → Wednesday 14:00.
  EXPECT_EQ(Get(ClockKind::kResolution, h, At(3, 3, 11)).due, At(3, 4, 14));
  EXPECT_EQ(Get(ClockKind::kResolution, h, At(3, 3, 11)).paused, absl::Hours(3));
  // Closure: 22.5 h now run out Thursday 11:30 → due at Thursday's end.
  EXPECT_EQ(Get(ClockKind::kComplaintClosure, h, At(3, 3, 11)).due, At(3, 6, 0));

  Move(h, At(3, 4, 11), S::kInProgress, S::kResolved);
  Clock resolution = Get(ClockKind::kResolution, h, At(3, 9, 12));
  EXPECT_EQ(resolution.state, ClockState::kMet);
  EXPECT_EQ(*resolution.stop, At(3, 4, 11));
  // The callback within 3 working days of Wednesday: Thursday, Friday, then
  // over the weekend and the Monday holiday, Tuesday — due at its end.
  Clock callback = Get(ClockKind::kCallback, h, At(3, 5, 9));
  EXPECT_EQ(callback.due, At(3, 11, 0));
  EXPECT_EQ(callback.state, ClockState::kRunning);
  h.callback_attempts.push_back(At(3, 5, 10));
  EXPECT_EQ(Get(ClockKind::kCallback, h, At(3, 9, 12)).state, ClockState::kMet);
  // Closed Thursday 10:05, within the closure clock.
  Move(h, At(3, 5, 10), S::kResolved, S::kCallbackPending);
  Move(h, At(3, 5, 10, 5), S::kCallbackPending, S::kClosed);
  EXPECT_EQ(Get(ClockKind::kComplaintClosure, h, At(3, 9, 12)).state, ClockState::kMet);
}

TEST_F(Clocks, AComplaintAcrossTheMakeUpSaturdayCountsItAndItsPause) {
  TicketHistory h = Complaint(At(3, 12, 15));
  // Thursday 2.5 h, Friday 7.5 h, Saturday (worked on Monday's hours) 3.5 + 2.5 h → Saturday 16:00.
  EXPECT_EQ(Get(ClockKind::kResolution, h, At(3, 12, 16)).due, At(3, 14, 16));
  // Friday, Saturday, Monday: due at Monday's end.
  EXPECT_EQ(Get(ClockKind::kComplaintClosure, h, At(3, 12, 16)).due, At(3, 17, 0));
  // Without the make-up day the same complaint is due on Monday.
  {
    const WorkCalendar plain = TicketCounty(/*with_makeup_saturday=*/false);
    absl::StatusOr<std::optional<Clock>> c =
        ComputeClock(ClockKind::kResolution, h, ComplaintPolicy(), plain, At(3, 12, 16));
    ASSERT_TRUE(c.ok() && c->has_value());
    EXPECT_EQ((*c)->due, At(3, 16, 16));
  }

  Move(h, At(3, 12, 15, 5), S::kRegistered, S::kCaseOpened);
  Move(h, At(3, 12, 15, 10), S::kCaseOpened, S::kAssigned);
  Move(h, At(3, 12, 15, 20), S::kAssigned, S::kInProgress);
  // Waiting from Friday 13:30 to Monday 10:00: 4 + 7.5 (the Saturday) + 1.5 = 13 h.
  Move(h, At(3, 13, 13, 30), S::kInProgress, S::kWaitingOnCustomer);
  EXPECT_EQ(Get(ClockKind::kResolution, h, At(3, 14, 10)).state, ClockState::kPaused);
  Move(h, At(3, 16, 10), S::kWaitingOnCustomer, S::kInProgress);
  const absl::Time now = At(3, 16, 11);
  Clock resolution = Get(ClockKind::kResolution, h, now);
  EXPECT_EQ(resolution.paused, absl::Hours(13));
  // Thursday 2.5, Friday 3.5, Monday 2 + 4, Tuesday 3.5 + 0.5 h → Tuesday 14:00.
  EXPECT_EQ(resolution.due, At(3, 17, 14));
  // Closure: 25 working hours from Thursday 15:00 (the day's rest counts)
  // now run out Wednesday 15:30 → due at Wednesday's end.
  EXPECT_EQ(Get(ClockKind::kComplaintClosure, h, now).due, At(3, 19, 0));
  // Its at-risk point, 12.8 h: Thursday 2.5 + Friday 3.5 + Monday 6 + 0.8 h → Tuesday 09:18.
  EXPECT_EQ(resolution.at_risk, At(3, 17, 9, 18));
  EXPECT_EQ(Get(ClockKind::kResolution, h, At(3, 17, 10)).state, ClockState::kAtRisk);
  EXPECT_EQ(Get(ClockKind::kResolution, h, At(3, 17, 15)).state, ClockState::kBreached);
  // Resolved late: MISSED, and it stays so.
  Move(h, At(3, 17, 15), S::kInProgress, S::kResolved);
  EXPECT_EQ(Get(ClockKind::kResolution, h, At(3, 20, 9)).state, ClockState::kMissed);
}

TEST_F(Clocks, APolicyChangeRecomputesAnOpenClockFromTheSameHistoryAndRecordsItsRevision) {
  TicketHistory h = Complaint(At(3, 12, 15));
  SlaPolicy before = ComplaintPolicy();
  Clock first = Get(ClockKind::kResolution, h, At(3, 12, 16), before);
  EXPECT_EQ(first.due, At(3, 14, 16));
  EXPECT_EQ(first.policy_revision, 1);
  // Revision 2 halves the resolution target: Thursday 2.5 h + Friday 3.5 + 2 h → Friday 15:30.
  SlaPolicy after = before;
  after.revision = 2;
  after.resolution = SlaTarget::Time(absl::Hours(8));
  Clock recomputed = Get(ClockKind::kResolution, h, At(3, 12, 16), after);
  EXPECT_EQ(recomputed.due, At(3, 13, 15, 30));
  EXPECT_EQ(recomputed.policy_revision, 2);
  EXPECT_EQ(recomputed.start, first.start);
  // A pause recorded before the change survives it: read from the history.
  Move(h, At(3, 12, 15, 5), S::kRegistered, S::kCaseOpened);
  Move(h, At(3, 12, 15, 10), S::kCaseOpened, S::kAssigned);
  Move(h, At(3, 12, 15, 20), S::kAssigned, S::kInProgress);
  Move(h, At(3, 13, 8, 30), S::kInProgress, S::kWaitingOnCustomer);
  Move(h, At(3, 13, 12), S::kWaitingOnCustomer, S::kInProgress);  // 3.5 h
  EXPECT_EQ(Get(ClockKind::kResolution, h, At(3, 13, 13), after).due, At(3, 14, 10));  // 15:30 + 3.5 h, over Saturday
  // And a reopening starts a new round from the reopening, pauses and all.
  Move(h, At(3, 13, 14), S::kInProgress, S::kResolved);
  Move(h, At(3, 13, 15), S::kResolved, S::kReopened);
  Clock round2 = Get(ClockKind::kResolution, h, At(3, 13, 16), after);
  EXPECT_EQ(round2.event, At(3, 13, 15));
  EXPECT_EQ(round2.due, At(3, 14, 15, 30));  // Friday 2.5 h, Saturday 3.5 + 2 h
}

TEST_F(Clocks, A24x7EmergencyCountsEveryHourAndWantsTheManagerToldAtOnce) {
  TicketHistory h;
  h.type = TicketType::kEmergency;
  h.priority = Priority::kP1;
  h.registered = At(3, 1, 23);  // a Sunday night
  const SlaPolicy policy = SeedPolicy(h.type, h.priority);
  ASSERT_TRUE(policy.all_day);
  EXPECT_EQ(Get(ClockKind::kManagerNotification, h, At(3, 1, 23, 5), policy).due, At(3, 1, 23, 15));
  EXPECT_EQ(Get(ClockKind::kOnSite, h, At(3, 1, 23, 5), policy).due, At(3, 2, 0));
  EXPECT_EQ(Get(ClockKind::kResolution, h, At(3, 1, 23, 5), policy).due, At(3, 2, 23));
  EXPECT_EQ(Get(ClockKind::kManagerNotification, h, At(3, 1, 23, 20), policy).state, ClockState::kBreached);
  h.manager_notified = At(3, 1, 23, 10);
  h.on_site = At(3, 1, 23, 50);
  EXPECT_EQ(Get(ClockKind::kManagerNotification, h, At(3, 2, 9), policy).state, ClockState::kMet);
  EXPECT_EQ(Get(ClockKind::kOnSite, h, At(3, 2, 9), policy).state, ClockState::kMet);
  // A P3 complaint keeps neither clock.
  TicketHistory complaint = Complaint(At(3, 1, 23));
  absl::StatusOr<std::vector<Clock>> clocks =
      ComputeClocks(complaint, SeedPolicy(complaint.type, complaint.priority), calendar_, At(3, 2, 9));
  ASSERT_TRUE(clocks.ok());
  std::vector<ClockKind> kinds;
  for (const Clock& c : *clocks) kinds.push_back(c.kind);
  EXPECT_EQ(kinds, (std::vector<ClockKind>{ClockKind::kFirstResponse, ClockKind::kResolution,
                                           ClockKind::kComplaintClosure}));
}

TEST_F(Clocks, ACancelledTicketsClocksStopAsCancelledNeitherMetNorMissed) {
  TicketHistory h;
  h.type = TicketType::kRepair;
  h.priority = Priority::kP3;
  h.registered = At(3, 2, 9);
  Move(h, At(3, 2, 9, 30), S::kRegistered, S::kCaseOpened);
  Move(h, At(3, 4, 9), S::kCaseOpened, S::kCancelled);  // a duplicate
  absl::StatusOr<std::vector<Clock>> clocks =
      ComputeClocks(h, SeedPolicy(h.type, h.priority), calendar_, At(3, 20, 9));
  ASSERT_TRUE(clocks.ok());
  for (const Clock& c : *clocks) {
    if (c.kind == ClockKind::kFirstResponse) {
      EXPECT_EQ(c.state, ClockState::kMet);  // stopped by the case, before the cancellation
    } else {
      EXPECT_EQ(c.state, ClockState::kCancelled) << ClockKindName(c.kind);
      EXPECT_EQ(*c.stop, At(3, 4, 9));
    }
  }
}

TEST(Pauses, AreTheSpansWaitingOnTheCustomerTheLastOpenWhileItWaits) {
  TicketHistory h;
  const absl::Time t0 = absl::FromUnixSeconds(1'700'000'000);
  h.registered = t0;
  h.changes = {{t0 + absl::Hours(1), S::kInProgress, S::kWaitingOnCustomer},
               {t0 + absl::Hours(2), S::kWaitingOnCustomer, S::kInProgress},
               {t0 + absl::Hours(3), S::kEscalated, S::kWaitingOnCustomer}};
  const std::vector<calendar::TimeSpan> pauses = Pauses(h);
  ASSERT_EQ(pauses.size(), 2u);
  EXPECT_EQ(pauses[0].start, t0 + absl::Hours(1));
  EXPECT_EQ(pauses[0].end, t0 + absl::Hours(2));
  EXPECT_EQ(pauses[1].start, t0 + absl::Hours(3));
  EXPECT_EQ(pauses[1].end, absl::InfiniteFuture());
}

}  // namespace
}  // namespace huinong::tickets
