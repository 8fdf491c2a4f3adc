// See calendar_proto.h.
#include "common/org_directory/calendar_proto.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"

namespace huinong::org_directory {
namespace {

namespace cal = ::huinong::calendar;
namespace v1 = ::huinong::org::v1;

// Bounds on what one version may list, so a request stays small.
constexpr int kMaxPeriodsPerDay = 12;
constexpr int kMaxListedDays = 400;
constexpr size_t kMaxNameChars = 100;

absl::Duration Clock(const std::string& text, const std::string& field, rpc::Violations& v) {
  std::optional<absl::Duration> d = cal::ParseClockText(text);
  if (!d) v.Add(field, absl::StrCat("\"", text, "\" is not a time of day (HH:MM or HH:MM:SS, 00:00–24:00)"));
  return d.value_or(absl::ZeroDuration());
}

std::vector<cal::WorkPeriod> Periods(const google::protobuf::RepeatedPtrField<v1::WorkPeriod>& periods,
                                     const std::string& field, rpc::Violations& v) {
  if (periods.size() > kMaxPeriodsPerDay) v.Add(field, absl::StrCat("at most ", kMaxPeriodsPerDay, " periods"));
  std::vector<cal::WorkPeriod> out;
  for (int i = 0; i < periods.size(); ++i) {
    const std::string at = absl::StrCat(field, "[", i, "]");
    out.push_back({Clock(periods[i].start(), at + ".start", v), Clock(periods[i].end(), at + ".end", v)});
  }
  return out;
}

absl::CivilDay Day(const type::v1::Date& date, const std::string& field, rpc::Violations& v) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) {
    v.Add(field, "required");
    return absl::CivilDay(1970, 1, 1);
  }
  return rpc::FromDate(date, field, v).value_or(absl::CivilDay(1970, 1, 1));
}

void Name(const std::string& text, const std::string& field, rpc::Violations& v) {
  if (!text.empty()) rpc::CheckText(text, field, 1, kMaxNameChars, v);
}

void Count(int size, const std::string& field, rpc::Violations& v) {
  if (size > kMaxListedDays) v.Add(field, absl::StrCat("at most ", kMaxListedDays, " days"));
}

v1::WorkPeriod PeriodProto(const cal::WorkPeriod& p) {
  v1::WorkPeriod out;
  out.set_start(cal::ClockText(p.start));
  out.set_end(cal::ClockText(p.end));
  return out;
}

}  // namespace

cal::WorkCalendarSpec SpecFromProto(const v1::WorkCalendarVersion& p, const std::string& f, rpc::Violations& v) {
  const size_t refused_before = v.list().size();
  cal::WorkCalendarSpec spec;
  spec.time_zone = p.time_zone().empty() ? std::string(cal::kDefaultCalendarZone) : p.time_zone();
  spec.all_day = p.all_day();
  for (int i = 0; i < p.weekday_hours_size(); ++i) {
    const v1::WeekdayHours& w = p.weekday_hours(i);
    const std::string at = absl::StrCat(f, "weekday_hours[", i, "]");
    cal::WeekdayHours hours;
    if (w.weekday() < v1::DAY_OF_WEEK_MONDAY || w.weekday() > v1::DAY_OF_WEEK_SUNDAY) {
      v.Add(at + ".weekday", "required: a day of the week");
    } else {
      hours.weekday = static_cast<absl::Weekday>(w.weekday() - v1::DAY_OF_WEEK_MONDAY);
    }
    hours.periods = Periods(w.periods(), at + ".periods", v);
    spec.weekday_hours.push_back(std::move(hours));
  }
  Count(p.holidays_size(), f + "holidays", v);
  for (int i = 0; i < p.holidays_size(); ++i) {
    const std::string at = absl::StrCat(f, "holidays[", i, "]");
    spec.holidays.push_back({Day(p.holidays(i).day(), at + ".day", v), p.holidays(i).name()});
    Name(p.holidays(i).name(), at + ".name", v);
  }
  Count(p.makeup_days_size(), f + "makeup_days", v);
  for (int i = 0; i < p.makeup_days_size(); ++i) {
    const v1::MakeupDay& m = p.makeup_days(i);
    const std::string at = absl::StrCat(f, "makeup_days[", i, "]");
    spec.makeup_days.push_back({Day(m.day(), at + ".day", v), Periods(m.periods(), at + ".periods", v), m.name()});
    Name(m.name(), at + ".name", v);
  }
  // The spec's own rules judge values, so they run once every value parsed
  // (a period that is not a time would otherwise be refused twice).
  if (v.list().size() == refused_before) {
    for (const cal::CalendarViolation& bad : cal::CalendarViolations(spec)) v.Add(f + bad.field, bad.description);
  }
  return spec;
}

void SpecToProto(const cal::WorkCalendarSpec& spec, v1::WorkCalendarVersion& p) {
  p.set_time_zone(spec.time_zone);
  p.set_all_day(spec.all_day);
  for (const cal::WeekdayHours& w : spec.weekday_hours) {
    v1::WeekdayHours* out = p.add_weekday_hours();
    out->set_weekday(static_cast<v1::DayOfWeek>(static_cast<int>(w.weekday) + v1::DAY_OF_WEEK_MONDAY));
    for (const cal::WorkPeriod& period : w.periods) *out->add_periods() = PeriodProto(period);
  }
  for (const cal::Holiday& h : spec.holidays) {
    v1::Holiday* out = p.add_holidays();
    *out->mutable_day() = rpc::ToDate(h.day);
    out->set_name(h.name);
  }
  for (const cal::MakeupDay& m : spec.makeup_days) {
    v1::MakeupDay* out = p.add_makeup_days();
    *out->mutable_day() = rpc::ToDate(m.day);
    for (const cal::WorkPeriod& period : m.periods) *out->add_periods() = PeriodProto(period);
    out->set_name(m.name);
  }
}

}  // namespace huinong::org_directory
