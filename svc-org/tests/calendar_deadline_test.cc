// ComputeWorkingDeadline on the demo's 2026 calendar of the county centre,
// with the expected instants worked out by hand from the rules in
// common/calendar/work_calendar.h: the arrival day D never counts; a make-up
// Saturday works; holidays rest; the deadline is 24:00 Beijing time of the
// N-th working day after D, i.e. 16:00 UTC of that day.
#include <gtest/gtest.h>

#include "absl/time/time.h"
#include "common/rpc/proto_time.h"
#include "svc-org/tests/calendar_fixture.h"

namespace huinong::org {
namespace {

class Deadlines : public CalendarFixture {
 protected:
  void SetUp() override {
    CalendarFixture::SetUp();
    calendar_ = MustCreateCalendar(county_, Demo2026());
  }

  // RFC 3339 text -> instant.
  static absl::Time At(const std::string& text) {
    absl::Time t;
    std::string err;
    EXPECT_TRUE(absl::ParseTime(absl::RFC3339_full, text, &t, &err)) << text << ": " << err;
    return t;
  }
  static std::string Text(const google::protobuf::Timestamp& ts) {
    return absl::FormatTime(absl::RFC3339_full, rpc::FromTimestamp(ts), absl::UTCTimeZone());
  }
  static std::string DayText(const type::v1::Date& d) {
    return absl::FormatCivilTime(absl::CivilDay(d.year(), d.month(), d.day()));
  }

  grpc::Status Compute(const v1::Unit& unit, const std::string& arrival, int days,
                       v1::ComputeWorkingDeadlineResponse* out) {
    v1::ComputeWorkingDeadlineRequest req;
    req.set_unit(unit.name());
    *req.mutable_arrival_time() = rpc::ToTimestamp(At(arrival));
    req.set_working_days(days);
    return calendars_->ComputeWorkingDeadline(As("svc-loans", {"service"}).get(), req, out);
  }

  v1::WorkCalendar calendar_;
};

TEST_F(Deadlines, TwoWorkingDaysFromTheFridayBeforeSpringFestivalEndOnTuesdayTheTwentyFourth) {
  // Fri 02-13 (D, not counted) → Sat 02-14, a make-up day (1st) → 02-15..23
  // rest (春节) → Tue 02-24 (2nd): due by 24:00 on 02-24, 2026-02-24T16:00Z.
  v1::ComputeWorkingDeadlineResponse r;
  const grpc::Status s = Compute(village_, "2026-02-13T10:00:00+08:00", 2, &r);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(Text(r.deadline_time()), "2026-02-24T16:00:00+00:00");
  EXPECT_EQ(DayText(r.due_day()), "2026-02-24");
  EXPECT_EQ(DayText(r.arrival_day()), "2026-02-13");
  EXPECT_EQ(r.calendar(), calendar_.name());
  EXPECT_EQ(DayText(r.version_effective_from()), "2026-01-01");

  // One working day: the make-up Saturday itself.
  ASSERT_TRUE(Compute(village_, "2026-02-13T17:59:00+08:00", 1, &r).ok());
  EXPECT_EQ(Text(r.deadline_time()), "2026-02-14T16:00:00+00:00");
  // Arriving on the make-up Saturday (a working day, but D never counts).
  ASSERT_TRUE(Compute(township_, "2026-02-14T09:00:00+08:00", 1, &r).ok());
  EXPECT_EQ(DayText(r.due_day()), "2026-02-24");
  // Zero days: the end of the arrival day.
  ASSERT_TRUE(Compute(county_, "2026-02-13T10:00:00+08:00", 0, &r).ok());
  EXPECT_EQ(Text(r.deadline_time()), "2026-02-13T16:00:00+00:00");
}

TEST_F(Deadlines, FromTheLastDayOfSeptemberAcrossNationalDay) {
  // 07:30 Beijing on Wed 09-30 is still 09-29 in UTC: the day is Beijing's.
  // 10-01..07 rest (国庆节) → Thu 10-08 (1st), Fri 10-09 (2nd), Sat 10-10
  // make-up (3rd), Mon 10-12 (4th; Sun 10-11 rests).
  v1::ComputeWorkingDeadlineResponse r;
  ASSERT_TRUE(Compute(village_, "2026-09-29T23:30:00Z", 2, &r).ok());
  EXPECT_EQ(DayText(r.arrival_day()), "2026-09-30");
  EXPECT_EQ(DayText(r.due_day()), "2026-10-09");
  EXPECT_EQ(Text(r.deadline_time()), "2026-10-09T16:00:00+00:00");
  ASSERT_TRUE(Compute(village_, "2026-09-29T23:30:00Z", 3, &r).ok());
  EXPECT_EQ(Text(r.deadline_time()), "2026-10-10T16:00:00+00:00");
  ASSERT_TRUE(Compute(village_, "2026-09-29T23:30:00Z", 4, &r).ok());
  EXPECT_EQ(Text(r.deadline_time()), "2026-10-12T16:00:00+00:00");
  // Mid-Autumn (09-25..27) and the make-up Sunday 09-20: from Thu 09-24,
  // two working days are Mon 09-28 and Tue 09-29.
  ASSERT_TRUE(Compute(village_, "2026-09-24T15:00:00+08:00", 2, &r).ok());
  EXPECT_EQ(Text(r.deadline_time()), "2026-09-29T16:00:00+00:00");
  ASSERT_TRUE(Compute(village_, "2026-09-19T15:00:00+08:00", 1, &r).ok());  // Sat → Sun 09-20 works
  EXPECT_EQ(DayText(r.due_day()), "2026-09-20");
}

TEST_F(Deadlines, TheVersionInForceOnTheArrivalDayIsUsedAndRecorded) {
  v1::WorkCalendarVersion all_day;
  *all_day.mutable_effective_from() = DaysFromToday(3);
  all_day.set_all_day(true);
  v1::WorkCalendar added;
  ASSERT_TRUE(AddVersion(Admin().get(), calendar_, all_day, &added).ok());

  const type::v1::Date from = DaysFromToday(3);
  const absl::CivilDay day(from.year(), from.month(), from.day());
  const std::string noon = absl::FormatCivilTime(day) + "T12:00:00+08:00";
  v1::ComputeWorkingDeadlineResponse r;
  ASSERT_TRUE(Compute(village_, noon, 1, &r).ok());
  EXPECT_EQ(DayText(r.version_effective_from()), absl::FormatCivilTime(day));
  EXPECT_EQ(DayText(r.due_day()), absl::FormatCivilTime(day + 1));  // every day works, weekends too
  const std::string day_before = absl::FormatCivilTime(day - 1) + "T12:00:00+08:00";
  ASSERT_TRUE(Compute(village_, day_before, 1, &r).ok());
  EXPECT_EQ(DayText(r.version_effective_from()), "2026-01-01");
}

TEST_F(Deadlines, RefusesBadRequestsUnitsWithoutACalendarAndArrivalsBeforeTheFirstVersion) {
  v1::ComputeWorkingDeadlineResponse r;
  const grpc::Status early = Compute(village_, "2025-12-31T10:00:00+08:00", 2, &r);
  EXPECT_EQ(early.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(early), "NO_VERSION_IN_FORCE");

  const v1::Unit lone = MustCreate("另一家公司", v1::UNIT_KIND_COMPANY, type::v1::LEVEL_UNSPECIFIED, "");
  EXPECT_EQ(Compute(lone, "2026-02-13T10:00:00+08:00", 2, &r).error_code(), grpc::StatusCode::NOT_FOUND);

  v1::ComputeWorkingDeadlineRequest bad;
  bad.set_unit("village");
  bad.set_working_days(-1);
  const grpc::Status s = calendars_->ComputeWorkingDeadline(Admin().get(), bad, &r);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"unit", "arrival_time", "working_days"}));
}

}  // namespace
}  // namespace huinong::org
