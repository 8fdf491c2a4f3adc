// See calendar_history.h.
#include "common/calendar/calendar_history.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace huinong::calendar {

absl::StatusOr<CalendarHistory> CalendarHistory::Create(std::vector<Version> versions) {
  // Sort indexes, not versions, so a refusal names the index the caller sent.
  std::vector<size_t> order(versions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return versions[a].effective_from < versions[b].effective_from;
  });
  for (size_t k = 1; k < order.size(); ++k) {
    const absl::CivilDay day = versions[order[k]].effective_from;
    if (day == versions[order[k - 1]].effective_from) {
      return absl::InvalidArgumentError(absl::StrCat(
          "versions[", order[k], "].effective_from: ", absl::FormatCivilTime(day),
          " is already the effective date of versions[", order[k - 1], "]"));
    }
  }
  std::vector<Version> sorted;
  sorted.reserve(versions.size());
  for (size_t i : order) sorted.push_back(std::move(versions[i]));
  return CalendarHistory(std::move(sorted));
}

absl::StatusOr<const WorkCalendar*> CalendarHistory::AsOf(absl::CivilDay day) const {
  // The first version effective after `day`; the one before it is in force.
  auto after = std::upper_bound(versions_.begin(), versions_.end(), day,
                                [](absl::CivilDay d, const Version& v) { return d < v.effective_from; });
  if (after == versions_.begin()) {
    const std::string first =
        versions_.empty() ? std::string("there is none")
                          : absl::StrCat("the first is from ", absl::FormatCivilTime(versions_.front().effective_from));
    return absl::NotFoundError(
        absl::StrCat("no work calendar is in force on ", absl::FormatCivilTime(day), " (", first, ")"));
  }
  return &std::prev(after)->calendar;
}

}  // namespace huinong::calendar
