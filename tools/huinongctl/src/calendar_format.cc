// See calendar_format.h.
#include "tools/huinongctl/src/calendar_format.h"

#include <map>

#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/org_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;
using Json = nlohmann::json;

// "2026-10-01" -> {"year": 2026, "month": 10, "day": 1}; anything else is
// left for the protobuf parser to refuse.
void DateMember(Json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key) || !obj[key].is_string()) return;
  absl::StatusOr<type::v1::Date> date = ParseDate(obj[key].get<std::string>());
  if (!date.ok()) return;
  obj[key] = Json{{"year", date->year()}, {"month", date->month()}, {"day", date->day()}};
}

void WeekdayMember(Json& obj) {
  if (!obj.is_object() || !obj.contains("weekday") || !obj["weekday"].is_string()) return;
  const std::string name = absl::AsciiStrToUpper(obj["weekday"].get<std::string>());
  obj["weekday"] = name.starts_with("DAY_OF_WEEK_") ? name : "DAY_OF_WEEK_" + name;
}

void EachOf(Json& obj, const char* key, void (*fix)(Json&)) {
  if (!obj.contains(key) || !obj[key].is_array()) return;
  for (Json& item : obj[key]) fix(item);
}

std::string Periods(const google::protobuf::RepeatedPtrField<v1::WorkPeriod>& periods) {
  std::vector<std::string> parts;
  for (const v1::WorkPeriod& p : periods) parts.push_back(absl::StrCat(p.start(), "–", p.end()));
  return absl::StrJoin(parts, ", ");
}

constexpr const char* kShortDays[] = {"", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

// "Mon–Fri 08:30–12:00, 13:30–17:30; Sat 09:00–12:00"; "24×7"; "no hours".
std::string WeeklyHours(const v1::WorkCalendarVersion& v) {
  if (v.all_day()) return "24×7";
  std::map<int, std::string> by_day;
  for (const v1::WeekdayHours& w : v.weekday_hours()) {
    if (w.periods_size() > 0) by_day[w.weekday()] = Periods(w.periods());
  }
  std::vector<std::string> groups;
  for (auto it = by_day.begin(); it != by_day.end();) {
    auto last = it;
    while (std::next(last) != by_day.end() && std::next(last)->first == last->first + 1 &&
           std::next(last)->second == it->second) {
      ++last;
    }
    const bool valid = it->first >= 1 && last->first <= 7;
    const std::string days = !valid ? "?" : it == last ? kShortDays[it->first]
                                                       : absl::StrCat(kShortDays[it->first], "–", kShortDays[last->first]);
    groups.push_back(absl::StrCat(days, " ", it->second));
    it = std::next(last);
  }
  return groups.empty() ? "no hours" : absl::StrJoin(groups, "; ");
}

}  // namespace

absl::StatusOr<v1::WorkCalendarVersion> ParseCalendarFile(std::string_view text) {
  Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return absl::InvalidArgumentError("not a JSON object (a WorkCalendarVersion)");
  doc.erase("about");
  DateMember(doc, "effective_from");
  DateMember(doc, "effectiveFrom");
  for (const char* key : {"weekday_hours", "weekdayHours"}) EachOf(doc, key, &WeekdayMember);
  for (const char* key : {"holidays", "makeup_days", "makeupDays"}) {
    EachOf(doc, key, [](Json& item) { DateMember(item, "day"); });
  }
  v1::WorkCalendarVersion version;
  // The text was parsed as UTF-8, so dump() cannot throw.
  const auto status = google::protobuf::util::JsonStringToMessage(doc.dump(), &version);
  if (!status.ok()) return absl::InvalidArgumentError(status.message().as_string());
  return version;
}

std::string CalendarDetail(const v1::WorkCalendar& calendar) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"calendar", absl::StrCat(calendar.display_name(), "  ", calendar.name())},
      {"unit", calendar.unit()},
      {"etag", calendar.etag()}};
  if (!calendar.has_version()) {
    rows.push_back({"version", "none in force on that day"});
    return KeyValueBlock(rows);
  }
  const v1::WorkCalendarVersion& v = calendar.version();
  rows.push_back({"from", DateText(v.effective_from())});
  rows.push_back({"time zone", v.time_zone()});
  rows.push_back({"hours", WeeklyHours(v)});
  for (const v1::Holiday& h : v.holidays()) rows.push_back({"holiday", absl::StrCat(DateText(h.day()), "  ", h.name())});
  for (const v1::MakeupDay& m : v.makeup_days()) {
    rows.push_back({"make-up day", absl::StrCat(DateText(m.day()), "  ",
                                                m.periods_size() > 0 ? Periods(m.periods()) : "Monday's hours",
                                                m.name().empty() ? "" : "  ", m.name())});
  }
  return KeyValueBlock(rows);
}

Table CalendarVersionsTable(const std::vector<v1::WorkCalendarVersion>& versions) {
  Table table({"FROM", "ZONE", "HOURS", "HOLIDAYS", "MAKEUP DAYS"});
  for (const v1::WorkCalendarVersion& v : versions) {
    table.AddRow({DateText(v.effective_from()), v.time_zone(), WeeklyHours(v), absl::StrCat(v.holidays_size()),
                  absl::StrCat(v.makeup_days_size())});
  }
  return table;
}

std::string DeadlineText(const v1::ComputeWorkingDeadlineResponse& d) {
  const absl::Time deadline = rpc::FromTimestamp(d.deadline_time());
  return KeyValueBlock({{"deadline", absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", deadline, absl::UTCTimeZone())},
                        {"due by", absl::StrCat("the end of ", DateText(d.due_day()))},
                        {"arrived", DateText(d.arrival_day())},
                        {"calendar", d.calendar()},
                        {"version", absl::StrCat("from ", DateText(d.version_effective_from()))}});
}

}  // namespace huinong::ctl
