// The county review's deadline (000:1517, 2 working days for a small loan)
// on a county calendar with dates of the 2026 national schedule: across a
// weekend, across a public holiday (清明节 4–6 April), across a make-up
// working Saturday (28 February), and across the Spring Festival with its
// make-up Saturday (14 February). The deadline is the end (24:00, Beijing
// time) of the 2nd working day after the day of arrival.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/review_deadline.h"

namespace huinong::loans {
namespace {

calendar::WorkCalendar County() {
  calendar::WorkCalendarSpec spec;
  for (absl::Weekday d : {absl::Weekday::monday, absl::Weekday::tuesday, absl::Weekday::wednesday,
                          absl::Weekday::thursday, absl::Weekday::friday}) {
    spec.weekday_hours.push_back(
        {d, {{calendar::WallClock(8, 30), calendar::WallClock(12)}, {calendar::WallClock(13, 30),
                                                                     calendar::WallClock(17, 30)}}});
  }
  for (int day = 15; day <= 23; ++day) spec.holidays.push_back({absl::CivilDay(2026, 2, day), "春节"});
  for (int day = 4; day <= 6; ++day) spec.holidays.push_back({absl::CivilDay(2026, 4, day), "清明节"});
  spec.makeup_days = {{absl::CivilDay(2026, 2, 14), {}, "春节调休"}, {absl::CivilDay(2026, 2, 28), {}, "春节调休"}};
  return *calendar::WorkCalendar::Create(spec);
}

absl::Time Beijing(int month, int day, int hour = 0) {
  return absl::FromCivil(absl::CivilSecond(2026, month, day, hour, 0, 0), absl::FixedTimeZone(8 * 3600));
}

CountyPolicy Policy() {
  CountyPolicy p;
  p.id = "countyPolicies/guan-2026";
  return p;
}

absl::Time Due(absl::Time arrival, ProductKind product = ProductKind::kPovertySmallLoan) {
  absl::StatusOr<ReviewDeadline> d = CountyReviewDeadline(County(), arrival, product, Policy());
  EXPECT_TRUE(d.ok()) << d.status();
  return d.ok() ? d->due : absl::InfinitePast();
}

TEST(CountyReviewDeadline, TwoWorkingDaysAcrossAWeekend) {
  // Friday 6 March → Monday 9 (1), Tuesday 10 (2): due at 24:00 on Tuesday.
  EXPECT_EQ(Due(Beijing(3, 6, 15)), Beijing(3, 11));
}

TEST(CountyReviewDeadline, TwoWorkingDaysAcrossAPublicHoliday) {
  // Thursday 2 April → Friday 3 (1); 4–6 April 清明节; Tuesday 7 (2).
  EXPECT_EQ(Due(Beijing(4, 2, 9)), Beijing(4, 8));
}

TEST(CountyReviewDeadline, TwoWorkingDaysAcrossAMakeUpWorkingSaturday) {
  // Thursday 26 February → Friday 27 (1), Saturday 28, a make-up working day (2).
  EXPECT_EQ(Due(Beijing(2, 26, 10)), Beijing(3, 1));
}

TEST(CountyReviewDeadline, AcrossTheSpringFestival) {
  // Friday 13 February → Saturday 14, worked (1); 15–23 rest; Tuesday 24 (2).
  EXPECT_EQ(Due(Beijing(2, 13, 16)), Beijing(2, 25));
}

TEST(CountyReviewDeadline, TheDayIsTheCountysNotUtc) {
  // 23:30 UTC on Thursday 5 March is 07:30 on Friday 6 March in Beijing.
  const absl::Time arrival = absl::FromCivil(absl::CivilSecond(2026, 3, 5, 23, 30, 0), absl::UTCTimeZone());
  EXPECT_EQ(Due(arrival), Beijing(3, 11));
}

TEST(CountyReviewDeadline, IndustryLoansUseTheirOwnSettingAndEveryDeadlineNamesItsPolicy) {
  absl::StatusOr<ReviewDeadline> d =
      CountyReviewDeadline(County(), Beijing(3, 6, 15), ProductKind::kIndustryDevelopment, Policy());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->working_days, 5);
  EXPECT_EQ(d->due, Beijing(3, 14));  // Mon 9 … Fri 13: due at 24:00 on Friday
  EXPECT_EQ(d->policy_version, "countyPolicies/guan-2026");
  EXPECT_FALSE(ReviewOverdue(*d, Beijing(3, 13, 23)));
  EXPECT_TRUE(ReviewOverdue(*d, Beijing(3, 14)));
}

}  // namespace
}  // namespace huinong::loans
