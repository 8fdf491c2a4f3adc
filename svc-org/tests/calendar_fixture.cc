#include "svc-org/tests/calendar_fixture.h"

#include <tuple>
#include <utility>
#include <vector>

namespace huinong::org {
namespace {

void Hours(v1::WeekdayHours* day, v1::DayOfWeek weekday, const std::vector<std::pair<std::string, std::string>>& periods) {
  day->set_weekday(weekday);
  for (const auto& [start, end] : periods) {
    v1::WorkPeriod* p = day->add_periods();
    p->set_start(start);
    p->set_end(end);
  }
}

}  // namespace

void CalendarFixture::SetUp() {
  StructureFixture::SetUp();
  county_ = MustCreate("固安县金融扶贫服务中心", v1::UNIT_KIND_CENTRE, type::v1::LEVEL_COUNTY, "");
  township_ = MustCreate("宫村镇金融服务部", v1::UNIT_KIND_DEPARTMENT, type::v1::LEVEL_TOWNSHIP, county_.name());
  village_ = MustCreate("大韩寨村金融扶贫服务站", v1::UNIT_KIND_STATION, type::v1::LEVEL_VILLAGE, township_.name());
}

v1::WorkCalendarVersion CalendarFixture::Demo2026() {
  v1::WorkCalendarVersion v;
  *v.mutable_effective_from() = D(2026, 1, 1);
  for (v1::DayOfWeek d : {v1::DAY_OF_WEEK_MONDAY, v1::DAY_OF_WEEK_TUESDAY, v1::DAY_OF_WEEK_WEDNESDAY,
                          v1::DAY_OF_WEEK_THURSDAY, v1::DAY_OF_WEEK_FRIDAY}) {
    Hours(v.add_weekday_hours(), d, {{"08:30", "12:00"}, {"13:30", "17:30"}});
  }
  struct Span {
    int month, first, last;
    const char* name;
  };
  for (const Span& s : std::vector<Span>{{1, 1, 3, "元旦"}, {2, 15, 23, "春节"}, {4, 4, 6, "清明节"},
                                         {5, 1, 5, "劳动节"}, {6, 19, 21, "端午节"}, {9, 25, 27, "中秋节"},
                                         {10, 1, 7, "国庆节"}}) {
    for (int day = s.first; day <= s.last; ++day) {
      v1::Holiday* h = v.add_holidays();
      *h->mutable_day() = D(2026, s.month, day);
      h->set_name(s.name);
    }
  }
  for (const auto& [month, day, name] : std::vector<std::tuple<int, int, const char*>>{
           {1, 4, "调休上班"}, {2, 14, "调休上班"}, {2, 28, "调休上班"}, {5, 9, "调休上班"},
           {9, 20, "调休上班"}, {10, 10, "调休上班"}}) {
    v1::MakeupDay* m = v.add_makeup_days();
    *m->mutable_day() = D(2026, month, day);
    m->set_name(name);
  }
  return v;
}

v1::WorkCalendarVersion CalendarFixture::Weekdays(const type::v1::Date& from, const std::string& start,
                                                  const std::string& end) {
  v1::WorkCalendarVersion v;
  *v.mutable_effective_from() = from;
  for (v1::DayOfWeek d : {v1::DAY_OF_WEEK_MONDAY, v1::DAY_OF_WEEK_TUESDAY, v1::DAY_OF_WEEK_WEDNESDAY,
                          v1::DAY_OF_WEEK_THURSDAY, v1::DAY_OF_WEEK_FRIDAY}) {
    Hours(v.add_weekday_hours(), d, {{start, end}});
  }
  return v;
}

v1::CreateWorkCalendarRequest CalendarFixture::CreateRequest(const v1::Unit& unit,
                                                             const v1::WorkCalendarVersion& version) {
  v1::CreateWorkCalendarRequest req;
  req.set_request_id(NextRequest());
  req.mutable_calendar()->set_unit(unit.name());
  req.mutable_calendar()->set_display_name(unit.display_name() + "工作日历");
  *req.mutable_calendar()->mutable_version() = version;
  return req;
}

v1::WorkCalendar CalendarFixture::MustCreateCalendar(const v1::Unit& unit, const v1::WorkCalendarVersion& version) {
  v1::WorkCalendar out;
  const grpc::Status s = calendars_->CreateWorkCalendar(Admin().get(), CreateRequest(unit, version), &out);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return out;
}

grpc::Status CalendarFixture::AddVersion(grpc::ClientContext* ctx, const v1::WorkCalendar& calendar,
                                         const v1::WorkCalendarVersion& version, v1::WorkCalendar* out,
                                         const std::string& request_id) {
  v1::AddWorkCalendarVersionRequest req;
  req.set_request_id(request_id.empty() ? NextRequest() : request_id);
  req.set_name(calendar.name());
  req.set_etag(calendar.etag());
  *req.mutable_version() = version;
  return calendars_->AddWorkCalendarVersion(ctx, req, out);
}

v1::WorkCalendar CalendarFixture::MustGet(const std::string& name, const type::v1::Date& as_of) {
  v1::GetWorkCalendarRequest req;
  req.set_name(name);
  if (as_of.year() != 0) *req.mutable_as_of() = as_of;
  v1::WorkCalendar out;
  const grpc::Status s = calendars_->GetWorkCalendar(Admin().get(), req, &out);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return out;
}

}  // namespace huinong::org
