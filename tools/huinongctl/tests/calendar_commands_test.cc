// The calendar commands end to end against the fake: what goes on the wire
// (the version read from --spec, --unit and --as-of, the etag fetched before
// add-version, the deadline's arrival instant and days) and what the user
// sees; and demo load making the county's calendar once.
#include <fstream>
#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/org_format.h"
#include "tools/huinongctl/tests/fake_suite.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;
using ::testing::HasSubstr;

class CalendarCommandsTest : public ::testing::Test {
 protected:
  absl::Status Run(const std::vector<std::string>& words) {
    absl::StatusOr<Invocation> inv = suite_.Parse(words);
    if (!inv.ok()) return inv.status();
    ::testing::internal::CaptureStdout();
    const absl::Status status = inv->command == "demo load" ? RunDemoLoad(*inv) : RunCalendar(*inv);
    out_ = ::testing::internal::GetCapturedStdout();
    return status;
  }

  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = ::testing::TempDir() + name;
    std::ofstream(path) << text;
    return path;
  }

  testing::FakeSuite suite_;
  std::string out_;
};

constexpr char kSpec[] = R"({"effective_from": "2026-01-01",
  "weekday_hours": [{"weekday": "Monday", "periods": [{"start": "08:30", "end": "17:30"}]}],
  "holidays": [{"day": "2026-10-01", "name": "国庆节"}]})";

TEST_F(CalendarCommandsTest, CreateGetAddVersionAndListVersions) {
  const std::string spec = WriteFile("calendar.json", kSpec);
  ASSERT_TRUE(Run({"calendar", "create", "--unit", "U001", "--name", "县中心工作日历", "--spec", spec,
                   "--request-id", "cal-1"}).ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("created workCalendars/C001\n"));
  EXPECT_THAT(out_, HasSubstr("hours      Mon 08:30–17:30\n"));
  EXPECT_THAT(out_, HasSubstr("holiday    2026-10-01  国庆节\n"));
  EXPECT_THAT(out_, HasSubstr("request_id  cal-1\n"));
  const auto calendars = suite_.calendars().Calendars();
  ASSERT_EQ(calendars.size(), 1u);
  EXPECT_EQ(calendars[0].first.unit(), "units/U001");
  EXPECT_EQ(calendars[0].first.display_name(), "县中心工作日历");
  EXPECT_EQ(DateText(calendars[0].second[0].holidays(0).day()), "2026-10-01");

  ASSERT_TRUE(Run({"calendar", "get", "--unit", "U001", "--as-of", "2026-03-01"}).ok()) << out_;
  EXPECT_EQ(suite_.calendars().last_get().unit(), "units/U001");
  EXPECT_EQ(DateText(suite_.calendars().last_get().as_of()), "2026-03-01");
  EXPECT_THAT(out_, HasSubstr("from       2026-01-01\n"));

  const std::string later = WriteFile("later.json", R"({"effective_from": "2027-01-01", "all_day": true})");
  ASSERT_TRUE(Run({"calendar", "add-version", "C001", "--spec", later}).ok()) << out_;
  EXPECT_EQ(suite_.calendars().last_add_etag(), "1");  // fetched, not given
  EXPECT_THAT(out_, HasSubstr("added a version to workCalendars/C001\n"));
  EXPECT_THAT(out_, HasSubstr("hours      24×7\n"));

  ASSERT_TRUE(Run({"calendar", "versions", "workCalendars/C001"}).ok()) << out_;  // two pages of one
  EXPECT_EQ(out_,
            "FROM        ZONE           HOURS            HOLIDAYS  MAKEUP DAYS\n"
            "2026-01-01  Asia/Shanghai  Mon 08:30–17:30  1         0\n"
            "2027-01-01                 24×7             0         0\n");
}

TEST_F(CalendarCommandsTest, DeadlineSendsTheArrivalInstantAndPrintsTheAnswer) {
  v1::ComputeWorkingDeadlineResponse answer;
  answer.mutable_deadline_time()->set_seconds(1771948800);  // 2026-02-24T16:00:00Z
  *answer.mutable_due_day() = *ParseDate("2026-02-24");
  *answer.mutable_arrival_day() = *ParseDate("2026-02-13");
  answer.set_calendar("workCalendars/C001");
  *answer.mutable_version_effective_from() = *ParseDate("2026-01-01");
  suite_.calendars().SetDeadline(answer);
  ASSERT_TRUE(Run({"calendar", "deadline", "--unit", "U009", "--arrival", "2026-02-13T10:00:00+08:00", "--days", "2"})
                  .ok()) << out_;
  const v1::ComputeWorkingDeadlineRequest sent = suite_.calendars().last_deadline_request();
  EXPECT_EQ(sent.unit(), "units/U009");
  EXPECT_EQ(sent.working_days(), 2);
  EXPECT_EQ(sent.arrival_time().seconds(), 1770948000);  // 2026-02-13T02:00:00Z
  EXPECT_THAT(out_, HasSubstr("deadline  2026-02-24T16:00:00Z\n"));

  EXPECT_TRUE(IsUsageError(Run({"calendar", "deadline", "--unit", "U009", "--arrival", "Friday", "--days", "2"})));
  EXPECT_TRUE(IsUsageError(Run({"calendar", "deadline", "--unit", "U009", "--arrival", "2026-02-13T10:00:00Z"})));
  EXPECT_TRUE(IsUsageError(Run({"calendar", "create", "--unit", "U001", "--name", "x", "--spec",
                                WriteFile("bad.json", R"({"holiday": []})")})));
}

TEST_F(CalendarCommandsTest, DemoLoadGivesTheCountyCentreItsCalendarOnce) {
  ASSERT_TRUE(Run({"demo", "load"}).ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("calendars      1\n"));
  auto calendars = suite_.calendars().Calendars();
  ASSERT_EQ(calendars.size(), 1u);
  EXPECT_EQ(calendars[0].first.unit(), suite_.org().Units().front().name());
  EXPECT_EQ(calendars[0].first.display_name(), "固安县金融扶贫服务中心工作日历");
  EXPECT_EQ(calendars[0].second[0].holidays_size(), 33);
  EXPECT_EQ(calendars[0].second[0].makeup_days_size(), 6);

  ASSERT_TRUE(Run({"demo", "load"}).ok()) << out_;
  EXPECT_THAT(out_, HasSubstr("demo data: 0 created, "));
  EXPECT_EQ(suite_.calendars().Calendars().size(), 1u);
}

}  // namespace
}  // namespace huinong::ctl
