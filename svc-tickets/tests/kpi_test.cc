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
#include "svc-tickets/tests/kpi_test_time.h"
#include "svc-tickets/tests/kpi_week_data.h"

namespace huinong::tickets {

// Readable failures.
void PrintTo(const Rate& r, std::ostream* os) { *os << r.numerator << "/" << r.denominator << " = " << r.bp << " bp"; }
void PrintTo(const AgeBucket& b, std::ostream* os) {
  *os << "[" << absl::FormatDuration(b.min_age) << ", " << absl::FormatDuration(b.max_age) << "): " << b.count;
}

namespace {

using namespace kpi_week;  // NOLINT: the data set's names read as the hand-worked table

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

}  // namespace
}  // namespace huinong::tickets
