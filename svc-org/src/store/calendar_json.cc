// See calendar_json.h.
#include "svc-org/src/store/calendar_json.h"

#include "svc-org/src/store/json_parts.h"

namespace huinong::org::store {
namespace {

using calendar::WorkPeriod;

Json PeriodJson(const WorkPeriod& p) {
  return {{"start", calendar::ClockText(p.start)}, {"end", calendar::ClockText(p.end)}};
}
WorkPeriod PeriodOf(const Json& v) {
  return {calendar::ParseClockText(Str(v, "start")).value_or(absl::ZeroDuration()),
          calendar::ParseClockText(Str(v, "end")).value_or(absl::ZeroDuration())};
}

absl::Weekday WeekdayOf(const std::string& name) {
  for (int d = 0; d < 7; ++d) {
    const auto weekday = static_cast<absl::Weekday>(d);
    if (calendar::WeekdayName(weekday) == name) return weekday;
  }
  return absl::Weekday::monday;
}

absl::CivilDay DayIn(const Json& obj) { return DayOf(obj, "day").value_or(absl::CivilDay(1970, 1, 1)); }

}  // namespace

std::string EncodeSpec(const calendar::WorkCalendarSpec& spec) {
  const Json v = {
      {"time_zone", spec.time_zone},
      {"all_day", spec.all_day},
      {"weekday_hours", List(spec.weekday_hours, [](const calendar::WeekdayHours& w) {
         return Json{{"weekday", std::string(calendar::WeekdayName(w.weekday))},
                     {"periods", List(w.periods, PeriodJson)}};
       })},
      {"holidays", List(spec.holidays, [](const calendar::Holiday& h) {
         return Json{{"day", Day(h.day)}, {"name", h.name}};
       })},
      {"makeup_days", List(spec.makeup_days, [](const calendar::MakeupDay& m) {
         return Json{{"day", Day(m.day)}, {"periods", List(m.periods, PeriodJson)}, {"name", m.name}};
       })}};
  return Print(v);
}

calendar::WorkCalendarSpec DecodeSpec(const std::string& json) {
  const Json v = Parse(json);
  calendar::WorkCalendarSpec spec;
  spec.time_zone = Str(v, "time_zone");
  const Json& all_day = Field(v, "all_day");
  spec.all_day = all_day.is_boolean() && all_day.get<bool>();
  Each(Field(v, "weekday_hours"), spec.weekday_hours, [](const Json& w) {
    calendar::WeekdayHours out{WeekdayOf(Str(w, "weekday")), {}};
    Each(Field(w, "periods"), out.periods, PeriodOf);
    return out;
  });
  Each(Field(v, "holidays"), spec.holidays,
       [](const Json& h) { return calendar::Holiday{DayIn(h), Str(h, "name")}; });
  Each(Field(v, "makeup_days"), spec.makeup_days, [](const Json& m) {
    calendar::MakeupDay out{DayIn(m), {}, Str(m, "name")};
    Each(Field(m, "periods"), out.periods, PeriodOf);
    return out;
  });
  return spec;
}

}  // namespace huinong::org::store
