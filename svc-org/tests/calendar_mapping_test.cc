// The API's calendar version <-> the domain spec (api/calendar_mapping.h):
// a version survives the round trip, the empty time zone becomes the
// default, and a request's bad fields are named under the path given.
#include <gtest/gtest.h>

#include "svc-org/src/api/calendar_mapping.h"

namespace huinong::org {
namespace {

std::set<std::string> Fields(const rpc::Violations& v) {
  std::set<std::string> out;
  for (const auto& f : v.list()) out.insert(f.field);
  return out;
}

v1::WorkCalendarVersion Sample() {
  v1::WorkCalendarVersion p;
  p.mutable_effective_from()->set_year(2026);
  p.mutable_effective_from()->set_month(1);
  p.mutable_effective_from()->set_day(1);
  v1::WeekdayHours* sunday = p.add_weekday_hours();
  sunday->set_weekday(v1::DAY_OF_WEEK_SUNDAY);
  v1::WorkPeriod* period = sunday->add_periods();
  period->set_start("08:30:05");
  period->set_end("24:00");
  v1::MakeupDay* makeup = p.add_makeup_days();
  makeup->mutable_day()->set_year(2026);
  makeup->mutable_day()->set_month(10);
  makeup->mutable_day()->set_day(10);
  *makeup->add_periods() = *period;
  makeup->set_name("调休上班");
  return p;
}

TEST(CalendarMapping, AVersionSurvivesTheRoundTripWithTheDefaultZoneFilledIn) {
  rpc::Violations v;
  const CalendarVersion domain = VersionFromProto(Sample(), "version", v);
  ASSERT_TRUE(v.empty()) << v.ToStatus();
  EXPECT_EQ(domain.effective_from, absl::CivilDay(2026, 1, 1));
  EXPECT_EQ(domain.spec.time_zone, "Asia/Shanghai");
  ASSERT_EQ(domain.spec.weekday_hours.size(), 1u);
  EXPECT_EQ(domain.spec.weekday_hours[0].weekday, absl::Weekday::sunday);
  EXPECT_EQ(domain.spec.weekday_hours[0].periods[0].start, calendar::WallClock(8, 30, 5));

  v1::WorkCalendarVersion expected = Sample();
  expected.set_time_zone("Asia/Shanghai");
  v1::WorkCalendarVersion back = ToProto(domain);
  back.clear_create_time();
  EXPECT_EQ(back.SerializeAsString(), expected.SerializeAsString()) << back.DebugString();
}

TEST(CalendarMapping, NamesWhatDoesNotParseAndOnlyThenTheSpecsRules) {
  v1::WorkCalendarVersion p = Sample();
  p.mutable_weekday_hours(0)->mutable_periods(0)->set_end("25:00");
  p.mutable_makeup_days(0)->mutable_day()->set_month(13);
  p.add_holidays()->set_name(std::string(101, 'x'));
  rpc::Violations v;
  VersionFromProto(p, "calendar.version", v);
  EXPECT_EQ(Fields(v), (std::set<std::string>{"calendar.version.weekday_hours[0].periods[0].end",
                                              "calendar.version.makeup_days[0].day",
                                              "calendar.version.holidays[0].day",
                                              "calendar.version.holidays[0].name"}));

  // Everything parses: the rules of the spec speak (Saturday 2026-10-10 is
  // not a working weekday here, so the make-up day is fine; the Sunday
  // period overlaps a second one).
  v1::WorkCalendarVersion q = Sample();
  v1::WorkPeriod* overlap = q.mutable_weekday_hours(0)->add_periods();
  overlap->set_start("09:00");
  overlap->set_end("10:00");
  rpc::Violations rules;
  VersionFromProto(q, "version", rules);
  EXPECT_EQ(Fields(rules), (std::set<std::string>{"version.weekday_hours[0].periods[1]"}));
}

}  // namespace
}  // namespace huinong::org
