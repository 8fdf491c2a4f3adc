// What the schedule tests share (schedule_test.cc, schedule_dates_test.cc):
// the seeds' small loan, terms built from it, the checks every schedule must
// pass, and the work calendars the rest-day tests move due dates on.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

#include "absl/time/civil_time.h"
#include "common/calendar/work_calendar.h"
#include "svc-loans/src/domain/months.h"
#include "svc-loans/src/domain/schedule.h"

namespace huinong::loans::schedule_test {

using absl::CivilDay;

constexpr int64_t kSeedLoanFen = 5'000'000;  // 50,000 CNY, the small-loan ceiling (000:1497)
constexpr int kBaseRateBp = 435;             // the base rate, 4.35%

inline ScheduleTerms Terms(int64_t principal_fen, CivilDay disbursed, int months,
                           RepaymentMethod method = RepaymentMethod::kMonthlyInterestBullet,
                           DayCount day_count = DayCount::kActual365) {
  ScheduleTerms t;
  t.principal_fen = principal_fen;
  t.rate_bp = kBaseRateBp;
  t.disbursement_date = disbursed;
  t.maturity_date = AddMonths(disbursed, months);
  t.method = method;
  t.day_count = day_count;
  return t;
}

inline int64_t PrincipalSum(const std::vector<Instalment>& s) {
  return std::accumulate(s.begin(), s.end(), int64_t{0},
                         [](int64_t sum, const Instalment& i) { return sum + i.principal_due_fen; });
}
inline int64_t InterestSum(const std::vector<Instalment>& s) {
  return std::accumulate(s.begin(), s.end(), int64_t{0},
                         [](int64_t sum, const Instalment& i) { return sum + i.interest_due_fen; });
}

// What every schedule promises: consecutive indexes, periods that follow
// each other from `start`, days = due − start, interest by the one formula
// on the principal still outstanding, no negative principal, and principal
// adding up to `principal_fen`.
inline void ExpectWellFormed(const std::vector<Instalment>& s, const ScheduleTerms& terms, CivilDay start,
                             int64_t principal_fen) {
  ASSERT_FALSE(s.empty());
  int64_t outstanding = principal_fen;
  CivilDay period_start = start;
  for (size_t k = 0; k < s.size(); ++k) {
    SCOPED_TRACE(s[k].index);
    EXPECT_EQ(s[k].index, s[0].index + static_cast<int>(k));
    EXPECT_EQ(s[k].period_start, period_start);
    EXPECT_EQ(s[k].days, s[k].due_date - s[k].period_start);
    EXPECT_EQ(s[k].interest_due_fen, InterestFen(outstanding, terms.rate_bp, terms.day_count, s[k].days));
    EXPECT_GE(s[k].principal_due_fen, 0);
    outstanding -= s[k].principal_due_fen;
    period_start = s[k].due_date;
  }
  EXPECT_EQ(outstanding, 0);
}

// A schedule BuildSchedule or RebuildScheduleFrom made, expected to have
// `count` instalments and to be well formed; padded or cut to `count` when
// it is not (the failure recorded), so a test can index it safely.
inline std::vector<Instalment> Checked(const absl::StatusOr<std::vector<Instalment>>& made, const ScheduleTerms& terms,
                                       CivilDay start, int64_t principal_fen, size_t count) {
  EXPECT_TRUE(made.ok()) << made.status();
  std::vector<Instalment> s = made.ok() ? *made : std::vector<Instalment>{};
  EXPECT_EQ(s.size(), count);
  if (s.size() == count) ExpectWellFormed(s, terms, start, principal_fen);
  s.resize(count);
  return s;
}

inline std::vector<Instalment> Build(const ScheduleTerms& terms, size_t count) {
  return Checked(BuildSchedule(terms), terms, terms.disbursement_date, terms.principal_fen, count);
}

inline std::vector<Instalment> Rebuild(const ScheduleTerms& terms, CivilDay from, int64_t outstanding_fen,
                                       size_t count) {
  return Checked(RebuildScheduleFrom(terms, from, outstanding_fen), terms, from, outstanding_fen, count);
}

// One instalment's period: its due date, its days and its interest.
inline void ExpectPeriod(const Instalment& i, CivilDay due, int days, int64_t interest_fen) {
  EXPECT_EQ(i.due_date, due) << "instalment " << i.index;
  EXPECT_EQ(i.days, days) << "instalment " << i.index;
  EXPECT_EQ(i.interest_due_fen, interest_fen) << "instalment " << i.index;
}

// One instalment's amounts: principal and interest due.
inline void ExpectDue(const Instalment& i, int64_t principal_fen, int64_t interest_fen) {
  EXPECT_EQ(i.principal_due_fen, principal_fen) << "instalment " << i.index;
  EXPECT_EQ(i.interest_due_fen, interest_fen) << "instalment " << i.index;
}

// An annuity: every instalment but the last pays exactly `fixed_fen`.
inline void ExpectFixedInstalments(const std::vector<Instalment>& s, int64_t fixed_fen) {
  for (size_t k = 0; k + 1 < s.size(); ++k) {
    EXPECT_EQ(s[k].principal_due_fen + s[k].interest_due_fen, fixed_fen) << "instalment " << s[k].index;
  }
}

// Mon–Fri, no holidays and no make-up days.
inline calendar::WorkCalendarSpec OfficeWeek() {
  calendar::WorkCalendarSpec spec;
  for (absl::Weekday d : {absl::Weekday::monday, absl::Weekday::tuesday, absl::Weekday::wednesday,
                          absl::Weekday::thursday, absl::Weekday::friday}) {
    spec.weekday_hours.push_back({d, {{calendar::WallClock(8, 30), calendar::WallClock(17, 30)}}});
  }
  return spec;
}

inline calendar::WorkCalendar PlainWeek() { return *calendar::WorkCalendar::Create(OfficeWeek()); }

// The office week with 4–6 April 2026 holidays (清明节) and Saturday 28
// February 2026 a make-up working day (春节调休), as in the 2026 national
// schedule.
inline calendar::WorkCalendar CountyCalendar() {
  calendar::WorkCalendarSpec spec = OfficeWeek();
  for (int day = 4; day <= 6; ++day) spec.holidays.push_back({CivilDay(2026, 4, day), "清明节"});
  spec.makeup_days = {{CivilDay(2026, 2, 28), {}, "春节调休"}};
  return *calendar::WorkCalendar::Create(spec);
}

}  // namespace huinong::loans::schedule_test
