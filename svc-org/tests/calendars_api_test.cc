// CalendarService against a real MariaDB: a calendar and its dated
// versions (as_of reads, same-day replacement, etags), every bad field of a
// version named, who may write and who may read, request-id replays and one
// audit event per write.
#include <tuple>

#include <gtest/gtest.h>

#include "svc-org/tests/calendar_fixture.h"

namespace huinong::org {
namespace {

class Calendars : public CalendarFixture {};

TEST_F(Calendars, CreateThenGetByNameAnswersTheFirstVersionWithTheDefaultZoneFilledIn) {
  const v1::WorkCalendar made = MustCreateCalendar(county_, Demo2026());
  EXPECT_TRUE(made.name().starts_with("workCalendars/")) << made.name();
  EXPECT_EQ(made.unit(), county_.name());
  EXPECT_EQ(made.etag(), "1");

  const v1::WorkCalendar got = MustGet(made.name(), D(2026, 6, 1));
  EXPECT_EQ(got.name(), made.name());
  EXPECT_EQ(got.display_name(), "固安县金融扶贫服务中心工作日历");
  const v1::WorkCalendarVersion& v = got.version();
  EXPECT_EQ(v.time_zone(), "Asia/Shanghai");
  EXPECT_EQ(v.effective_from().year(), 2026);
  EXPECT_EQ(v.effective_from().month(), 1);
  EXPECT_EQ(v.effective_from().day(), 1);
  ASSERT_EQ(v.weekday_hours_size(), 5);
  EXPECT_EQ(v.weekday_hours(4).weekday(), v1::DAY_OF_WEEK_FRIDAY);
  ASSERT_EQ(v.weekday_hours(4).periods_size(), 2);
  EXPECT_EQ(v.weekday_hours(4).periods(1).start(), "13:30");
  EXPECT_EQ(v.weekday_hours(4).periods(1).end(), "17:30");
  EXPECT_EQ(v.holidays_size(), 3 + 9 + 3 + 5 + 3 + 3 + 7);
  EXPECT_EQ(v.holidays(3).name(), "春节");
  EXPECT_EQ(v.holidays(3).day().month(), 2);
  EXPECT_EQ(v.holidays(3).day().day(), 15);
  ASSERT_EQ(v.makeup_days_size(), 6);
  EXPECT_EQ(v.makeup_days(1).day().day(), 14);
  EXPECT_EQ(v.makeup_days(1).periods_size(), 0);  // a Monday's hours
}

TEST_F(Calendars, AsOfSelectsTheVersionInForceBeforeAndAfterALaterVersion) {
  const v1::WorkCalendar made = MustCreateCalendar(county_, Demo2026());
  v1::WorkCalendar added;
  ASSERT_TRUE(AddVersion(Admin().get(), made, Weekdays(DaysFromToday(10), "09:00", "17:00"), &added).ok());
  EXPECT_EQ(added.etag(), "2");
  EXPECT_EQ(added.version().weekday_hours(0).periods(0).start(), "09:00");

  const v1::WorkCalendar before = MustGet(made.name(), DaysFromToday(9));
  EXPECT_EQ(before.version().effective_from().year(), 2026);
  EXPECT_EQ(before.version().weekday_hours(0).periods(0).start(), "08:30");
  EXPECT_EQ(MustGet(made.name()).version().weekday_hours(0).periods(0).start(), "08:30");  // today
  const v1::WorkCalendar after = MustGet(made.name(), DaysFromToday(10));
  EXPECT_EQ(after.version().weekday_hours(0).periods(0).start(), "09:00");
  EXPECT_EQ(after.version().holidays_size(), 0);
  EXPECT_EQ(after.etag(), "2");
  // Before the first version there is none in force.
  EXPECT_FALSE(MustGet(made.name(), D(2025, 12, 31)).has_version());

  v1::ListWorkCalendarVersionsRequest list;
  list.set_name(made.name());
  list.set_page_size(1);
  v1::ListWorkCalendarVersionsResponse page;
  ASSERT_TRUE(calendars_->ListWorkCalendarVersions(Admin().get(), list, &page).ok());
  ASSERT_EQ(page.versions_size(), 1);
  EXPECT_EQ(page.versions(0).effective_from().year(), 2026);
  ASSERT_FALSE(page.next_page_token().empty());
  list.set_page_token(page.next_page_token());
  ASSERT_TRUE(calendars_->ListWorkCalendarVersions(Admin().get(), list, &page).ok());
  ASSERT_EQ(page.versions_size(), 1);
  EXPECT_EQ(page.versions(0).effective_from().day(), DaysFromToday(10).day());
  EXPECT_TRUE(page.next_page_token().empty());
}

TEST_F(Calendars, AVersionFromTheSameDayReplacesTheLatestAndEarlierOnesAreRefused) {
  const v1::WorkCalendar made = MustCreateCalendar(county_, Demo2026());
  v1::WorkCalendar first, second;
  ASSERT_TRUE(AddVersion(Admin().get(), made, Weekdays(DaysFromToday(5), "09:00", "17:00"), &first).ok());
  // The etag changed: the old one is stale.
  v1::WorkCalendar stale;
  const grpc::Status s = AddVersion(Admin().get(), made, Weekdays(DaysFromToday(5), "10:00", "16:00"), &stale);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(Reason(s), "STALE_ETAG");
  ASSERT_TRUE(AddVersion(Admin().get(), first, Weekdays(DaysFromToday(5), "10:00", "16:00"), &second).ok());
  EXPECT_EQ(second.etag(), "3");

  v1::ListWorkCalendarVersionsRequest list;
  list.set_name(made.name());
  v1::ListWorkCalendarVersionsResponse versions;
  ASSERT_TRUE(calendars_->ListWorkCalendarVersions(Admin().get(), list, &versions).ok());
  ASSERT_EQ(versions.versions_size(), 2);  // the same-day one replaced, not added
  EXPECT_EQ(versions.versions(1).weekday_hours(0).periods(0).start(), "10:00");
  EXPECT_EQ(MustGet(made.name(), DaysFromToday(5)).version().weekday_hours(0).periods(0).end(), "16:00");

  v1::WorkCalendar refused;
  const grpc::Status early = AddVersion(Admin().get(), second, Weekdays(DaysFromToday(4), "09:00", "17:00"), &refused);
  EXPECT_EQ(early.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(early), "EFFECTIVE_DATE_TOO_EARLY");
  const grpc::Status past = AddVersion(Admin().get(), second, Weekdays(DaysFromToday(-1), "09:00", "17:00"), &refused);
  EXPECT_EQ(past.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(past), "EFFECTIVE_DATE_PASSED");
}

TEST_F(Calendars, ABadVersionNamesEveryBadFieldByItsRequestPath) {
  v1::WorkCalendarVersion v = Weekdays(D(2026, 1, 1), "08:30", "17:30");
  v.set_time_zone("Mars/Olympus");
  v.mutable_weekday_hours(0)->mutable_periods(0)->set_start("18:00");                  // inverted
  v1::WorkPeriod* overlap = v.mutable_weekday_hours(1)->add_periods();                  // 12:00–13:00 inside
  overlap->set_start("12:00");
  overlap->set_end("13:00");
  v.add_holidays()->mutable_day()->CopyFrom(D(2026, 10, 1));                            // no name
  v1::MakeupDay* monday = v.add_makeup_days();                                           // already worked
  *monday->mutable_day() = D(2026, 1, 5);
  v1::WorkCalendar out;
  const grpc::Status s = calendars_->CreateWorkCalendar(Admin().get(), CreateRequest(county_, v), &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), (std::set<std::string>{
                           "calendar.version.time_zone",
                           "calendar.version.weekday_hours[0].periods[0]",
                           "calendar.version.weekday_hours[1].periods[1]",
                           "calendar.version.holidays[0].name",
                           "calendar.version.makeup_days[0].day",
                       }));

  // Values that do not parse are named as such, with the request's own fields.
  v1::CreateWorkCalendarRequest shape = CreateRequest(county_, Weekdays({}, "8:30", "17:30"));
  shape.mutable_calendar()->set_display_name("");
  shape.mutable_calendar()->mutable_version()->mutable_weekday_hours(2)->set_weekday(v1::DAY_OF_WEEK_UNSPECIFIED);
  shape.mutable_calendar()->mutable_version()->add_holidays()->set_name("国庆节");
  const grpc::Status bad = calendars_->CreateWorkCalendar(Admin().get(), shape, &out);
  ASSERT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(bad), (std::set<std::string>{
                             "calendar.display_name",
                             "calendar.version.effective_from",
                             "calendar.version.weekday_hours[0].periods[0].start",
                             "calendar.version.weekday_hours[1].periods[0].start",
                             "calendar.version.weekday_hours[2].weekday",
                             "calendar.version.weekday_hours[2].periods[0].start",
                             "calendar.version.weekday_hours[3].periods[0].start",
                             "calendar.version.weekday_hours[4].periods[0].start",
                             "calendar.version.holidays[0].day",
                         }));

  // A new version is checked the same way, its fields under `version`.
  const v1::WorkCalendar made = MustCreateCalendar(county_, Demo2026());
  v1::WorkCalendarVersion later = Weekdays(DaysFromToday(3), "09:00", "17:00");
  later.mutable_weekday_hours(3)->set_weekday(v1::DAY_OF_WEEK_MONDAY);
  const grpc::Status again = AddVersion(Admin().get(), made, later, &out);
  EXPECT_EQ(Fields(again), (std::set<std::string>{"version.weekday_hours[3].weekday"}));
}

TEST_F(Calendars, ATownshipCallerReadsTheCountysCalendarThroughItsUnit) {
  const v1::WorkCalendar county = MustCreateCalendar(county_, Demo2026());
  for (const v1::Unit* unit : {&township_, &village_, &county_}) {
    v1::GetWorkCalendarRequest req;
    req.set_unit(unit->name());
    *req.mutable_as_of() = D(2026, 3, 2);
    v1::WorkCalendar got;
    const grpc::Status s = calendars_->GetWorkCalendar(As("staff/t1", {}, township_.name()).get(), req, &got);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(got.name(), county.name()) << unit->display_name();
    EXPECT_EQ(got.version().holidays_size(), 33);
  }
  // A unit with a calendar of its own is governed by it, and the units below it too.
  const v1::WorkCalendar own = MustCreateCalendar(township_, Weekdays(D(2026, 1, 1), "09:00", "17:00"));
  v1::GetWorkCalendarRequest req;
  req.set_unit(village_.name());
  v1::WorkCalendar got;
  ASSERT_TRUE(calendars_->GetWorkCalendar(As("svc-loans", {"service"}).get(), req, &got).ok());
  EXPECT_EQ(got.name(), own.name());

  v1::ListWorkCalendarsResponse all;
  ASSERT_TRUE(calendars_->ListWorkCalendars(As("staff/t1", {}, township_.name()).get(), {}, &all).ok());
  ASSERT_EQ(all.calendars_size(), 2);
  EXPECT_EQ(all.calendars(0).name(), county.name());

  // Exactly one of name and unit; a unit without any calendar above it.
  req.set_name(own.name());
  EXPECT_EQ(Fields(calendars_->GetWorkCalendar(Admin().get(), req, &got)), std::set<std::string>{"name"});
  const v1::Unit lone = MustCreate("另一家公司", v1::UNIT_KIND_COMPANY, type::v1::LEVEL_UNSPECIFIED, "");
  v1::GetWorkCalendarRequest none;
  none.set_unit(lone.name());
  EXPECT_EQ(calendars_->GetWorkCalendar(Admin().get(), none, &got).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(Calendars, OnlyAdminOrOrgAdminForTheUnitOrAboveItWrites) {
  v1::WorkCalendar out;
  // hr and plain staff of the county, and an org.admin of the township for the county's calendar.
  const std::vector<std::tuple<std::string, std::string, std::string>> refused_callers = {
      {"staff/hr", "hr", county_.name()}, {"staff/s", "", county_.name()}, {"staff/ta", "org.admin", township_.name()}};
  for (const auto& [subject, role, unit] : refused_callers) {
    const std::vector<std::string> roles = role.empty() ? std::vector<std::string>{} : std::vector<std::string>{role};
    const grpc::Status s =
        calendars_->CreateWorkCalendar(As(subject, roles, unit).get(), CreateRequest(county_, Demo2026()), &out);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << s.error_message();
  }
  // The county's org.admin may write the township's calendar (a unit below).
  const grpc::Status below = calendars_->CreateWorkCalendar(
      As("staff/ca", {"org.admin"}, county_.name()).get(), CreateRequest(township_, Demo2026()), &out);
  ASSERT_TRUE(below.ok()) << below.error_message();
  v1::WorkCalendar added;
  const grpc::Status refused =
      AddVersion(As("staff/s", {}, township_.name()).get(), out, Weekdays(DaysFromToday(2), "09:00", "17:00"), &added);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(AddVersion(As("staff/ta", {"org.admin"}, township_.name()).get(), out,
                         Weekdays(DaysFromToday(2), "09:00", "17:00"), &added).ok());
  // One calendar per unit.
  const grpc::Status twice = calendars_->CreateWorkCalendar(Admin().get(), CreateRequest(township_, Demo2026()), &out);
  EXPECT_EQ(twice.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(Reason(twice), "CALENDAR_EXISTS");
}

TEST_F(Calendars, ARetryWithTheSameRequestIdChangesNothingAndEachWriteRecordsOneEvent) {
  const size_t start = OutboxEvents().size();
  const v1::CreateWorkCalendarRequest create = CreateRequest(county_, Demo2026());
  v1::WorkCalendar first, retried;
  ASSERT_TRUE(calendars_->CreateWorkCalendar(Admin().get(), create, &first).ok());
  ASSERT_TRUE(calendars_->CreateWorkCalendar(Admin().get(), create, &retried).ok());
  EXPECT_EQ(retried.name(), first.name());
  EXPECT_EQ(retried.SerializeAsString(), first.SerializeAsString());
  v1::ListWorkCalendarsResponse all;
  ASSERT_TRUE(calendars_->ListWorkCalendars(Admin().get(), {}, &all).ok());
  EXPECT_EQ(all.calendars_size(), 1);

  v1::WorkCalendar added, added_again;
  ASSERT_TRUE(AddVersion(Admin().get(), first, Weekdays(DaysFromToday(1), "09:00", "17:00"), &added, "add-1").ok());
  ASSERT_TRUE(
      AddVersion(Admin().get(), first, Weekdays(DaysFromToday(1), "09:00", "17:00"), &added_again, "add-1").ok());
  EXPECT_EQ(added_again.etag(), "2");  // answered from the first call, not a stale etag

  // validate_only checks and writes nothing.
  v1::CreateWorkCalendarRequest dry = CreateRequest(township_, Demo2026());
  dry.set_validate_only(true);
  v1::WorkCalendar checked;
  ASSERT_TRUE(calendars_->CreateWorkCalendar(Admin().get(), dry, &checked).ok());
  ASSERT_TRUE(calendars_->ListWorkCalendars(Admin().get(), {}, &all).ok());
  EXPECT_EQ(all.calendars_size(), 1);

  const std::vector<audit::v1::Event> all_events = OutboxEvents();
  ASSERT_EQ(all_events.size(), start + 2);
  const audit::v1::Event& created = all_events[start];
  const audit::v1::Event& versioned = all_events[start + 1];
  EXPECT_EQ(created.action(), "org.CreateWorkCalendar");
  EXPECT_EQ(created.resource_type(), "work_calendar");
  EXPECT_EQ(created.resource_id(), first.name());
  EXPECT_EQ(created.resource_unit(), county_.name());
  EXPECT_EQ(versioned.action(), "org.AddWorkCalendarVersion");
  EXPECT_EQ(versioned.request_id(), "add-1");
  EXPECT_NE(versioned.before_json().find("08:30"), std::string::npos);
  EXPECT_NE(versioned.after_json().find("09:00"), std::string::npos);
}

}  // namespace
}  // namespace huinong::org
