// See calendar_record.h.
#include "svc-org/src/domain/calendar_record.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"

namespace huinong::org {

absl::StatusOr<calendar::CalendarHistory> HistoryOf(const std::vector<CalendarVersion>& versions) {
  std::vector<calendar::CalendarHistory::Version> built;
  built.reserve(versions.size());
  for (const CalendarVersion& v : versions) {
    ASSIGN_OR_RETURN(calendar::WorkCalendar cal, calendar::WorkCalendar::Create(v.spec));
    built.push_back({v.effective_from, std::move(cal)});
  }
  return calendar::CalendarHistory::Create(std::move(built));
}

absl::StatusOr<const calendar::CalendarHistory::Version*> VersionForArrival(
    const calendar::CalendarHistory& history, absl::Time arrival, const std::string& calendar_name) {
  const auto& versions = history.versions();
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    if (it->calendar.DayOf(arrival) >= it->effective_from) return &*it;
  }
  return rpc::FailedPrecondition(
      "NO_VERSION_IN_FORCE",
      absl::StrCat(calendar_name, " has no version in force on the arrival day; its first starts ",
                   versions.empty() ? "never" : absl::FormatCivilTime(versions.front().effective_from)));
}

}  // namespace huinong::org
