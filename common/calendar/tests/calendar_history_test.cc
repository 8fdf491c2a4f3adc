// Dated calendar versions: the one in force on a day, and a deadline taken
// on the version in force on the arrival day.
#include <vector>

#include <gtest/gtest.h>

#include "common/calendar/calendar_history.h"
#include "common/calendar/tests/fixture_calendars.h"

namespace huinong::calendar {
namespace {

using testing::County;
using testing::PlainWeek;

using Day = absl::CivilDay;

// The plain week from 2026-01-01; the county calendar (holiday on Wednesday
// 2026-03-11) from 2026-03-01.
CalendarHistory TwoVersions() {
  return *CalendarHistory::Create({{Day(2026, 3, 1), County()}, {Day(2026, 1, 1), PlainWeek()}});
}

TEST(CalendarHistory, AsOfAnswersTheVersionInForceOnTheDay) {
  const CalendarHistory history = TwoVersions();
  ASSERT_EQ(history.versions().size(), 2u);
  EXPECT_EQ(history.versions()[0].effective_from, Day(2026, 1, 1));
  EXPECT_EQ((*history.AsOf(Day(2026, 2, 28)))->spec().holidays.size(), 0u);
  EXPECT_EQ((*history.AsOf(Day(2026, 3, 1)))->spec().holidays.size(), 1u);
  EXPECT_EQ((*history.AsOf(Day(2030, 1, 1)))->spec().holidays.size(), 1u);
}

TEST(CalendarHistory, ADeadlineUsesTheVersionOfTheArrivalDay) {
  const CalendarHistory history = TwoVersions();
  // Arrival Tuesday 2026-03-10: the county version rests on Wednesday 11.
  EXPECT_EQ(*(*history.AsOf(Day(2026, 3, 10)))->AddWorkingDays(Day(2026, 3, 10), 2), Day(2026, 3, 13));
}

TEST(CalendarHistory, BeforeTheFirstVersionThereIsNoCalendar) {
  absl::StatusOr<const WorkCalendar*> none = TwoVersions().AsOf(Day(2025, 12, 31));
  EXPECT_EQ(none.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(none.status().message(), "no work calendar is in force on 2025-12-31 (the first is from 2026-01-01)");
  EXPECT_EQ((*CalendarHistory::Create({})).AsOf(Day(2026, 1, 1)).status().message(),
            "no work calendar is in force on 2026-01-01 (there is none)");
}

TEST(CalendarHistory, TwoVersionsFromOneDateAreRefused) {
  absl::StatusOr<CalendarHistory> twice = CalendarHistory::Create(
      {{Day(2026, 3, 1), County()}, {Day(2026, 1, 1), PlainWeek()}, {Day(2026, 3, 1), PlainWeek()}});
  EXPECT_EQ(twice.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(twice.status().message(),
            "versions[2].effective_from: 2026-03-01 is already the effective date of versions[0]");
}

}  // namespace
}  // namespace huinong::calendar
