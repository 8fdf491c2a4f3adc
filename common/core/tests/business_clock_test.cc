#include "common/core/business_clock.h"

#include <gtest/gtest.h>

namespace huinong {
namespace {

absl::Time Utc(int y, int mo, int d, int h, int mi) {
  return absl::FromCivil(absl::CivilMinute(y, mo, d, h, mi), absl::UTCTimeZone());
}

TEST(BusinessClock, At2330UtcItIsAlreadyTheNextDayInBeijing) {
  auto clock = BusinessClock::Settable(Utc(2026, 12, 1, 23, 30), "Asia/Shanghai");
  EXPECT_EQ(clock->Today(), absl::CivilDay(2026, 12, 2));
  EXPECT_EQ(absl::ToCivilDay(clock->Now(), absl::UTCTimeZone()), absl::CivilDay(2026, 12, 1));
}

TEST(BusinessClock, BeijingMidnightIsSixteenHundredUtcTheDayBefore) {
  auto clock = BusinessClock::Settable(Utc(2026, 12, 1, 15, 59), "Asia/Shanghai");
  EXPECT_EQ(clock->Today(), absl::CivilDay(2026, 12, 1));
  clock->Advance(absl::Minutes(1));
  EXPECT_EQ(clock->Today(), absl::CivilDay(2026, 12, 2));
  EXPECT_EQ(clock->StartOf(absl::CivilDay(2026, 12, 2)), Utc(2026, 12, 1, 16, 0));
}

TEST(BusinessClock, SettableStandsStillUntilMoved) {
  const absl::Time start = Utc(2026, 1, 31, 8, 0);
  auto clock = BusinessClock::Settable(start, "Asia/Shanghai");
  EXPECT_EQ(clock->Now(), start);
  clock->Set(Utc(2026, 2, 28, 1, 0));
  EXPECT_EQ(clock->Today(), absl::CivilDay(2026, 2, 28));
  EXPECT_EQ(clock->zone_name(), "Asia/Shanghai");
}

TEST(BusinessClock, SystemClockInAnUnknownZoneIsRefusedNamingIt) {
  auto clock = BusinessClock::System("Asia/Atlantis");
  ASSERT_FALSE(clock.ok());
  EXPECT_EQ(clock.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(clock.status().message().find("Asia/Atlantis"), std::string::npos);
}

TEST(BusinessClock, SystemClockTodayIsTheZonesDayOfNow) {
  auto clock = BusinessClock::System("Asia/Shanghai");
  ASSERT_TRUE(clock.ok());
  const absl::Time now = (*clock)->Now();
  EXPECT_LE(absl::AbsDuration(now - absl::Now()), absl::Seconds(5));
  const absl::CivilDay expected = absl::ToCivilDay(absl::Now(), (*clock)->zone());
  EXPECT_LE(std::abs((*clock)->Today() - expected), 1);  // a midnight may pass between the reads
}

TEST(BusinessClock, ASystemClockWithAnOffsetRunsThatFarAheadOfTheWallClock) {
  auto ahead = BusinessClock::System("Asia/Shanghai", absl::Hours(120));
  ASSERT_TRUE(ahead.ok());
  const absl::Duration lead = (*ahead)->Now() - absl::Now();
  EXPECT_GE(lead, absl::Hours(120) - absl::Seconds(5));
  EXPECT_LE(lead, absl::Hours(120) + absl::Seconds(5));
  const absl::CivilDay wall = absl::ToCivilDay(absl::Now(), (*ahead)->zone());
  EXPECT_LE(std::abs((*ahead)->Today() - (wall + 5)), 1);
}

}  // namespace
}  // namespace huinong
