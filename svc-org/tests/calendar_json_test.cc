// A calendar version's spec as stored (store/calendar_json.h): its exact
// form, and every part read back.
#include <gtest/gtest.h>

#include "svc-org/src/store/calendar_json.h"

namespace huinong::org::store {
namespace {

namespace cal = ::huinong::calendar;

cal::WorkCalendarSpec Sample() {
  cal::WorkCalendarSpec spec;
  spec.time_zone = "Asia/Shanghai";
  spec.weekday_hours = {{absl::Weekday::monday, {{cal::WallClock(8, 30), cal::WallClock(12)}}},
                        {absl::Weekday::saturday, {{cal::WallClock(9, 0, 15), cal::WallClock(24)}}}};
  spec.holidays = {{absl::CivilDay(2026, 10, 1), "国庆节"}};
  spec.makeup_days = {{absl::CivilDay(2026, 10, 10), {}, "调休上班"},
                      {absl::CivilDay(2026, 10, 11), {{cal::WallClock(13, 30), cal::WallClock(17, 30)}}, ""}};
  return spec;
}

TEST(CalendarJson, WritesTheDomainSpecInItsStoredForm) {
  cal::WorkCalendarSpec small;
  small.weekday_hours = {{absl::Weekday::friday, {{cal::WallClock(8, 30), cal::WallClock(17, 30)}}}};
  small.holidays = {{absl::CivilDay(2026, 1, 1), "元旦"}};
  EXPECT_EQ(EncodeSpec(small),
            "{\"all_day\":false,\"holidays\":[{\"day\":\"2026-01-01\",\"name\":\"元旦\"}],\"makeup_days\":[],"
            "\"time_zone\":\"Asia/Shanghai\",\"weekday_hours\":[{\"periods\":[{\"end\":\"17:30\",\"start\":\"08:30\"}],"
            "\"weekday\":\"Friday\"}]}");
}

TEST(CalendarJson, ReadsBackEveryPart) {
  const cal::WorkCalendarSpec spec = Sample();
  const cal::WorkCalendarSpec back = DecodeSpec(EncodeSpec(spec));
  EXPECT_EQ(back.time_zone, spec.time_zone);
  EXPECT_FALSE(back.all_day);
  ASSERT_EQ(back.weekday_hours.size(), 2u);
  EXPECT_EQ(back.weekday_hours[1].weekday, absl::Weekday::saturday);
  ASSERT_EQ(back.weekday_hours[1].periods.size(), 1u);
  EXPECT_EQ(back.weekday_hours[1].periods[0].start, cal::WallClock(9, 0, 15));
  EXPECT_EQ(back.weekday_hours[1].periods[0].end, cal::WallClock(24));
  ASSERT_EQ(back.holidays.size(), 1u);
  EXPECT_EQ(back.holidays[0].day, absl::CivilDay(2026, 10, 1));
  EXPECT_EQ(back.holidays[0].name, "国庆节");
  ASSERT_EQ(back.makeup_days.size(), 2u);
  EXPECT_TRUE(back.makeup_days[0].periods.empty());
  EXPECT_EQ(back.makeup_days[0].name, "调休上班");
  EXPECT_EQ(back.makeup_days[1].day, absl::CivilDay(2026, 10, 11));
  EXPECT_EQ(back.makeup_days[1].periods[0].start, cal::WallClock(13, 30));
  EXPECT_EQ(EncodeSpec(back), EncodeSpec(spec));

  cal::WorkCalendarSpec all_day;
  all_day.time_zone = "Europe/Berlin";
  all_day.all_day = true;
  const cal::WorkCalendarSpec all_back = DecodeSpec(EncodeSpec(all_day));
  EXPECT_TRUE(all_back.all_day);
  EXPECT_EQ(all_back.time_zone, "Europe/Berlin");
}

TEST(CalendarJson, ReadsMissingMembersAsEmpty) {
  const cal::WorkCalendarSpec spec = DecodeSpec("{\"time_zone\":\"Asia/Shanghai\"}");
  EXPECT_EQ(spec.time_zone, "Asia/Shanghai");
  EXPECT_TRUE(spec.weekday_hours.empty());
  EXPECT_TRUE(spec.holidays.empty());
  EXPECT_TRUE(DecodeSpec("not json").time_zone.empty());
}

}  // namespace
}  // namespace huinong::org::store
