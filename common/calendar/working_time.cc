// See work_calendar.h. This file: the time rules — working time between two
// instants and the instant a working time elapses, both with pauses.
#include <algorithm>
#include <vector>

#include "absl/status/status.h"
#include "common/calendar/work_calendar.h"

namespace huinong::calendar {
namespace {

// The pauses as sorted, disjoint, non-touching spans, empty ones dropped, so
// a second covered by two pauses is taken off once.
std::vector<TimeSpan> Merged(absl::Span<const TimeSpan> pauses) {
  std::vector<TimeSpan> sorted;
  for (const TimeSpan& p : pauses) {
    if (p.start < p.end) sorted.push_back(p);
  }
  std::sort(sorted.begin(), sorted.end(), [](const TimeSpan& a, const TimeSpan& b) { return a.start < b.start; });
  std::vector<TimeSpan> merged;
  for (const TimeSpan& p : sorted) {
    if (!merged.empty() && p.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, p.end);
    } else {
      merged.push_back(p);
    }
  }
  return merged;
}

// A forward-only position in merged pauses: callers ask about instants that
// never go back, so a sweep over a range costs O(windows + pauses).
class PauseCursor {
 public:
  explicit PauseCursor(const std::vector<TimeSpan>& merged) : merged_(merged) {}

  // The first pause that ends after `t`, or nullptr.
  const TimeSpan* EndingAfter(absl::Time t) {
    while (next_ < merged_.size() && merged_[next_].end <= t) ++next_;
    return next_ < merged_.size() ? &merged_[next_] : nullptr;
  }

  // The paused time inside [a, b).
  absl::Duration CoveredIn(absl::Time a, absl::Time b) {
    EndingAfter(a);
    absl::Duration covered;
    for (size_t i = next_; i < merged_.size() && merged_[i].start < b; ++i) {
      covered += std::min(b, merged_[i].end) - std::max(a, merged_[i].start);
    }
    return covered;
  }

 private:
  const std::vector<TimeSpan>& merged_;
  size_t next_ = 0;
};

}  // namespace

absl::Duration WorkCalendar::WorkingTimeBetween(absl::Time start, absl::Time end,
                                                absl::Span<const TimeSpan> pauses) const {
  const std::vector<TimeSpan> merged = Merged(pauses);
  // A pause covering either end shortens the range: that is how an
  // open-ended pause bounds an otherwise endless range.
  for (const TimeSpan& p : merged) {
    if (p.start <= start && start < p.end) start = p.end;
    if (p.start < end && end <= p.end) end = p.start;
  }
  if (end <= start) return absl::ZeroDuration();
  if (start == absl::InfinitePast() || end == absl::InfiniteFuture()) return absl::InfiniteDuration();

  PauseCursor cursor(merged);
  std::vector<TimeSpan> windows;
  absl::Duration total;
  for (absl::CivilDay day = DayOf(start), last = DayOf(end); day <= last; ++day) {
    windows.clear();
    WindowsOn(day, &windows);
    for (const TimeSpan& w : windows) {
      const absl::Time a = std::max(w.start, start);
      const absl::Time b = std::min(w.end, end);
      if (a < b) total += (b - a) - cursor.CoveredIn(a, b);
    }
  }
  return total;
}

absl::StatusOr<absl::Time> WorkCalendar::AddWorkingTime(absl::Time start, absl::Duration working,
                                                        absl::Span<const TimeSpan> pauses) const {
  if (working < absl::ZeroDuration()) return absl::InvalidArgumentError("working time must not be negative");
  if (start == absl::InfinitePast() || start == absl::InfiniteFuture()) {
    return absl::InvalidArgumentError("the start of working time must be a finite instant");
  }
  if (working == absl::ZeroDuration()) return start;
  if (working == absl::InfiniteDuration()) return absl::InfiniteFuture();

  const std::vector<TimeSpan> merged = Merged(pauses);
  PauseCursor cursor(merged);
  std::vector<TimeSpan> windows;
  absl::Duration remaining = working;
  absl::Time at = start;  // everything before `at` is counted or skipped
  // Ends: a checked calendar works again within days of any date, and a
  // pause that never ends returns at once.
  for (absl::CivilDay day = DayOf(start);; ++day) {
    // A long pause is skipped in one step, not walked through day by day.
    day = std::max(day, DayOf(at));
    windows.clear();
    WindowsOn(day, &windows);
    for (const TimeSpan& w : windows) {
      absl::Time a = std::max(w.start, at);
      while (a < w.end) {
        const TimeSpan* pause = cursor.EndingAfter(a);
        if (pause != nullptr && pause->start <= a) {
          if (pause->end == absl::InfiniteFuture()) return absl::InfiniteFuture();
          a = pause->end;
          continue;
        }
        const absl::Time b = pause != nullptr ? std::min(w.end, pause->start) : w.end;
        if (b - a >= remaining) return a + remaining;
        remaining -= b - a;
        a = b;
      }
      at = a;
    }
  }
}

absl::Time WorkCalendar::NextWorkingInstant(absl::Time t) const {
  if (t == absl::InfinitePast() || t == absl::InfiniteFuture()) return t;
  std::vector<TimeSpan> windows;
  // Ends: a checked calendar works again within days of any date.
  for (absl::CivilDay day = DayOf(t);; ++day) {
    windows.clear();
    WindowsOn(day, &windows);
    for (const TimeSpan& w : windows) {
      if (t < w.end) return std::max(w.start, t);
    }
  }
}

}  // namespace huinong::calendar
